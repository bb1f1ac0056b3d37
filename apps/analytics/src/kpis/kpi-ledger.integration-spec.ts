import {
  createEvent,
  CustomerSegment,
  CustomerTier,
  OrderStatus,
  Region,
  UnitOfMeasure,
  type CaseActivity,
  type Order,
} from '@ordex/contracts';
import type { DataSource } from 'typeorm';
import { caseActivityRecord } from '../event-log/domain/event-log-record.util';
import { EventLogService } from '../event-log/event-log.service';
import { ProcessFactsService } from '../facts/process-facts.service';
import { analyticsTestDatabase } from '../analytics-database.test-support';
import { Kpi, KpiDimension, TimeGrain } from './domain/kpi-catalog';
import { KpiLedgerService } from './kpi-ledger.service';
import { ActionOutcomesService } from '../outcomes/action-outcomes.service';
import type { KpiSettings } from './kpi.settings';
import { KpisService, type KpiPoint } from './kpis.service';

/**
 * A log built by hand, fed through the same services the analytics consumers run (event log
 * append, then the facts and the KPI ledger, in one transaction per event), and every KPI read
 * back exactly. Days are Europe/Berlin's (UTC+1 in November): 2026-11-02 is a Monday.
 */
const settings: KpiSettings = { timeZone: 'Europe/Berlin', recurrenceWindowDays: 30 };
const BERLIN_MIDNIGHT = (day: string) => new Date(`${day}T00:00:00+01:00`);

