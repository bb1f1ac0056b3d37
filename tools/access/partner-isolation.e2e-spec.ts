import { CaseStatus, createEvent } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { eventually, graphql } from '@ordex/testing';
import { subscribe } from './graphql-ws-client';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(120_000);

/**
 * Two partner systems, each acting for its own customers (the demo's erp.partner.changed.v1
 * events): through the gateway each sees only those customers' orders, customers, cases and
 * webhook subscriptions; ordex's own teams see everything.
 */
const demo = buildDemoDistributor(DEMO_SIZES.small);
const [northwind, meridian] = demo.partners;
const ownerOf = (customerId: string) => demo.partners.find((p) => p.customerIds.includes(customerId))?.id;
const orderOf = (partnerId: string) => demo.orders.find((o) => ownerOf(o.customerId) === partnerId)!;
const unpartnered = demo.orders.find((o) => ownerOf(o.customerId) === undefined)!;

describe('partner isolation (queries through the gateway)', () => {
  let stack: EmbeddedStack;
  const tokens: Record<string, string> = {};
  const caseIds: Record<string, string> = {};
  const ask = async <T>(who: string, query: string) => {
    const response = await graphql<T>(
      stack.gatewayUrl!,
      query,
      {},
      { authorization: `Bearer ${tokens[who]}` },
    );
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
    tokens.northwind = await stack.token({ roles: ['partner'], partnerId: northwind.id, user: 'nw-edi' });
    tokens.meridian = await stack.token({ roles: ['partner'], partnerId: meridian.id, user: 'mer-edi' });
    tokens.staff = await stack.token({ roles: ['customer-service'] });
    // Cases as the cases service opens them (detection arrives with the cases work).
    for (const order of [orderOf(northwind.id), orderOf(meridian.id), unpartnered]) {
      const [row] = await stack.sql<{ id: string }>(
        `INSERT INTO cases."case" (order_number, customer_id, status, opened_at)
         VALUES ($1, $2, 'OPEN', now()) RETURNING id`,
        [order.orderNumber, order.customerId],
      );
      caseIds[order.orderNumber] = row.id;
    }
    for (const partner of [northwind, meridian]) {
      await stack.sql(
        `INSERT INTO cases.webhook_subscription (partner_id, url, event_types) VALUES ($1, $2, $3)`,
        [partner.id, `https://${partner.id.toLowerCase()}.example/hooks`, ['cases.case.updated.v1']],
      );
    }
  });
  afterAll(() => stack?.stop());

  it('lists only the partner’s own customers’ orders', async () => {
    for (const partner of [northwind, meridian]) {
      const { orders } = await ask<{ orders: { orderNumber: string; customerId: string }[] }>(
        partner === northwind ? 'northwind' : 'meridian',
        '{ orders(first: 500) { orderNumber customerId } }',
      );
      const expected = demo.orders.filter((o) => partner.customerIds.includes(o.customerId));
      expect(expected.length).toBeGreaterThan(0);
      expect(orders.map((o) => o.orderNumber).sort()).toEqual(expected.map((o) => o.orderNumber).sort());
    }
    const { orders } = await ask<{ orders: unknown[] }>('staff', '{ orders(first: 500) { orderNumber } }');
    expect(orders).toHaveLength(demo.orders.length);
  });

  it('answers another partner’s order, customer and case as if they did not exist', async () => {
    const theirs = orderOf(meridian.id);
    const query = `{
      order(orderNumber: "${theirs.orderNumber}") { orderNumber }
      customer(id: "${theirs.customerId}") { id }
      case(id: "${caseIds[theirs.orderNumber]}") { id }
    }`;
    expect(await ask('northwind', query)).toEqual({ order: null, customer: null, case: null });
    expect(await ask('meridian', query)).toEqual({
      order: { orderNumber: theirs.orderNumber },
      customer: { id: theirs.customerId },
      case: { id: caseIds[theirs.orderNumber] },
    });
  });

  it('lists only the partner’s own customers and cases, also through an order', async () => {
    const mine = orderOf(northwind.id);
    const data = await ask<{
      customers: { id: string }[];
      cases: { id: string; order: { orderNumber: string } | null }[];
      order: { case: { id: string } | null } | null;
    }>(
      'northwind',
      `{ customers(first: 500) { id } cases(first: 50) { id order { orderNumber } }
         order(orderNumber: "${mine.orderNumber}") { case { id } } }`,
    );
    expect(data.customers.map((c) => c.id).sort()).toEqual([...northwind.customerIds].sort());
    expect(data.cases).toEqual([{ id: caseIds[mine.orderNumber], order: { orderNumber: mine.orderNumber } }]);
    expect(data.order).toEqual({ case: { id: caseIds[mine.orderNumber] } });
    const staff = await ask<{ cases: unknown[] }>('staff', '{ cases(first: 50) { id } }');
    expect(staff.cases).toHaveLength(3);
  });

  it('shows a partner its own webhook subscriptions and none of another’s', async () => {
    const query = (partnerId: string) =>
      `{ webhookSubscriptions(partnerId: "${partnerId}") { partnerId url } }`;
    expect(await ask('northwind', query(northwind.id))).toEqual({
      webhookSubscriptions: [{ partnerId: northwind.id, url: 'https://prt-northwind.example/hooks' }],
    });
    expect(await ask('northwind', query(meridian.id))).toEqual({ webhookSubscriptions: [] });
  });

  it('keeps partners away from everything else: stock, prices, credit, analytics', async () => {
    const response = await graphql(
      stack.gatewayUrl!,
      `{ order(orderNumber: "${orderOf(northwind.id).orderNumber}") { lines { priceCheck { contractPrice } availability { totalAvailable } } customer { credit { creditLimit } } } products(first: 1) { sku } }`,
      {},
      { authorization: `Bearer ${tokens.northwind}` },
    );
    const forbidden = (response.errors ?? [])
      .filter((e) => e.extensions?.code === 'FORBIDDEN')
      .map((e) => e.path?.at(-1));
    expect(new Set(forbidden)).toEqual(new Set(['priceCheck', 'availability', 'credit', 'products']));
  });

  it('follows the ERP when a customer moves from one partner to another', async () => {
    // Not the customer the other tests use for Meridian.
    const moved = demo.orders.find(
      (o) => ownerOf(o.customerId) === meridian.id && o.customerId !== orderOf(meridian.id).customerId,
    )!;
    await stack.publish(
      createEvent(
        'erp.partner.changed.v1',
        northwind.id,
        { ...northwind, customerIds: [...northwind.customerIds, moved.customerId] },
        { source: 'erp' },
      ),
    );
    await stack.publish(
      createEvent(
        'erp.partner.changed.v1',
        meridian.id,
        { ...meridian, customerIds: meridian.customerIds.filter((id) => id !== moved.customerId) },
        { source: 'erp' },
      ),
    );
    await stack.idle();
    const query = `{ order(orderNumber: "${moved.orderNumber}") { orderNumber } }`;
    expect(await ask('northwind', query)).toEqual({ order: { orderNumber: moved.orderNumber } });
    expect(await ask('meridian', query)).toEqual({ order: null });
  });

  describe('subscriptions', () => {
    type Update = { caseUpdated: { caseId: string; customerId: string; change: string } };
    const query = 'subscription { caseUpdated { caseId customerId change } }';
    const update = (order: { orderNumber: string; customerId: string }, change: string) =>
      stack.publish(
        createEvent(
          'cases.case.updated.v1',
          caseIds[order.orderNumber],
          {
            caseId: caseIds[order.orderNumber],
            orderNumber: order.orderNumber,
            customerId: order.customerId,
            status: CaseStatus.IN_PROGRESS,
            priority: 50,
            change,
            changedAt: new Date().toISOString(),
          },
          { source: 'ordex.cases' },
        ),
      );
    const changes = (results: { data?: Update }[]) =>
      results
        .map((r) => r.data?.caseUpdated)
        .filter((u) => u && u.change !== 'probe')
        .map((u) => `${u!.customerId} ${u!.change}`);

    it('pushes each partner only its own customers’ case updates, and staff all of them', async () => {
      const mine = orderOf(northwind.id);
      const theirs = orderOf(meridian.id);
      const clients = {
        northwind: subscribe<Update>(stack.gatewayUrl!, tokens.northwind, query),
        meridian: subscribe<Update>(stack.gatewayUrl!, tokens.meridian, query),
        staff: subscribe<Update>(stack.gatewayUrl!, tokens.staff, query),
      };
      try {
        // Subscriptions are relayed asynchronously: probe until every client is listening.
        await eventually(async () => {
          await update(mine, 'probe');
          await update(theirs, 'probe');
          return Object.values(clients).every((c) => c.results.length > 0) ? true : undefined;
        });
        await update(mine, 'escalated');
        await update(theirs, 'resolved');
        await update(unpartnered, 'opened');
        await eventually(async () => (changes(clients.staff.results).length === 3 ? true : undefined));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(changes(clients.staff.results)).toEqual([
          `${mine.customerId} escalated`,
          `${theirs.customerId} resolved`,
          `${unpartnered.customerId} opened`,
        ]);
        expect(changes(clients.northwind.results)).toEqual([`${mine.customerId} escalated`]);
        expect(changes(clients.meridian.results)).toEqual([`${theirs.customerId} resolved`]);
        const probes = clients.northwind.results.map((r) => r.data?.caseUpdated.customerId);
        expect(new Set(probes)).toEqual(new Set([mine.customerId]));
      } finally {
        await Promise.all(Object.values(clients).map((c) => c.dispose()));
      }
    });

    it('refuses a WebSocket connection without a valid token', async () => {
      const anonymous = subscribe<Update>(stack.gatewayUrl!, undefined, query);
      const forged = subscribe<Update>(stack.gatewayUrl!, 'not-a-token', query);
      try {
        await eventually(async () => (anonymous.failure && forged.failure ? true : undefined));
        for (const client of [anonymous, forged]) {
          expect((client.failure as { code?: number }).code).toBe(4403);
          expect(client.results).toEqual([]);
        }
      } finally {
        await anonymous.dispose();
        await forged.dispose();
      }
    });

    it('answers queries only over HTTP, with a clear error over WebSocket', async () => {
      const client = subscribe(stack.gatewayUrl!, tokens.staff, '{ orders(first: 1) { orderNumber } }');
      try {
        await eventually(async () => (client.failure ? true : undefined));
        expect(JSON.stringify(client.failure)).toContain('Only subscriptions go over WebSocket');
      } finally {
        await client.dispose();
      }
    });
  });
});
