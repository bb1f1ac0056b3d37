import { CaseStatus, createEvent } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { eventually, graphql } from '@ordex/testing';
import { subscribe } from './graphql-ws-client';
import { type Receiver, startReceiver, signatureValid } from './webhook-receiver';
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
  const receivers: Record<string, Receiver> = {};
  const secrets: Record<string, string> = {};
  const subscriptionIds: Record<string, string> = {};
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

  /** Each partner's customers as the cases service holds them now. */
  const currentPartners = async () => {
    const rows = await stack.sql<{ partner_id: string; customer_id: string }>(
      'SELECT partner_id, customer_id FROM cases.partner_customer ORDER BY customer_id',
    );
    const lists: Record<string, string[]> = {};
    for (const row of rows) (lists[row.partner_id] ??= []).push(row.customer_id);
    return lists;
  };
  /** A case change as the cases service publishes it. */
  const update = (order: { orderNumber: string; customerId: string }, change: string) =>
    stack.publish(
      createEvent(
        'cases.case.updated.v1',
        caseIds[order.orderNumber] ?? `case-of-${order.orderNumber}`,
        {
          caseId: caseIds[order.orderNumber] ?? `case-of-${order.orderNumber}`,
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
  beforeAll(async () => {
    // The suite places its cases itself (detection off), so each partner has exactly the ones it expects.
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent', detection: false });
    tokens.northwind = await stack.token({ roles: ['partner'], partnerId: northwind.id, user: 'nw-edi' });
    tokens.meridian = await stack.token({ roles: ['partner'], partnerId: meridian.id, user: 'mer-edi' });
    tokens.staff = await stack.token({ roles: ['customer-service'] });
    for (const order of [orderOf(northwind.id), orderOf(meridian.id), unpartnered]) {
      const [row] = await stack.sql<{ id: string }>(
        `INSERT INTO cases."case" (order_number, customer_id, status, opened_at)
         VALUES ($1, $2, 'OPEN', now()) RETURNING id`,
        [order.orderNumber, order.customerId],
      );
      caseIds[order.orderNumber] = row.id;
    }
    // Each partner subscribes its own receiver to case updates, as a partner system would.
    for (const who of ['northwind', 'meridian']) {
      receivers[who] = await startReceiver();
      const { createWebhookSubscription } = await ask<{
        createWebhookSubscription: { subscription: { id: string }; secret: string };
      }>(
        who,
        `mutation { createWebhookSubscription(input: { url: "${receivers[who].url}", eventTypes: ["cases.case.updated.v1"] }) { subscription { id } secret } }`,
      );
      secrets[who] = createWebhookSubscription.secret;
      subscriptionIds[who] = createWebhookSubscription.subscription.id;
    }
  });
  afterAll(async () => {
    await stack?.stop();
    await Promise.all(Object.values(receivers).map((receiver) => receiver.close()));
  });

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
      webhookSubscriptions: [{ partnerId: northwind.id, url: receivers.northwind.url }],
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
    const changes = (results: { data?: Update }[]) =>
      results
        .map((r) => r.data?.caseUpdated)
        .filter((u) => u && u.change !== 'probe')
        .map((u) => `${u!.customerId} ${u!.change}`);

    const subscribeAs = (...who: string[]) =>
      Object.fromEntries(
        who.map((name) => [name, subscribe<Update>(stack.gatewayUrl!, tokens[name], query)]),
      );
    /** Subscriptions are relayed asynchronously: probes until every client is listening. */
    const listening = (clients: Record<string, { results: unknown[] }>) =>
      eventually(async () => {
        await update(orderOf(northwind.id), 'probe');
        await update(orderOf(meridian.id), 'probe');
        return Object.values(clients).every((c) => c.results.length > 0) ? true : undefined;
      });

    it('pushes each partner only its own customers’ case updates, and staff all of them', async () => {
      const mine = orderOf(northwind.id);
      const theirs = orderOf(meridian.id);
      const clients = subscribeAs('northwind', 'meridian', 'staff');
      try {
        await listening(clients);
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

    it('answers a subscription whose selection reaches other subgraphs, within the partner’s scope', async () => {
      type Deep = {
        caseUpdated: {
          customerId: string;
          change: string;
          case: {
            id: string;
            order: { orderNumber: string; status: string; customer: { id: string; segment: string } } | null;
          } | null;
        };
      };
      // The order and its customer come from the orders subgraph, the case from cases.
      const deep = `subscription { caseUpdated {
        customerId change
        case { id order { orderNumber status customer { id segment } } } } }`;
      const mine = orderOf(northwind.id);
      const clients = {
        northwind: subscribe<Deep>(stack.gatewayUrl!, tokens.northwind, deep),
        meridian: subscribe<Deep>(stack.gatewayUrl!, tokens.meridian, deep),
      };
      try {
        await eventually(async () => {
          await update(mine, 'probe');
          await update(orderOf(meridian.id), 'probe');
          return Object.values(clients).every((c) => c.results.length > 0) ? true : undefined;
        });
        await update(mine, 'deep');
        const received = await eventually(async () =>
          clients.northwind.results.find((r) => r.data?.caseUpdated.change === 'deep'),
        );
        expect(received.errors).toBeUndefined();
        expect(received.data!.caseUpdated).toEqual({
          customerId: mine.customerId,
          change: 'deep',
          case: {
            id: caseIds[mine.orderNumber],
            order: {
              orderNumber: mine.orderNumber,
              status: mine.status,
              customer: {
                id: mine.customerId,
                segment: demo.customers.find((c) => c.customer.id === mine.customerId)!.customer.segment,
              },
            },
          },
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(clients.meridian.results.map((r) => r.data?.caseUpdated.change)).not.toContain('deep');
      } finally {
        await Promise.all(Object.values(clients).map((c) => c.dispose()));
      }
    });

    it('follows a customer moved to another partner while the subscriptions are open', async () => {
      const mine = orderOf(northwind.id);
      const second = demo.orders.find(
        (o) => ownerOf(o.customerId) === northwind.id && o.customerId !== mine.customerId,
      )!;
      const clients = subscribeAs('northwind', 'meridian');
      try {
        await listening(clients);
        await update(second, 'before the move');
        const nowNorthwind = (await currentPartners())[northwind.id].filter((id) => id !== second.customerId);
        const nowMeridian = [...(await currentPartners())[meridian.id], second.customerId];
        await stack.publish(
          createEvent(
            'erp.partner.changed.v1',
            northwind.id,
            { ...northwind, customerIds: nowNorthwind },
            { source: 'erp' },
          ),
        );
        await stack.publish(
          createEvent(
            'erp.partner.changed.v1',
            meridian.id,
            { ...meridian, customerIds: nowMeridian },
            { source: 'erp' },
          ),
        );
        await update(second, 'after the move');
        await eventually(async () => (changes(clients.meridian.results).length ? true : undefined));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(changes(clients.northwind.results)).toEqual([`${second.customerId} before the move`]);
        expect(changes(clients.meridian.results)).toEqual([`${second.customerId} after the move`]);
      } finally {
        await Promise.all(Object.values(clients).map((c) => c.dispose()));
        await stack.idle();
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

  describe('webhooks', () => {
    const deliveredChanges = (who: string) =>
      receivers[who].received
        .map((r) => JSON.parse(r.body) as { data: { customerId: string; change: string } })
        .filter((event) => event.data.change.startsWith('hook '))
        .map((event) => `${event.data.customerId} ${event.data.change}`);

    it('delivers each partner only its own customers’ case updates, signed with its secret', async () => {
      const mine = orderOf(northwind.id);
      const theirs = orderOf(meridian.id);
      await update(mine, 'hook escalated');
      await update(theirs, 'hook resolved');
      await update(unpartnered, 'hook opened');
      await eventually(async () =>
        deliveredChanges('northwind').length && deliveredChanges('meridian').length ? true : undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(deliveredChanges('northwind')).toEqual([`${mine.customerId} hook escalated`]);
      expect(deliveredChanges('meridian')).toEqual([`${theirs.customerId} hook resolved`]);
      for (const who of ['northwind', 'meridian']) {
        for (const { headers, body } of receivers[who].received) {
          expect(headers['content-type']).toBe('application/cloudevents+json');
          expect(signatureValid(secrets[who], headers, body)).toBe(true);
          expect(signatureValid(secrets[who === 'northwind' ? 'meridian' : 'northwind'], headers, body)).toBe(
            false,
          );
          expect(headers['ordex-delivery-id']).toMatch(/^[0-9a-f-]{36}$/);
        }
      }
    });

    it('retries a delivery the receiver refused, and delivers it once accepted', async () => {
      receivers.meridian.failNext(1);
      const before = receivers.meridian.received.length;
      await update(orderOf(meridian.id), 'hook retried');
      await eventually(
        async () => (receivers.meridian.received.length >= before + 2 ? true : undefined),
        10_000,
      );
      const attempts = receivers.meridian.received.slice(before);
      expect(attempts).toHaveLength(2);
      expect(attempts[0].headers['ordex-delivery-id']).toBe(attempts[1].headers['ordex-delivery-id']);
      expect(JSON.parse(attempts[1].body).data.change).toBe('hook retried');
      const [row] = await stack.sql<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM cases.webhook_delivery WHERE id = $1`,
        [attempts[1].headers['ordex-delivery-id']],
      );
      expect(row).toEqual({ status: 'delivered', attempts: 2 });
    });

    it('replays what a partner missed from its cursor, its own subscription only', async () => {
      await update(orderOf(northwind.id), 'hook before outage');
      await update(orderOf(northwind.id), 'hook during outage');
      await eventually(async () =>
        deliveredChanges('northwind').includes(`${orderOf(northwind.id).customerId} hook during outage`)
          ? true
          : undefined,
      );
      // What the partner was sent, with each delivery's cursor (as the header carried it).
      const { webhookDeliveries: all } = await ask<{
        webhookDeliveries: { cursor: string; status: string; eventId: string; lastError: string | null }[];
      }>(
        'northwind',
        `{ webhookDeliveries(subscriptionId: "${subscriptionIds.northwind}") { cursor status eventId lastError } }`,
      );
      // All delivered but those about the customer that moved to Meridian while one was on its way:
      // withheld, never sent.
      const webhookDeliveries = all.filter((d) => d.status === 'delivered');
      expect(all.filter((d) => d.status !== 'delivered').map((d) => [d.status, d.lastError])).toEqual(
        all
          .filter((d) => d.status !== 'delivered')
          .map(() => [
            'failed',
            'withheld: the partner no longer acts for this customer, or the subscription is off',
          ]),
      );
      const cursors = webhookDeliveries.map((d) => d.cursor);
      expect(cursors.map(Number)).toEqual([...cursors.map(Number)].sort((a, b) => a - b));
      const headerCursors = receivers.northwind.received.map((r) => r.headers['ordex-delivery-cursor']);
      expect(new Set(headerCursors)).toEqual(new Set(cursors));

      // The partner lost the last one: it replays everything after the one before it.
      const [beforeLast, last] = webhookDeliveries.slice(-2);
      const received = receivers.northwind.received.length;
      const { replayWebhookDeliveries } = await ask<{
        replayWebhookDeliveries: { requeued: number; lastCursor: string };
      }>(
        'northwind',
        `mutation { replayWebhookDeliveries(subscriptionId: "${subscriptionIds.northwind}", after: "${beforeLast.cursor}") { requeued lastCursor } }`,
      );
      expect(replayWebhookDeliveries).toEqual({ requeued: 1, lastCursor: last.cursor });
      await eventually(
        async () => (receivers.northwind.received.length > received ? true : undefined),
        10_000,
      );
      const again = receivers.northwind.received.at(-1)!;
      expect(again.headers['ordex-delivery-cursor']).toBe(last.cursor);
      expect(again.headers['ordex-event-id']).toBe(last.eventId);
      expect(signatureValid(secrets.northwind, again.headers, again.body)).toBe(true);

      // Another partner's subscription is as if it did not exist.
      const foreign = await graphql(
        stack.gatewayUrl!,
        `mutation { replayWebhookDeliveries(subscriptionId: "${subscriptionIds.northwind}", after: "0") { requeued } }`,
        {},
        { authorization: `Bearer ${tokens.meridian}` },
      );
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const badCursor = await graphql(
        stack.gatewayUrl!,
        `mutation { replayWebhookDeliveries(subscriptionId: "${subscriptionIds.northwind}", after: "-1") { requeued } }`,
        {},
        { authorization: `Bearer ${tokens.northwind}` },
      );
      expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('withholds a replay about customers the partner no longer acts for', async () => {
      const actsFor = async (customerIds: string[]) => {
        await stack.publish(
          createEvent(
            'erp.partner.changed.v1',
            northwind.id,
            { ...northwind, customerIds },
            { source: 'erp' },
          ),
        );
        await stack.idle();
      };
      const before = (
        await stack.sql<{ customer_id: string }>(
          'SELECT customer_id FROM cases.partner_customer WHERE partner_id = $1 ORDER BY customer_id',
          [northwind.id],
        )
      ).map((r) => r.customer_id);
      await actsFor([]);
      const received = receivers.northwind.received.length;
      const { replayWebhookDeliveries } = await ask<{ replayWebhookDeliveries: { requeued: number } }>(
        'northwind',
        `mutation { replayWebhookDeliveries(subscriptionId: "${subscriptionIds.northwind}", after: "0") { requeued } }`,
      );
      expect(replayWebhookDeliveries.requeued).toBeGreaterThan(0);
      const deliveries = await eventually(async () => {
        const { webhookDeliveries } = await ask<{
          webhookDeliveries: { status: string; lastError: string | null }[];
        }>(
          'northwind',
          `{ webhookDeliveries(subscriptionId: "${subscriptionIds.northwind}") { status lastError } }`,
        );
        return webhookDeliveries.every((d) => d.status === 'failed') ? webhookDeliveries : undefined;
      }, 10_000);
      expect(new Set(deliveries.map((d) => d.lastError))).toEqual(
        new Set(['withheld: the partner no longer acts for this customer, or the subscription is off']),
      );
      expect(receivers.northwind.received.length).toBe(received);
      await actsFor(before);
    });

    it('answers bad subscription requests with typed errors', async () => {
      const mutate = (who: string, mutation: string) =>
        graphql(stack.gatewayUrl!, mutation, {}, { authorization: `Bearer ${tokens[who]}` });
      const codes = async (who: string, mutation: string) =>
        (await mutate(who, mutation)).errors?.map((e) => [e.extensions?.code, e.message]);
      expect(
        await codes(
          'northwind',
          `mutation { createWebhookSubscription(input: { partnerId: "${meridian.id}", url: "https://a.example", eventTypes: ["cases.case.updated.v1"] }) { secret } }`,
        ),
      ).toEqual([['BAD_USER_INPUT', 'a partner system can subscribe only itself']]);
      expect(
        await codes(
          'northwind',
          'mutation { createWebhookSubscription(input: { url: "https://a.example", eventTypes: ["orders.order.received.v1"] }) { secret } }',
        ),
      ).toEqual([
        [
          'UNKNOWN_EVENT_TYPE',
          'unknown event types orders.order.received.v1; partners can receive cases.case.updated.v1',
        ],
      ]);
      expect(
        await codes(
          'northwind',
          'mutation { createWebhookSubscription(input: { url: "ftp://a.example", eventTypes: ["cases.case.updated.v1"] }) { secret } }',
        ),
      ).toEqual([['WEBHOOK_URL_REFUSED', 'url must be https']]);
      // A partner gets ten active subscriptions at most: each one multiplies every event's deliveries.
      const create = () =>
        codes(
          'northwind',
          'mutation { createWebhookSubscription(input: { url: "http://127.0.0.1:9/more", eventTypes: ["cases.case.updated.v1"] }) { secret } }',
        );
      for (let i = 1; i < 10; i += 1) expect(await create()).toBeUndefined();
      expect(await create()).toEqual([
        ['BAD_USER_INPUT', `partner ${northwind.id} has 10 active webhook subscriptions, the most allowed`],
      ]);
      // Another partner's subscription cannot be deleted, or told apart from one that does not exist.
      expect(
        await codes('northwind', `mutation { deleteWebhookSubscription(id: "${subscriptionIds.meridian}") }`),
      ).toEqual([['NOT_FOUND', `no webhook subscription ${subscriptionIds.meridian}`]]);
      expect(
        (
          await mutate(
            'meridian',
            `mutation { deleteWebhookSubscription(id: "${subscriptionIds.meridian}") }`,
          )
        ).data,
      ).toEqual({
        deleteWebhookSubscription: true,
      });
    });
  });
});