describe('KPI ledger (PostgreSQL, hand-built log)', () => {
  let close: () => Promise<void>;
  let db: DataSource;
  let eventLog: EventLogService;
  let facts: ProcessFactsService;
  let kpis: KpisService;
  let seq = 0;

  const inTx = (work: (tx: import('typeorm').EntityManager) => Promise<void>) => db.transaction(work);

  /** One case step as the cases service publishes it; attributes travel as text, as on the wire. */
  function activity(
    caseId: string,
    orderNumber: string,
    name: string,
    at: string,
    actor: string,
    objects: Record<string, string>,
    attributes: Record<string, string | number | null> = {},
    team: string | null = null,
  ): CaseActivity {
    seq += 1;
    return {
      activityId: `${caseId}:${seq}`,
      caseId,
      orderNumber,
      customerId: null,
      activity: name,
      actor,
      team,
      occurredAt: at,
      objects: [
        { type: 'case', id: caseId, qualifier: 'case' },
        { type: 'order', id: orderNumber, qualifier: 'order' },
        ...Object.entries(objects).map(([type, id]) => ({ type, id, qualifier: type })),
      ],
      attributes: Object.entries(attributes)
        .filter(([, value]) => value !== null)
        .map(([name, value]) => ({ name, value: String(value) })),
    };
  }

  async function step(data: CaseActivity): Promise<void> {
    const record = caseActivityRecord(
      createEvent('cases.activity.recorded.v1', data.caseId, data, { source: 'cases', id: data.activityId }),
    );
    await inTx(async (tx) => {
      if (await eventLog.append(record, tx)) await facts.caseStep(tx, record);
    });
  }

  const order = (
    orderNumber: string,
    customerId: string,
    shipToId: string,
    lines: [string, number, number][],
  ): Order => ({
    orderNumber,
    customerId,
    shipToId,
    erpVersion: 1,
    currency: 'EUR',
    orderedOn: '2026-11-01',
    requestedDate: '2026-11-10',
    status: OrderStatus.RECEIVED,
    lines: lines.map(([sku, quantity, unitPrice], i) => ({ lineNo: i + 1, sku, quantity, unitPrice })),
  });

  const customer = (
    id: string,
    segment: CustomerSegment,
    tier: CustomerTier,
    shipTo: string,
    region: Region,
  ) =>
    inTx((tx) =>
      facts.customerChanged(tx, {
        customer: { id, name: id, paymentTermsDays: 30, segment, tier },
        shipTos: [{ id: shipTo, customerId: id, name: shipTo, region }],
      }),
    );
  const product = (sku: string, family: string) =>
    inTx((tx) =>
      facts.productChanged(tx, {
        sku,
        family,
        name: sku,
        listPrice: 1,
        unitCost: 1,
        substitutes: [],
        unitOfMeasure: UnitOfMeasure.EA,
        weightKg: 1,
      }),
    );

  /** The log's "now": a series without `from` reads the span before it. */
  const NOW = new Date('2026-12-01T00:00:00Z');
  const series = (kpi: Kpi, grain = TimeGrain.DAY, dimension = KpiDimension.ALL) =>
    kpis.series({ kpi, grain, dimension }, NOW);
  /** The points as [day, member, count, value] (durations add p50, p90, mean; rates add hits). */
  const rows = (points: KpiPoint[]) =>
    points.map((p) => {
      const day = p.bucketStart.toISOString();
      if (p.p50 !== null) return [day, p.member, p.count, p.p50, p.p90, p.mean];
      if (p.hits !== null) return [day, p.member, p.count, p.hits, p.value];
      return [day, p.member, p.count, p.value];
    });

  const NOV2 = BERLIN_MIDNIGHT('2026-11-02').toISOString();
  const NOV3 = BERLIN_MIDNIGHT('2026-11-03').toISOString();
  const NOV4 = BERLIN_MIDNIGHT('2026-11-04').toISOString();

  beforeAll(async () => {
    ({ db, close } = await analyticsTestDatabase());
    eventLog = new EventLogService(db);
    facts = new ProcessFactsService(new KpiLedgerService(settings), new ActionOutcomesService(db, settings));
    kpis = new KpisService(db, settings);

    await customer('C1', CustomerSegment.KEY_ACCOUNT, CustomerTier.PLATINUM, 'S1', Region.NORTH);
    await customer('C2', CustomerSegment.REGIONAL, CustomerTier.GOLD, 'S2', Region.SOUTH);
    await product('SKU-A', 'ELECTRICAL');
    await product('SKU-B', 'PLUMBING');
    const received = (o: Order, at: string) => inTx((tx) => facts.orderVersion(tx, o, new Date(at)));
    await received(
      order('O1', 'C1', 'S1', [
        ['SKU-A', 10, 100],
        ['SKU-B', 5, 20],
      ]),
      '2026-11-02T08:00:00Z',
    );
    await received(order('O2', 'C1', 'S1', [['SKU-A', 2, 50]]), '2026-11-02T23:00:00Z');
    await received(order('O3', 'C2', 'S2', [['SKU-B', 10, 30]]), '2026-11-03T09:00:00Z');

    // Case K1 on O1 (Monday): a shortage the policy fixes, a price a person overrides with approval.
    const k1 = (
      name: string,
      at: string,
      actor: string,
      objects: Record<string, string>,
      attrs = {},
      team: string | null = null,
    ) => step(activity('K1', 'O1', name, at, actor, objects, attrs, team));
    await k1(
      'exception.detected',
      '2026-11-02T08:00:10Z',
      'ordex.detection',
      { line: 'O1/1', exception: 'X1' },
      {
        category: 'STOCK_SHORTAGE',
        lineNo: 1,
        dcCode: 'DC-N',
        dueAt: '2026-11-02T12:00:00.000Z',
        team: 'warehouse',
      },
      'warehouse',
    );
    await k1(
      'exception.detected',
      '2026-11-02T08:00:10Z',
      'ordex.detection',
      { line: 'O1/2', exception: 'X2' },
      {
        category: 'PRICE_MISMATCH',
        lineNo: 2,
        dueAt: '2026-11-02T10:00:00.000Z',
        team: 'finance-pricing',
      },
      'finance-pricing',
    );
    await k1(
      'action.taken',
      '2026-11-02T08:01:10Z',
      'ordex.automation',
      { exception: 'X1', action: 'A1', command: 'CMD1' },
      {
        action: 'ALTERNATE_DC',
        cost: 40,
        state: 'EXECUTING',
        // What the cases service ranked it on, flattened (its null fields left out).
        'rankingInput.action': 'ALTERNATE_DC',
        'rankingInput.category': 'STOCK_SHORTAGE',
        'rankingInput.cost': 40,
        'rankingInput.automatable': 'true',
        'rankingInput.monthEnd': 'false',
        successProbability: 0.81,
        rankingModelVersion: 'action-outcome-v1',
      },
    );
    // The ERP accepting the transfer spends its cost.
    await k1(
      'command.acknowledged',
      '2026-11-02T08:05:10Z',
      'erp',
      { command: 'CMD1', action: 'A1' },
      { commandType: 'TRANSFER_STOCK', outcome: 'ACCEPTED' },
    );
    await k1(
      'exception.resolved',
      '2026-11-02T08:05:10Z',
      'erp',
      { exception: 'X1' },
      { category: 'STOCK_SHORTAGE', lineNo: 1 },
    );
    await k1(
      'action.taken',
      '2026-11-02T09:00:10Z',
      'anna',
      { exception: 'X2', action: 'A2', approval: 'AP1' },
      {
        action: 'PRICE_OVERRIDE',
        cost: 90,
        state: 'AWAITING_APPROVAL',
        rank: 2,
      },
    );
    await k1(
      'approval.decided',
      '2026-11-02T11:00:10Z',
      'bert',
      { approval: 'AP1', action: 'A2' },
      { decision: 'APPROVED' },
    );
    await k1(
      'exception.resolved',
      '2026-11-02T11:00:10Z',
      'bert',
      { exception: 'X2' },
      { category: 'PRICE_MISMATCH', lineNo: 2 },
    );
    await k1(
      'command.acknowledged',
      '2026-11-02T12:00:00Z',
      'erp',
      { command: 'CMD9', action: 'A9' },
      {
        commandType: 'RELEASE_ORDER',
        outcome: 'ACCEPTED',
      },
    );
    await k1('case.closed', '2026-11-02T12:00:00Z', 'erp', {}, { why: 'released' });

    // Case K2 on O2: Berlin's Tuesday starts at 23:00 UTC on Monday; the same customer's shortage recurs.
    const k2 = (name: string, at: string, actor: string, objects: Record<string, string>, attrs = {}) =>
      step(activity('K2', 'O2', name, at, actor, objects, attrs, 'warehouse'));
    await k2(
      'exception.detected',
      '2026-11-02T23:10:00Z',
      'ordex.detection',
      { line: 'O2/1', exception: 'X3' },
      {
        category: 'STOCK_SHORTAGE',
        lineNo: 1,
        team: 'warehouse',
      },
    );
    // The policy's expedite is refused by the ERP: no cost spent, and no person touched it.
    await k2(
      'action.taken',
      '2026-11-02T23:15:00Z',
      'ordex.automation',
      { exception: 'X3', action: 'A3', command: 'CMD3' },
      { action: 'EXPEDITE', cost: 25, state: 'EXECUTING' },
    );
    await k2(
      'command.acknowledged',
      '2026-11-02T23:20:00Z',
      'erp',
      { command: 'CMD3', action: 'A3' },
      { commandType: 'EXPEDITE_PO', outcome: 'REJECTED' },
    );
    await k2(
      'exception.cleared',
      '2026-11-02T23:40:00Z',
      'ordex.detection',
      { exception: 'X3' },
      { category: 'STOCK_SHORTAGE' },
    );
    await k2('case.closed', '2026-11-02T23:40:00Z', 'ordex.detection', {});
    await k2('case.reopened', '2026-11-03T10:00:00Z', 'ordex.detection', {}, { rework: 'true' });

    // Case K3 on O3: a credit hold on an order the ERP then cancels.
    await step(
      activity(
        'K3',
        'O3',
        'exception.detected',
        '2026-11-03T09:30:00Z',
        'ordex.detection',
        { exception: 'X4' },
        {
          category: 'CREDIT_HOLD',
          team: 'finance-credit',
        },
        'finance-credit',
      ),
    );
    // The policy asks finance; a person refuses, and the hold clears by itself: not touchless.
    const k3 = (name: string, at: string, actor: string, objects: Record<string, string>, attrs = {}) =>
      step(activity('K3', 'O3', name, at, actor, objects, attrs));
    await k3(
      'action.taken',
      '2026-11-03T09:40:00Z',
      'ordex.automation',
      { exception: 'X4', action: 'A4', approval: 'AP2' },
      { action: 'CREDIT_RELEASE', cost: 0, state: 'AWAITING_APPROVAL' },
    );
    await k3(
      'approval.decided',
      '2026-11-03T10:40:00Z',
      'carl',
      { approval: 'AP2', action: 'A4' },
      { decision: 'REJECTED' },
    );
    await k3('exception.cleared', '2026-11-03T11:00:00Z', 'ordex.detection', { exception: 'X4' });
    await inTx((tx) => facts.orderCancelled(tx, 'O3', new Date('2026-11-04T10:00:00Z')));

    // Case K4 on O4: its exception is logged before the order's first version reaches analytics.
    await step(
      activity(
        'K4',
        'O4',
        'exception.detected',
        '2026-11-04T09:00:00Z',
        'ordex.detection',
        { exception: 'X5' },
        {
          category: 'SHIPMENT_CONSTRAINT',
          nextCarrier: 'DHL',
          team: 'transportation',
        },
        'transportation',
      ),
    );
    await received(order('O4', 'C2', 'S2', [['SKU-A', 1, 500]]), '2026-11-04T08:00:00Z');
    // A reopening the cases service does not call rework is not counted as one.
    await step(activity('K4', 'O4', 'case.closed', '2026-11-04T12:00:00Z', 'erp', {}));
    await step(
      activity(
        'K4',
        'O4',
        'case.reopened',
        '2026-11-04T13:00:00Z',
        'ordex.detection',
        {},
        { rework: 'false' },
      ),
    );

    // Case K5 on O5: cancelled before its exception was detected, so nothing was lost to it.
    await received(order('O5', 'C1', 'S1', [['SKU-B', 1, 70]]), '2026-11-04T08:00:00Z');
    await inTx((tx) => facts.orderCancelled(tx, 'O5', new Date('2026-11-04T09:00:00Z')));
    await step(
      activity(
        'K5',
        'O5',
        'exception.detected',
        '2026-11-04T10:00:00Z',
        'ordex.detection',
        { exception: 'X6' },
        {
          category: 'MASTER_DATA',
        },
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  it('cycle time: exact seconds, p50 and p90 by nearest rank, by the day settled in Berlin', async () => {
    expect(rows(await series(Kpi.CYCLE_TIME))).toEqual([
      [NOV2, '', 2, 300, 10_800, 5_550],
      [NOV3, '', 2, 1_800, 5_400, 3_600],
    ]);
    expect(rows(await series(Kpi.CYCLE_TIME, TimeGrain.MONTH))).toEqual([
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), '', 4, 1_800, 10_800, 4_575],
    ]);
    expect(rows(await series(Kpi.CYCLE_TIME, TimeGrain.WEEK, KpiDimension.CATEGORY))).toEqual([
      [NOV2, 'CREDIT_HOLD', 1, 5_400, 5_400, 5_400],
      [NOV2, 'PRICE_MISMATCH', 1, 10_800, 10_800, 10_800],
      [NOV2, 'STOCK_SHORTAGE', 2, 300, 1_800, 1_050],
    ]);
    expect(rows(await series(Kpi.CYCLE_TIME, TimeGrain.DAY, KpiDimension.DC))).toEqual([
      [NOV2, 'DC-N', 1, 300, 300, 300],
    ]);
  });

  it('touchless: no person acted or decided (the policy plus the ERP, or a cause that went away)', async () => {
    expect(rows(await series(Kpi.TOUCHLESS_RATE))).toEqual([
      [NOV2, '', 2, 1, 0.5],
      [NOV3, '', 2, 1, 0.5],
    ]);
    expect(rows(await series(Kpi.TOUCHLESS_RATE, TimeGrain.MONTH, KpiDimension.TEAM))).toEqual([
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'finance-credit', 1, 0, 0],
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'finance-pricing', 1, 0, 0],
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'warehouse', 2, 2, 1],
    ]);
  });

  it('SLA attainment counts only exceptions with a due time', async () => {
    expect(rows(await series(Kpi.SLA_ATTAINMENT))).toEqual([[NOV2, '', 2, 1, 0.5]]);
    expect(rows(await series(Kpi.SLA_ATTAINMENT, TimeGrain.DAY, KpiDimension.TEAM))).toEqual([
      [NOV2, 'finance-pricing', 1, 0, 0],
      [NOV2, 'warehouse', 1, 1, 1],
    ]);
  });

  it('recurrence: the same category for the same customer (or SKU) on another order in the window', async () => {
    expect(rows(await series(Kpi.RECURRENCE_RATE))).toEqual([
      [NOV2, '', 2, 0, 0],
      [NOV3, '', 2, 1, 0.5],
      [NOV4, '', 2, 0, 0],
    ]);
    expect(rows(await series(Kpi.RECURRENCE_RATE, TimeGrain.MONTH, KpiDimension.SEGMENT))).toEqual([
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'KEY_ACCOUNT', 4, 1, 0.25],
      // X5 was counted before O4 reached analytics: its customer was not known yet, so it is in
      // the whole operation's point only.
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'REGIONAL', 1, 0, 0],
    ]);
  });

  it('order release latency: received → the ERP accepted the release', async () => {
    expect(rows(await series(Kpi.RELEASE_LATENCY))).toEqual([[NOV2, '', 1, 14_400, 14_400, 14_400]]);
    expect(rows(await series(Kpi.RELEASE_LATENCY, TimeGrain.DAY, KpiDimension.FAMILY))).toEqual([
      [NOV2, 'ELECTRICAL', 1, 14_400, 14_400, 14_400],
      [NOV2, 'PLUMBING', 1, 14_400, 14_400, 14_400],
    ]);
  });

  it('approval latency: the action that asked → the decision, sliced by the exception', async () => {
    expect(rows(await series(Kpi.APPROVAL_LATENCY, TimeGrain.DAY, KpiDimension.CATEGORY))).toEqual([
      [NOV2, 'PRICE_MISMATCH', 1, 7_200, 7_200, 7_200],
      [NOV3, 'CREDIT_HOLD', 1, 3_600, 3_600, 3_600],
    ]);
  });

  it('rework: reopenings per closing, each on its own day', async () => {
    expect(rows(await series(Kpi.REWORK_RATE))).toEqual([
      [NOV2, '', 1, 0, 0],
      [NOV3, '', 1, 1, 1],
      [NOV4, '', 1, 0, 0],
    ]);
    expect(rows(await series(Kpi.REWORK_RATE, TimeGrain.WEEK))).toEqual([[NOV2, '', 3, 1, 1 / 3]]);
  });

  it('service recovery cost: actions that went ahead (done, accepted by the ERP, approved), on that day', async () => {
    expect(rows(await series(Kpi.RECOVERY_COST))).toEqual([[NOV2, '', 2, 130]]);
    expect(rows(await series(Kpi.RECOVERY_COST, TimeGrain.DAY, KpiDimension.CATEGORY))).toEqual([
      [NOV2, 'PRICE_MISMATCH', 1, 90],
      [NOV2, 'STOCK_SHORTAGE', 1, 40],
    ]);
  });

  it('override rate: a person taking other than the first recommendation; the policy never counts', async () => {
    expect(rows(await series(Kpi.OVERRIDE_RATE, TimeGrain.DAY, KpiDimension.TEAM))).toEqual([
      [NOV2, 'finance-pricing', 1, 1, 1],
    ]);
    expect(rows(await series(Kpi.OVERRIDE_RATE))).toEqual([[NOV2, '', 1, 1, 1]]);
  });

  it('revenue at risk once per order, whichever of order and exception arrives first', async () => {
    expect(rows(await series(Kpi.REVENUE_AT_RISK))).toEqual([
      [NOV2, '', 1, 1_100],
      [NOV3, '', 2, 400],
      [NOV4, '', 2, 570],
    ]);
    expect(rows(await series(Kpi.REVENUE_AT_RISK, TimeGrain.MONTH, KpiDimension.CARRIER))).toEqual([
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'DHL', 1, 500],
    ]);
    expect(rows(await series(Kpi.REVENUE_AT_RISK, TimeGrain.MONTH, KpiDimension.REGION))).toEqual([
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'NORTH', 3, 1_270],
      [BERLIN_MIDNIGHT('2026-11-01').toISOString(), 'SOUTH', 2, 800],
    ]);
  });

  it('revenue leakage: an order cancelled after an exception, once (not one cancelled before)', async () => {
    await inTx((tx) => facts.orderCancelled(tx, 'O3', new Date('2026-11-05T10:00:00Z')));
    expect(rows(await series(Kpi.REVENUE_LEAKAGE, TimeGrain.DAY, KpiDimension.CATEGORY))).toEqual([
      [NOV4, 'CREDIT_HOLD', 1, 300],
    ]);
  });

  it('tracks each action to its fate: approved, accepted or refused by the ERP, settled, undone by rework', async () => {
    const outcomes = await new ActionOutcomesService(db, settings).list(100);
    expect(
      outcomes.map((o) => [
        o.actionId,
        o.action,
        o.byPerson,
        o.overrode,
        o.approvalDecision,
        o.commandOutcome,
        o.fate,
      ]),
    ).toEqual([
      ['A1', 'ALTERNATE_DC', false, false, null, 'ACCEPTED', 'settled'],
      ['A2', 'PRICE_OVERRIDE', true, true, 'APPROVED', null, 'settled'],
      ['A3', 'EXPEDITE', false, false, null, 'REJECTED', 'refused'],
      ['A4', 'CREDIT_RELEASE', false, false, 'REJECTED', null, 'rejected'],
    ]);
    expect(outcomes[0]).toMatchObject({
      caseId: 'K1',
      orderNumber: 'O1',
      exceptionId: 'X1',
      category: 'STOCK_SHORTAGE',
      rank: null,
      cost: 40,
      settledAt: new Date('2026-11-02T08:05:10Z'),
      reworkedAt: null,
      orderLate: null,
      rankingInput: {
        action: 'ALTERNATE_DC',
        category: 'STOCK_SHORTAGE',
        cost: 40,
        automatable: true,
        monthEnd: false,
      },
    });
    expect(outcomes[0]).toMatchObject({ successProbability: 0.81, rankingModel: 'action-outcome-v1' });
    // An action whose step carried no ranking input (ranked by the rules, or before ordex kept it) has none.
    expect(outcomes[1]).toMatchObject({ rankingInput: null, successProbability: null, rankingModel: null });
    // X3 cleared by itself after the refused expedite, and the case came back as rework.
    expect(outcomes[2]).toMatchObject({
      settledAt: new Date('2026-11-02T23:40:00Z'),
      reworkedAt: new Date('2026-11-03T10:00:00Z'),
    });
  });

  it('counts nothing twice: a redelivered step and a second settlement change no KPI', async () => {
    const before = await Promise.all(Object.values(Kpi).map((kpi) => series(kpi)));
    const again = activity('K1', 'O1', 'exception.resolved', '2026-11-02T11:00:10Z', 'bert', {
      exception: 'X2',
    });
    again.activityId = 'K1:8'; // the settlement of X2, delivered again
    await step(again);
    await step(
      activity('K1', 'O1', 'exception.cleared', '2026-11-02T13:00:00Z', 'ordex.detection', {
        exception: 'X1',
      }),
    );
    await step(
      activity(
        'K1',
        'O1',
        'command.acknowledged',
        '2026-11-02T14:00:00Z',
        'erp',
        { command: 'CMD10' },
        {
          commandType: 'RELEASE_ORDER',
          outcome: 'ACCEPTED',
        },
      ),
    );
    await inTx((tx) =>
      facts.orderVersion(tx, order('O4', 'C2', 'S2', [['SKU-A', 1, 500]]), new Date('2026-11-04T08:00:00Z')),
    );
    expect(await Promise.all(Object.values(Kpi).map((kpi) => series(kpi)))).toEqual(before);
  });

  it('reads only the days in [from, to), in the distributor zone', async () => {
    const points = await kpis.series({
      kpi: Kpi.RECURRENCE_RATE,
      grain: TimeGrain.DAY,
      dimension: KpiDimension.ALL,
      from: new Date(NOV3),
      to: new Date(NOV4),
    });
    expect(rows(points)).toEqual([[NOV3, '', 2, 1, 0.5]]);
  });

  it('reads at most a span per grain: the latest one without from, and refuses a longer one', async () => {
    const later = new Date(NOW.getTime() + 400 * 86_400_000);
    const recent = (grain: TimeGrain, now: Date) =>
      kpis.series({ kpi: Kpi.CYCLE_TIME, grain, dimension: KpiDimension.ALL }, now);
    expect(await recent(TimeGrain.DAY, later)).toEqual([]);
    expect((await recent(TimeGrain.WEEK, later)).map((p) => p.count)).toEqual([4]);
    await expect(
      kpis.series({
        kpi: Kpi.CYCLE_TIME,
        grain: TimeGrain.DAY,
        dimension: KpiDimension.ALL,
        from: new Date('2025-01-01T00:00:00Z'),
        to: NOW,
      }),
    ).rejects.toThrow('a DAY series covers at most 400 days: narrow from and to, or take a longer grain');
  });
  it('an order and its first exception arriving at the same time on the two streams count once', async () => {
    // The ERP consumer's transaction writes O9 and is still open when the cases consumer logs O9's
    // first exception: the exception's transaction waits for it, then sees the order.
    let started!: () => void;
    let release!: () => void;
    const erpStarted = new Promise<void>((resolve) => (started = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const erp = inTx(async (tx) => {
      await facts.orderVersion(
        tx,
        order('O9', 'C2', 'S2', [['SKU-B', 3, 10]]),
        new Date('2026-11-06T08:00:00Z'),
      );
      started();
      await gate;
    });
    await erpStarted;
    const cases = step(
      activity(
        'K9',
        'O9',
        'exception.detected',
        '2026-11-06T08:00:05Z',
        'ordex.detection',
        { exception: 'X9' },
        {
          category: 'CREDIT_HOLD',
        },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([erp, cases]);
    const nov6 = BERLIN_MIDNIGHT('2026-11-06').toISOString();
    expect(rows(await series(Kpi.REVENUE_AT_RISK)).filter(([day]) => day === nov6)).toEqual([
      [nov6, '', 1, 30],
    ]);
  });
});
