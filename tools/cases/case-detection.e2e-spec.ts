import { createEvent, ErpEventPayloads, ErpEventType, OrderStatus } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(180_000);

/** Detection judges at this instant: the demo distributor's "today" (27 Nov 2026), before any cut-off. */
const AS_OF = new Date('2026-11-27T06:00:00Z');
const TODAY = '2026-11-27';

interface ExceptionView {
  category: string;
  lineNo: number | null;
  status: string;
  owner: string;
  reason: string;
  clearReason: string | null;
}
interface CaseView {
  id: string;
  orderNumber: string;
  status: string;
  closedAt: string | null;
  reopenedCount: number;
  reworkCount: number;
  evaluatedErpVersion: number | null;
  exceptions: ExceptionView[];
  tasks: { team: string; status: string }[];
}

interface AssessedCase {
  id: string;
  priority: number;
  region: string | null;
  ruleVersions: { table: string; version: number }[];
  priorityFactors: { factor: string; weight: number; contribution: number }[];
  tasks: {
    team: string;
    createdAt: string;
    atRiskAt: string | null;
    dueAt: string | null;
    slaTargetMinutes: number | null;
    slaState: string | null;
    escalationLevel: number;
  }[];
  recommendations: {
    rank: number;
    action: string;
    dateEffectDays: number;
    automatable: boolean;
    policyRule: string | null;
    parameters: { name: string; value: string | null }[];
  }[];
  auditTrail: { action: string; payload: string }[];
}

const CASE_FIELDS = `id orderNumber status closedAt reopenedCount reworkCount evaluatedErpVersion
  exceptions { category lineNo status owner reason clearReason }
  tasks { team status }`;

const key = (e: { category: string; lineNo: number | null }) => `${e.category}|${e.lineNo ?? '-'}`;
const openKeys = (c: CaseView | null) =>
  (c?.exceptions ?? [])
    .filter((e) => e.status === 'OPEN')
    .map(key)
    .sort();

/**
 * Exception detection through the real services, bus and gateway (embedded): the cases service
 * reads each order's context through the graph, opens one case per order with every exception,
 * routes a task per exception to its team, clears what went away and closes, reopens on recurrence.
 */
