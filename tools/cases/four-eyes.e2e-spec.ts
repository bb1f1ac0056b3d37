import { CommandOutcome, createEvent } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import type { Role } from '@ordex/platform';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(180_000);

interface ApprovalView {
  id: string;
  subject: string;
  status: string;
  requestedBy: string;
  decidedBy: string | null;
}

/**
 * Four eyes on every entry point. GraphQL is walked in the reference scenario; here the other two:
 * a rule (the automation policy, even one edited to let a price override run by itself) only ever
 * asks for the approval, and an event (an acknowledgement naming the approval) cannot decide it.
 * The database refuses a decision by the requester too, whatever path wrote it.
 */
describe('four eyes on every path', () => {
  let stack: EmbeddedStack;
  const reference = buildDemoDistributor(DEMO_SIZES.small).orders.find((o) => o.orderNumber === 'SO-1001')!;
  const ask = async <T>(
    roles: Role[],
    user: string,
    query: string,
    variables: Record<string, unknown> = {},
  ) =>
    graphql<T>(stack.gatewayUrl!, query, variables, {
      authorization: `Bearer ${await stack.token({ roles, user })}`,
    });
  const approvalsOf = async (orderNumber: string) => {
    const { data } = await ask<{ order: { case: { approvals: ApprovalView[] } | null } }>(
      ['admin'],
      'ops.viewer',
      'query($n: ID!) { order(orderNumber: $n) { case { approvals { id subject status requestedBy decidedBy } } } }',
      { n: orderNumber },
    );
    return data?.order.case?.approvals ?? [];
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
    // Wait for detection to open SO-1001's case under the seeded policy.
    await eventually(async () => ((await approvalsOf('SO-1001')) ? true : undefined), 60_000);
  });
  afterAll(() => stack?.stop());

  it('a rule that lets a price override run by itself only asks for the approval, as ordex.automation', async () => {
    // Automation policy v2: every price override "without a person".
    const { data } = await ask<{ decisionTable: { content: string } }>(
      ['admin'],
      'gov.admin',
      '{ decisionTable(key: "automation-policy") { content } }',
    );
    const content = JSON.parse(data!.decisionTable.content) as {
      nodes: { content?: { rules: Record<string, string>[] } }[];
    };
    const table = content.nodes.find((n) => n.content)!.content!;
    table.rules.unshift({
      _id: 'override-by-itself',
      action: '"APPROVE_PRICE_OVERRIDE"',
      cost: '',
      dateEffectDays: '',
      marginEffect: '',
      tier: '',
      automatable: 'true',
      rule: '"price overrides run by themselves"',
    });
    const published = await ask<{ publishDecisionTable: { version: number } }>(
      ['admin'],
      'gov.admin',
      'mutation($c: String!) { publishDecisionTable(key: "automation-policy", content: $c, comment: "test: overrides by policy") { version } }',
      { c: JSON.stringify(content) },
    );
    expect(published.data?.publishDecisionTable.version).toBe(2);

    // A new order like SO-1001, opened under v2: policy takes the override at once.
    // Line 2 at 55.00 against a contract price of 50.00: overcharged, so keeping the price (with
    // an approval) ranks before correcting it, and v2 lets policy take it.
    const order = {
      ...reference,
      orderNumber: 'SO-9911',
      erpVersion: 1,
      lines: reference.lines.map((line) => (line.lineNo === 2 ? { ...line, unitPrice: 55 } : line)),
    };
    await stack.publish(createEvent('erp.order.created.v1', 'SO-9911', order, { source: 'erp' }));
    const [approval] = await eventually(async () => {
      const found = await approvalsOf('SO-9911');
      return found.length ? found : undefined;
    }, 60_000);
    expect(approval).toMatchObject({
      subject: 'PRICE_OVERRIDE',
      status: 'PENDING',
      requestedBy: 'ordex.automation',
      decidedBy: null,
    });

    // The service's own identity has no authority to decide it.
    const bySystem = await ask<unknown>(
      ['system'],
      'cases-service',
      'mutation($id: ID!) { decideApproval(approvalId: $id, approve: true) { status } }',
      { id: approval.id },
    );
    expect(bySystem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await approvalsOf('SO-9911'))[0].status).toBe('PENDING');
  });

  it('an event naming the approval decides nothing', async () => {
    const [approval] = await approvalsOf('SO-9911');
    await stack.publish(
      createEvent(
        'erp.command.acknowledged.v1',
        'SO-9911',
        {
          commandId: approval.id,
          commandType: 'PRICE_OVERRIDE',
          orderNumber: 'SO-9911',
          outcome: CommandOutcome.ACCEPTED,
          reason: null,
          erpVersion: 2,
          acknowledgedAt: new Date().toISOString(),
        },
        { source: 'erp' },
      ),
    );
    await stack.idle();
    expect((await approvalsOf('SO-9911'))[0]).toMatchObject({ status: 'PENDING', decidedBy: null });
  });

  it('the database refuses a decision by the requester, whatever path writes it', async () => {
    const [approval] = await approvalsOf('SO-9911');
    await expect(
      stack.sql(`UPDATE cases.approval SET status = 'APPROVED', decided_by = requested_by WHERE id = $1`, [
        approval.id,
      ]),
    ).rejects.toThrow(/CHK_approval_four_eyes/);
    const decided = await ask<{ decideApproval: { status: string; decidedBy: string } }>(
      ['finance-pricing'],
      'fp.carla',
      'mutation($id: ID!) { decideApproval(approvalId: $id, approve: false, note: "not agreed for this order") { status decidedBy } }',
      { id: approval.id },
    );
    expect(decided.data?.decideApproval).toEqual({ status: 'REJECTED', decidedBy: 'fp.carla' });
  });
  it('withdraws a pending approval when its exception clears by itself, and the case goes back to work', async () => {
    // SO-9921: like SO-1001, line 2 under contract; a pricing analyst asks to keep the price.
    const order = { ...reference, orderNumber: 'SO-9921', erpVersion: 1 };
    await stack.publish(createEvent('erp.order.created.v1', 'SO-9921', order, { source: 'erp' }));
    const override = await eventually(async () => {
      const [row] = await stack.sql<{ id: string }>(
        `SELECT r.id FROM cases.recommendation r JOIN cases."case" c ON c.id = r.case_id
          WHERE c.order_number = 'SO-9921' AND r.action = 'APPROVE_PRICE_OVERRIDE'`,
      );
      return row;
    }, 60_000);
    const asked = await ask<{ takeRecommendation: { state: string } }>(
      ['finance-pricing'],
      'fp.bob',
      'mutation($id: ID!) { takeRecommendation(recommendationId: $id) { state } }',
      { id: override.id },
    );
    expect(asked.data?.takeRecommendation.state).toBe('AWAITING_APPROVAL');

    // The ERP corrects line 2 to the contract price: the price exception clears by itself.
    await stack.publish(
      createEvent(
        'erp.order.changed.v1',
        'SO-9921',
        {
          ...order,
          erpVersion: 2,
          lines: order.lines.map((line) => (line.lineNo === 2 ? { ...line, unitPrice: 50 } : line)),
        },
        { source: 'erp' },
      ),
    );
    const [approval] = await eventually(async () => {
      const found = await approvalsOf('SO-9921');
      return found[0]?.status === 'WITHDRAWN' ? found : undefined;
    }, 60_000);
    expect(approval).toMatchObject({ requestedBy: 'fp.bob', decidedBy: null });
    const { data } = await ask<{
      order: { case: { status: string; actions: { action: string; state: string; outcome: string }[] } };
    }>(
      ['admin'],
      'ops.viewer',
      '{ order(orderNumber: "SO-9921") { case { status actions { action state outcome } } } }',
    );
    expect(data!.order.case.status).not.toBe('AWAITING_APPROVAL');
    expect(data!.order.case.actions.find((a) => a.action === 'APPROVE_PRICE_OVERRIDE')).toMatchObject({
      state: 'REJECTED',
      outcome: expect.stringContaining('withdrawn: no longer detected at ERP version 2'),
    });
    const late = await ask<unknown>(
      ['finance-pricing'],
      'fp.carla',
      'mutation($id: ID!) { decideApproval(approvalId: $id, approve: true) { status } }',
      { id: approval.id },
    );
    expect(late.errors?.[0].extensions?.code).toBe('ACTION_CONFLICT');
  });
});