describe('exception detection', () => {
  let stack: EmbeddedStack;
  let auth: Record<string, string>;
  const demo = buildDemoDistributor(DEMO_SIZES.small);
  const reference = demo.orders.find((o) => o.orderNumber === 'SO-1001')!;
  let sequence = 0;
  const erp = <K extends ErpEventType>(type: K, subject: string, data: ErpEventPayloads[K]) =>
    stack.publish(createEvent(type, subject, data, { source: 'erp', id: `detection-e2e-${++sequence}` }));
  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await graphql<T>(stack.gatewayUrl!, query, variables, auth);
    if (errors) throw new Error(errors[0].message);
    return data!;
  };
  const caseOf = async (orderNumber: string) =>
    (
      await ask<{ order: { case: CaseView | null } | null }>(
        `query($n: ID!) { order(orderNumber: $n) { case { ${CASE_FIELDS} } } }`,
        { n: orderNumber },
      )
    ).order?.case ?? null;
  /** Waits until every event is applied and every evaluation they asked for has run. */
  const settled = async () => {
    await stack.idle();
    await eventually(async () => {
      const [row] = await stack.sql<{ n: string }>(
        // Due now or about to be; a recheck planned for an acknowledgement timeout is not work waiting.
        "SELECT count(*) AS n FROM cases.evaluation_request WHERE due_at < now() + interval '5 seconds'",
      );
      return Number(row.n) === 0 ? true : undefined;
    }, 60_000);
  };
  const trail = async (caseId: string) =>
    (
      await ask<{ case: { auditTrail: { actor: string; action: string }[] } }>(
        'query($id: ID!) { case(id: $id) { auditTrail { actor action } } }',
        { id: caseId },
      )
    ).case.auditTrail;

  beforeAll(async () => {
    process.env.DETECTION_SETTLE_DELAY_MS = '100';
    process.env.DETECTION_POLL_INTERVAL_MS = '100';
    process.env.DETECTION_RETRY_DELAY_MS = '200';
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent', clock: () => AS_OF });
    auth = { authorization: `Bearer ${await stack.token({ roles: ['admin'] })}` };
    await settled();
  });
  afterAll(async () => {
    await stack?.stop();
    for (const name of ['SETTLE_DELAY_MS', 'POLL_INTERVAL_MS', 'RETRY_DELAY_MS'])
      delete process.env[`DETECTION_${name}`];
  });

  it('finds exactly the exceptions the demo distributor plants, order by order', async () => {
    const { cases } = await ask<{ cases: CaseView[] }>(
      '{ cases(first: 200) { orderNumber status exceptions { category lineNo } } }',
    );
    const found = new Map<string, Set<string>>();
    for (const c of cases) {
      // IN_PROGRESS where the automation policy already acted (sourcing a short line elsewhere).
      expect(['OPEN', 'IN_PROGRESS']).toContain(c.status);
      for (const e of c.exceptions) {
        const set = found.get(e.category) ?? new Set<string>();
        set.add(`${c.orderNumber}|${e.lineNo ?? '-'}`);
        found.set(e.category, set);
      }
    }
    const sorted = (category: string) => [...(found.get(category) ?? [])].sort();
    const lines = (list: { orderNumber: string; lineNo: number }[]) =>
      [...new Set(list.map((l) => `${l.orderNumber}|${l.lineNo}`))].sort();
    const headers = (orders: { orderNumber: string }[]) =>
      [...new Set(orders.map((o) => `${o.orderNumber}|-`))].sort();

    // STOCK_SHORTAGE: short at the assigned DC by the requested date (inbound that arrives by then covers it).
    const short = demo.planted.shortLines.filter((l) => !l.coveredByInbound);
    expect(sorted('STOCK_SHORTAGE')).toEqual(lines(short));
    expect(sorted('PRICE_MISMATCH')).toEqual(lines(demo.planted.offContractLines));
    const onHold = new Set([...demo.planted.credit.overLimit, ...demo.planted.credit.overdue]);
    expect(sorted('CREDIT_HOLD')).toEqual(headers(demo.orders.filter((o) => onHold.has(o.customerId))));
    // Full carrier days, and every order whose requested date has already passed.
    const fullDayOrders = new Set(demo.planted.fullCarrierDays.flatMap((d) => d.orderNumbers));
    expect(sorted('SHIPMENT_CONSTRAINT')).toEqual(
      headers(demo.orders.filter((o) => fullDayOrders.has(o.orderNumber) || o.requestedDate < TODAY)),
    );
    // ROUTING_RULE: a ship-complete customer's order with a short line cannot ship complete.
    const shipComplete = new Set(demo.routingRules.filter((r) => r.shipComplete).map((r) => r.customerId));
    const customerOf = new Map(demo.orders.map((o) => [o.orderNumber, o.customerId]));
    expect(sorted('ROUTING_RULE')).toEqual(
      headers(short.filter((l) => shipComplete.has(customerOf.get(l.orderNumber)!))),
    );
    // MASTER_DATA: lines for SKUs the product master lacks, and lines whose customer's contract lapsed.
    const masterData = sorted('MASTER_DATA');
    for (const line of demo.planted.unknownSkuLines)
      expect(masterData).toContain(`${line.orderNumber}|${line.lineNo}`);
    const familyOf = new Map(demo.products.map((p) => [p.sku, p.family]));
    const lapsed = demo.orders.flatMap((order) =>
      order.lines
        .filter((line) => familyOf.has(line.sku))
        .filter((line) => {
          const applies = demo.contracts.filter(
            (c) =>
              c.customerId === order.customerId &&
              (c.sku === line.sku || (!c.sku && c.family === familyOf.get(line.sku))),
          );
          const inForce = applies.some((c) => c.validFrom <= order.orderedOn && order.orderedOn <= c.validTo);
          return !inForce && applies.some((c) => c.validTo < order.orderedOn);
        })
        .map((line) => ({ orderNumber: order.orderNumber, lineNo: line.lineNo })),
    );
    expect(masterData).toEqual(lines([...demo.planted.unknownSkuLines, ...lapsed]));
    expect(found.get('ERP_SYNC')).toBeUndefined();
  });

  it('opens one case for SO-1001 with its three exceptions, each with a task in its team’s queue', async () => {
    const found = (await caseOf('SO-1001'))!;
    // In progress: the automation policy sent line 1's transfer from DC-SOUTH to the ERP at once.
    expect(found).toMatchObject({
      status: 'IN_PROGRESS',
      reopenedCount: 0,
      reworkCount: 0,
      evaluatedErpVersion: 1,
    });
    expect(openKeys(found)).toEqual(['PRICE_MISMATCH|2', 'SHIPMENT_CONSTRAINT|-', 'STOCK_SHORTAGE|1']);
    const reasons = Object.fromEntries(found.exceptions.map((e) => [key(e), e.reason]));
    expect(reasons['STOCK_SHORTAGE|1']).toContain(
      '120 × SKU-00001 needed at DC-NORTH by 2026-12-02; 20 available',
    );
    expect(reasons['STOCK_SHORTAGE|1']).toContain('DC-SOUTH has 500');
    expect(reasons['PRICE_MISMATCH|2']).toContain('−9.00 % off the contract price 50.00 (tolerance 3 %)');
    expect(reasons['SHIPMENT_CONSTRAINT|-']).toContain('every carrier is full');
    expect(Object.fromEntries(found.exceptions.map((e) => [key(e), e.owner]))).toEqual({
      'PRICE_MISMATCH|2': 'FINANCE_PRICING',
      'SHIPMENT_CONSTRAINT|-': 'TRANSPORTATION',
      'STOCK_SHORTAGE|1': 'WAREHOUSE',
    });
    expect(found.tasks.map((t) => `${t.team}:${t.status}`).sort()).toEqual([
      'FINANCE_PRICING:OPEN',
      'TRANSPORTATION:OPEN',
      'WAREHOUSE:OPEN',
    ]);
    const steps = await trail(found.id);
    expect(steps.map((s) => s.action)).toEqual([
      'case.opened',
      'exception.detected',
      'exception.detected',
      'exception.detected',
      'case.assessed',
      'action.taken',
    ]);
    expect(new Set(steps.map((s) => s.actor))).toEqual(
      new Set(['ordex.detection', 'ordex.assessment', 'ordex.automation']),
    );
    const { verifyAuditChain } = await ask<{ verifyAuditChain: { valid: boolean; entries: number } }>(
      'query($id: ID!) { verifyAuditChain(caseId: $id) { valid entries } }',
      { id: found.id },
    );
    expect(verifyAuditChain).toEqual({ valid: true, entries: 6 });
    const published = await stack.sql<{ change: string }>(
      `SELECT envelope->'data'->>'change' AS change FROM cases.outbox
        WHERE subject = 'cases.case.updated.v1' AND envelope->'data'->>'orderNumber' = 'SO-1001'
        ORDER BY seq`,
    );
    // In the order they were queued, in one transaction: the policy's command is sent as the case opens.
    expect(published.map((p) => p.change)).toEqual([
      'ALTERNATE_DC sent to the ERP',
      'opened, 1 action taken by policy',
    ]);
  });

  it('assesses SO-1001: priority factor by factor, SLA deadlines on DC-NORTH’s calendar, next best actions', async () => {
    const { order } = await ask<{ order: { case: AssessedCase } }>(
      `{ order(orderNumber: "SO-1001") { case {
          id priority region ruleVersions { table version }
          priorityFactors { factor weight contribution }
          tasks { team createdAt atRiskAt dueAt slaTargetMinutes slaState escalationLevel }
          recommendations { rank action dateEffectDays automatable policyRule parameters { name value } }
          auditTrail { action payload } } } }`,
    );
    const assessed = order.case;
    expect(assessed.region).toBe('NORTH');
    expect(assessed.ruleVersions).toEqual([
      { table: 'automation-policy', version: 1 },
      { table: 'routing', version: 1 },
      { table: 'sla-targets', version: 1 },
    ]);
    const factors = Object.fromEntries(assessed.priorityFactors.map((f) => [f.factor, f.contribution]));
    expect(Object.keys(factors)).toEqual([
      'CUSTOMER_TIER',
      'ORDER_VALUE',
      'MARGIN_AT_RISK',
      'DATE_RISK',
      'SLA_TIME_LEFT',
    ]);
    // Platinum: the full 20; date 5 days out and threatened: 25 × (1 − 0.8 × 5/14) = 17.86; SLA untouched: 0.
    expect(factors).toMatchObject({ CUSTOMER_TIER: 20, DATE_RISK: 17.86, SLA_TIME_LEFT: 0 });
    const sum = assessed.priorityFactors.reduce((total, f) => total + f.contribution, 0);
    expect(assessed.priority).toBe(Math.round(sum));

    // Friday 07:00 in Berlin, opening time: platinum stock and shipment 120 working minutes, price 240.
    expect(
      Object.fromEntries(
        assessed.tasks.map((t) => [
          t.team,
          [t.createdAt, t.atRiskAt, t.dueAt, t.slaTargetMinutes, t.slaState],
        ]),
      ),
    ).toEqual({
      WAREHOUSE: [
        AS_OF.toISOString(),
        '2026-11-27T07:30:00.000Z',
        '2026-11-27T08:00:00.000Z',
        120,
        'ON_TRACK',
      ],
      TRANSPORTATION: [
        AS_OF.toISOString(),
        '2026-11-27T07:30:00.000Z',
        '2026-11-27T08:00:00.000Z',
        120,
        'ON_TRACK',
      ],
      FINANCE_PRICING: [
        AS_OF.toISOString(),
        '2026-11-27T09:00:00.000Z',
        '2026-11-27T10:00:00.000Z',
        240,
        'ON_TRACK',
      ],
    });

    // The reference scenario's proposals, best first, each judged by the automation policy.
    const proposals = assessed.recommendations.map((r) => ({
      action: r.action,
      automatable: r.automatable,
      ...Object.fromEntries(r.parameters.map((p) => [p.name, p.value])),
    }));
    expect(proposals.slice(0, 4)).toMatchObject([
      // A price off contract always goes to finance: neither correction nor override runs by itself.
      { action: 'CORRECT_PRICE', automatable: false, lineNo: '2', price: '50' },
      { action: 'APPROVE_PRICE_OVERRIDE', automatable: false, lineNo: '2', belowMarginFloor: 'false' },
      { action: 'REBOOK_CARRIER', automatable: false, dcCode: 'DC-NORTH', shipDate: '2026-12-03' },
      { action: 'ALTERNATE_DC', automatable: true, lineNo: '1', dcCode: 'DC-SOUTH', quantity: '120' },
    ]);
    expect(proposals.map((p) => p.action)).toEqual(expect.arrayContaining(['SPLIT_SHIPMENT', 'BACKORDER']));
    expect(proposals.at(-1)).toMatchObject({ action: 'NOTIFY_CUSTOMER', commitmentDate: '2026-12-03' });
    expect(assessed.recommendations.map((r) => r.rank)).toEqual(proposals.map((_, i) => i + 1));

    const entry = assessed.auditTrail.find((e) => e.action === 'case.assessed')!;
    expect(JSON.parse(entry.payload)).toMatchObject({
      model: 'priority/1',
      rules: { routing: 1, 'sla-targets': 1, 'automation-policy': 1 },
      after: { priority: assessed.priority },
    });
  });

  it('changes nothing when an evaluation finds what the case already holds', async () => {
    const before = (await caseOf('SO-1001'))!;
    const steps = (await trail(before.id)).length;
    await erp(
      'erp.credit.updated.v2',
      'C-0001',
      demo.credit.find((c) => c.customerId === 'C-0001')!,
    );
    await settled();
    const after = (await caseOf('SO-1001'))!;
    expect(after.exceptions).toEqual(before.exceptions);
    expect(await trail(before.id)).toHaveLength(steps);
  });

  it('clears each exception whose cause goes away, with the reason, and closes the case when none is left', async () => {
    // Stock arrives at DC-NORTH: line 1 can be filled there.
    await erp('erp.stock.adjusted.v1', 'DC-NORTH', {
      sku: 'SKU-00001',
      dcCode: 'DC-NORTH',
      onHandDelta: 100,
      allocatedDelta: 0,
      reason: 'goods receipt',
      adjustedAt: '2026-11-27T05:30:00Z',
    });
    await settled();
    let current = (await caseOf('SO-1001'))!;
    expect(openKeys(current)).toEqual(['PRICE_MISMATCH|2', 'SHIPMENT_CONSTRAINT|-']);
    const stock = current.exceptions.find((e) => e.category === 'STOCK_SHORTAGE')!;
    expect(stock.status).toBe('CLEARED');
    expect(stock.clearReason).toContain('erp.stock.adjusted.v1: SKU-00001 at DC-NORTH');
    expect(current.tasks.filter((t) => t.team === 'WAREHOUSE').map((t) => t.status)).toEqual(['CANCELLED']);

    // The ERP corrects line 2 to the contract price in version 2.
    const corrected = {
      ...reference,
      erpVersion: 2,
      lines: reference.lines.map((l) => (l.lineNo === 2 ? { ...l, unitPrice: 50 } : l)),
    };
    await erp('erp.order.changed.v1', 'SO-1001', corrected);
    await settled();
    current = (await caseOf('SO-1001'))!;
    expect(current.evaluatedErpVersion).toBe(2);
    expect(openKeys(current)).toEqual(['SHIPMENT_CONSTRAINT|-']);

    // Every DC-NORTH carrier gets room on 2 December.
    for (const carrierCode of ['CAR-SWIFT', 'CAR-NORDIC', 'CAR-LTL']) {
      const full = demo.capacity.find(
        (c) => c.carrierCode === carrierCode && c.dcCode === 'DC-NORTH' && c.shipDate === '2026-12-02',
      )!;
      await erp('erp.carrier.capacity-changed.v1', `${carrierCode}|DC-NORTH`, { ...full, bookedKg: 0 });
    }
    await settled();
    current = (await caseOf('SO-1001'))!;
    expect(openKeys(current)).toEqual([]);
    expect(current.status).toBe('CLOSED');
    expect(current.closedAt).toBe(AS_OF.toISOString());
    const steps = (await trail(current.id)).map((s) => s.action);
    expect(steps.filter((a) => a === 'exception.cleared')).toHaveLength(3);
    expect(steps.at(-1)).toBe('case.closed');
  });

  it('reopens the closed case when an exception recurs within the window, and counts the rework', async () => {
    const closed = (await caseOf('SO-1001'))!;
    await erp('erp.order.changed.v1', 'SO-1001', { ...reference, erpVersion: 3 });
    await settled();
    const reopened = (await caseOf('SO-1001'))!;
    expect(reopened).toMatchObject({
      id: closed.id,
      status: 'OPEN',
      closedAt: null,
      reopenedCount: 1,
      reworkCount: 1,
    });
    expect(openKeys(reopened)).toEqual(['PRICE_MISMATCH|2']);
    expect((await trail(closed.id)).map((s) => s.action)).toContain('case.reopened');
  });

  it('closes the case when the ERP cancels the order', async () => {
    await erp('erp.order.cancelled.v1', 'SO-1001', {
      orderNumber: 'SO-1001',
      erpVersion: 4,
      cancelledAt: '2026-11-27T05:45:00Z',
      reason: 'customer request',
    });
    await settled();
    const current = (await caseOf('SO-1001'))!;
    expect(current.status).toBe('CLOSED');
    expect(openKeys(current)).toEqual([]);
    const byCancellation = current.exceptions.filter(
      (e) => e.clearReason === 'the order is CANCELLED in the ERP (v4)',
    );
    expect(byCancellation.map(key)).toEqual(['PRICE_MISMATCH|2']);
    const { verifyAuditChain } = await ask<{ verifyAuditChain: { valid: boolean } }>(
      'query($id: ID!) { verifyAuditChain(caseId: $id) { valid } }',
      { id: current.id },
    );
    expect(verifyAuditChain.valid).toBe(true);
  });

  it('closes the case of an order the ERP releases, and stops watching the order', async () => {
    const line = demo.planted.shortLines.find((l) => l.orderNumber !== 'SO-1001' && !l.coveredByInbound)!;
    const order = demo.orders.find((o) => o.orderNumber === line.orderNumber)!;
    expect((await caseOf(order.orderNumber))?.status).toBe('OPEN');
    await erp('erp.order.changed.v1', order.orderNumber, {
      ...order,
      erpVersion: order.erpVersion + 1,
      status: OrderStatus.RELEASED,
    });
    await settled();
    const released = (await caseOf(order.orderNumber))!;
    expect(released.status).toBe('CLOSED');
    expect(openKeys(released)).toEqual([]);
    expect(new Set(released.exceptions.map((e) => e.clearReason))).toEqual(
      new Set([`the order is RELEASED in the ERP (v${order.erpVersion + 1})`]),
    );
    const [watched] = await stack.sql<{ open: boolean }>(
      'SELECT open FROM cases.watched_order WHERE order_number = $1',
      [order.orderNumber],
    );
    expect(watched.open).toBe(false);
  });

  it('decides a case with the table versions it pinned; a case opened after a policy change uses the new one', async () => {
    const unknownLine = { lineNo: 3, sku: 'SKU-NOT-IN-MASTER', quantity: 1, unitPrice: 10 };
    await erp('erp.order.created.v1', 'SO-9901', { ...reference, orderNumber: 'SO-9901', erpVersion: 1 });
    await settled();
    // SLA targets v2, published through the graph: every 480-minute target becomes 45.
    const { decisionTable } = await ask<{ decisionTable: { content: string } }>(
      '{ decisionTable(key: "sla-targets") { content } }',
    );
    const tighter = decisionTable.content.replaceAll('"targetMinutes":"480"', '"targetMinutes":"45"');
    expect(tighter).not.toBe(decisionTable.content);
    const { publishDecisionTable } = await ask<{
      publishDecisionTable: { version: number; createdBy: string };
    }>(
      'mutation($content: String!) { publishDecisionTable(key: "sla-targets", content: $content, comment: "tighter master-data targets") { version createdBy } }',
      { content: tighter },
    );
    expect(publishDecisionTable.version).toBe(2);
    // The same new MASTER_DATA line on SO-9901 (case opened under v1) and on SO-9902 (opened now).
    await erp('erp.order.changed.v1', 'SO-9901', {
      ...reference,
      orderNumber: 'SO-9901',
      erpVersion: 2,
      lines: [...reference.lines, unknownLine],
    });
    await erp('erp.order.created.v1', 'SO-9902', {
      ...reference,
      orderNumber: 'SO-9902',
      erpVersion: 1,
      lines: [...reference.lines, unknownLine],
    });
    await settled();
    const masterDataTask = async (orderNumber: string) => {
      const { order } = await ask<{
        order: {
          case: {
            ruleVersions: { table: string; version: number }[];
            tasks: { team: string; slaTargetMinutes: number }[];
          };
        };
      }>(
        'query($n: ID!) { order(orderNumber: $n) { case { ruleVersions { table version } tasks { team slaTargetMinutes } } } }',
        { n: orderNumber },
      );
      return {
        sla: order.case.ruleVersions.find((r) => r.table === 'sla-targets')?.version,
        minutes: order.case.tasks.find((t) => t.team === 'DATA_STEWARDSHIP')?.slaTargetMinutes,
      };
    };
    expect(await masterDataTask('SO-9901')).toEqual({ sla: 1, minutes: 480 });
    expect(await masterDataTask('SO-9902')).toEqual({ sla: 2, minutes: 45 });
    for (const [orderNumber, erpVersion] of [
      ['SO-9901', 3],
      ['SO-9902', 2],
    ] as const) {
      await erp('erp.order.cancelled.v1', orderNumber, {
        orderNumber,
        erpVersion,
        cancelledAt: '2026-11-27T05:50:00Z',
        reason: 'pinning test',
      });
    }
    await settled();
  });

  it('refuses a governance table version ordex could not decide with, and keeps the history of those it took', async () => {
    const publish = (key: string, content: string) =>
      graphql(
        stack.gatewayUrl!,
        'mutation($key: ID!, $content: String!) { publishDecisionTable(key: $key, content: $content, comment: "test") { version } }',
        { key, content },
        auth,
      );
    const refusal = async (key: string, content: string) => {
      const { errors } = await publish(key, content);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return errors![0].message;
    };
    expect(await refusal('discounts', '{}')).toMatch(/unknown decision table discounts/);
    expect(await refusal('routing', '{"nodes": [')).toMatch(/content is not JSON/);
    const { decisionTable } = await ask<{ decisionTable: { content: string } }>(
      '{ decisionTable(key: "routing") { content } }',
    );
    // Credit holds to a team ordex does not have: refused, naming the probe that failed.
    const broken = decisionTable.content.replace(
      '"team":"\\"FINANCE_CREDIT\\""',
      '"team":"\\"COLLECTIONS\\""',
    );
    expect(broken).not.toBe(decisionTable.content);
    expect(await refusal('routing', broken)).toMatch(
      /"category":"CREDIT_HOLD".*team must be one of .*got "COLLECTIONS"/,
    );
    const { decisionTableHistory } = await ask<{
      decisionTableHistory: { version: number; createdBy: string; comment: string }[];
    }>('{ decisionTableHistory(key: "sla-targets") { version createdBy comment } }');
    expect(decisionTableHistory.map((v) => [v.version, v.comment])).toEqual([
      [2, 'tighter master-data targets'],
      [1, 'Initial SLA targets by category and tier; at risk at 75 %, manager at 150 %'],
    ]);
  });

  it('keeps a business calendar per DC region, refusing one it could not count on', async () => {
    const { businessCalendars } = await ask<{
      businessCalendars: { region: string; timeZone: string; holidayCountry: string | null }[];
    }>('{ businessCalendars { region timeZone holidayCountry } }');
    expect(businessCalendars).toEqual([
      { region: 'DEFAULT', timeZone: 'UTC', holidayCountry: null },
      { region: 'EAST', timeZone: 'Europe/Bucharest', holidayCountry: 'RO' },
      { region: 'NORTH', timeZone: 'Europe/Berlin', holidayCountry: 'DE' },
      { region: 'SOUTH', timeZone: 'Europe/Rome', holidayCountry: 'IT' },
      { region: 'WEST', timeZone: 'Europe/Lisbon', holidayCountry: 'PT' },
    ]);
    const { errors } = await graphql(
      stack.gatewayUrl!,
      `
        mutation {
          setBusinessCalendar(
            calendar: {
              region: "NORTH"
              timeZone: "Mars/Olympus"
              holidayCountry: "XX"
              workingHours: [{ weekday: 1, from: "18:00", to: "08:00" }]
            }
          ) {
            region
          }
        }
      `,
      {},
      auth,
    );
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/Mars\/Olympus/);
    const { data } = await graphql<{ setBusinessCalendar: { region: string; updatedBy: string } }>(
      stack.gatewayUrl!,
      `
        mutation {
          setBusinessCalendar(
            calendar: {
              region: "NORTH"
              timeZone: "Europe/Berlin"
              holidayCountry: "DE"
              holidayState: "BE"
              workingHours: [
                { weekday: 1, from: "07:00", to: "19:00" }
                { weekday: 2, from: "07:00", to: "19:00" }
                { weekday: 3, from: "07:00", to: "19:00" }
                { weekday: 4, from: "07:00", to: "19:00" }
                { weekday: 5, from: "07:00", to: "19:00" }
              ]
              closures: ["2026-12-24"]
            }
          ) {
            region
            updatedBy
          }
        }
      `,
      {},
      auth,
    );
    expect(data?.setBusinessCalendar.region).toBe('NORTH');
  });

  it('dead-letters nothing and leaves no evaluation waiting', async () => {
    await settled();
    expect(await stack.deadLetters()).toEqual([]);
  });
});
