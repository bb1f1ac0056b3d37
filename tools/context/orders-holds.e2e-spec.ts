import {
  CommandOutcome,
  CustomerSegment,
  CustomerTier,
  ErpCommand,
  ErpCommandSchema,
  EventEnvelope,
  Order,
  OrderStatus,
} from '@ordex/contracts';
import type { Role } from '@ordex/platform';
import { eventually, graphql } from '@ordex/testing';
import { ContextStack, erp, startContextStack } from './context-stack.test-support';

jest.setTimeout(120_000);

/**
 * Holds through ERP commands and acknowledgements (orders subgraph), on real PostgreSQL through
 * the gateway: a request records the hold and sends orders.command.requested.v1; only the ERP's
 * erp.command.acknowledged.v1 settles it. Each test uses its own orders.
 */
describe('order holds through ERP commands', () => {
  let ctx: ContextStack;
  let stopListening: () => Promise<void>;
  const sent: EventEnvelope<ErpCommand>[] = [];
  const CREDIT_USER = 'demo.finance-credit';
  const CUSTOMER = 'C-HOLDS-1';
  const OTHER_CUSTOMER = 'C-HOLDS-2';

  const order = (orderNumber: string, overrides: Partial<Order> = {}): Order => ({
    orderNumber,
    erpVersion: 3,
    customerId: CUSTOMER,
    shipToId: null,
    orderedOn: '2026-11-20',
    requestedDate: '2026-11-30',
    currency: 'EUR',
    status: OrderStatus.RECEIVED,
    lines: [{ lineNo: 1, sku: 'SKU-HOLDS-1', quantity: 10, unitPrice: 12.5 }],
    ...overrides,
  });

  const HOLD_FIELDS = `id orderNumber type reason state requestedBy requestedAt placedAt releaseRequestedBy
    releaseRequestedAt releaseReason releasedBy releasedAt rejectionReason`;
  const COMMAND_FIELDS = `commandId commandType orderNumber holdId erpVersion status reason outcomeReason
    requestedBy requestedAt acknowledgedAt`;
  const PLACE = `mutation Place($orderNumber: ID!, $type: HoldType!, $reason: String!, $key: ID) {
    placeOrderHold(orderNumber: $orderNumber, type: $type, reason: $reason, idempotencyKey: $key) {
      replayed command { ${COMMAND_FIELDS} } hold { ${HOLD_FIELDS} }
    }
  }`;
  const RELEASE = `mutation Release($holdId: ID!, $reason: String!, $key: ID) {
    releaseOrderHold(holdId: $holdId, reason: $reason, idempotencyKey: $key) {
      replayed command { ${COMMAND_FIELDS} } hold { ${HOLD_FIELDS} }
    }
  }`;
  const ORDER = `query Order($orderNumber: ID!) {
    order(orderNumber: $orderNumber) { status holds { ${HOLD_FIELDS} } erpCommands { ${COMMAND_FIELDS} } }
  }`;

  type Hold = Record<string, unknown> & { id: string; state: string };
  type Command = Record<string, unknown> & { commandId: string; requestedAt: string };
  type HoldCommand = { replayed: boolean; command: Command; hold: Hold };
  type OrderView = { status: string; holds: Hold[]; erpCommands: Command[] };

  const place = (
    orderNumber: string,
    type: string,
    reason: string,
    key?: string,
    roles: Role[] = ['finance-credit'],
  ) => ctx.ask<{ placeOrderHold: HoldCommand }>(PLACE, { orderNumber, type, reason, key }, roles);
  const release = (holdId: string, reason: string, key?: string, roles: Role[] = ['finance-credit']) =>
    ctx.ask<{ releaseOrderHold: HoldCommand }>(RELEASE, { holdId, reason, key }, roles);
  const placed = async (orderNumber: string, type: string, reason: string, key?: string) => {
    const response = await place(orderNumber, type, reason, key);
    expect(response.errors).toBeUndefined();
    return response.data!.placeOrderHold;
  };
  const released = async (holdId: string, reason: string) => {
    const response = await release(holdId, reason);
    expect(response.errors).toBeUndefined();
    return response.data!.releaseOrderHold;
  };
  const view = async (orderNumber: string): Promise<OrderView> => {
    const response = await ctx.ask<{ order: OrderView }>(ORDER, { orderNumber });
    expect(response.errors).toBeUndefined();
    return response.data!.order;
  };
  /** The command event the outbox published for `commandId`. */
  const published = (commandId: string) =>
    eventually(async () => sent.find((event) => event.data.commandId === commandId));
  const ack = (
    command: Command,
    commandType: string,
    outcome: CommandOutcome,
    acknowledgedAt: string,
    reason: string | null = null,
    orderNumber = command.orderNumber as string,
  ) =>
    erp('erp.command.acknowledged.v1', {
      commandId: command.commandId,
      commandType,
      orderNumber,
      outcome,
      reason,
      erpVersion: 4,
      acknowledgedAt,
    });
  const errorOf = (response: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
    code: response.errors?.[0]?.extensions?.code,
    message: response.errors?.[0]?.message,
  });

  beforeAll(async () => {
    // Holds live in orders alone: the other context subgraphs are not needed here.
    ctx = await startContextStack(['orders']);
    stopListening = await ctx.stack.listen(['orders.command.requested.v1'], (event) =>
      sent.push(event as EventEnvelope<ErpCommand>),
    );
    const customer = (id: string) =>
      erp('erp.customer.changed.v1', {
        customer: {
          id,
          name: `Holds customer ${id}`,
          segment: CustomerSegment.REGIONAL,
          tier: CustomerTier.GOLD,
          paymentTermsDays: 30,
        },
        shipTos: [],
      });
    await ctx.load([customer(CUSTOMER), customer(OTHER_CUSTOMER)]);
  });

  afterAll(async () => {
    await stopListening?.();
    await ctx?.stop();
  });

  it('places a hold: REQUESTED, one command event with the canonical payload; an ACCEPTED ack makes it ACTIVE', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-1'))]);
    const { replayed, command, hold } = await placed(
      'SO-HOLD-1',
      'CREDIT',
      '  over the credit limit by 4,200  ',
    );

    expect(replayed).toBe(false);
    expect(hold).toEqual({
      id: command.holdId,
      orderNumber: 'SO-HOLD-1',
      type: 'CREDIT',
      reason: 'over the credit limit by 4,200',
      state: 'REQUESTED',
      requestedBy: CREDIT_USER,
      requestedAt: command.requestedAt,
      placedAt: null,
      releaseRequestedBy: null,
      releaseRequestedAt: null,
      releaseReason: null,
      releasedBy: null,
      releasedAt: null,
      rejectionReason: null,
    });
    expect(command).toEqual({
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      commandType: 'PLACE_HOLD',
      orderNumber: 'SO-HOLD-1',
      holdId: hold.id,
      erpVersion: 3,
      status: 'PENDING',
      reason: 'over the credit limit by 4,200',
      outcomeReason: null,
      requestedBy: CREDIT_USER,
      requestedAt: command.requestedAt,
      acknowledgedAt: null,
    });

    const event = await published(command.commandId);
    expect(event).toMatchObject({
      type: 'orders.command.requested.v1',
      subject: 'SO-HOLD-1',
      source: 'ordex.orders',
    });
    expect(event.data).toEqual({
      commandId: command.commandId,
      commandType: 'PLACE_HOLD',
      orderNumber: 'SO-HOLD-1',
      erpVersion: 3,
      holdId: hold.id,
      holdType: 'CREDIT',
      reason: 'over the credit limit by 4,200',
      requestedBy: CREDIT_USER,
      requestedAt: command.requestedAt,
    });
    expect(ErpCommandSchema().safeParse(event.data).success).toBe(true);

    await ctx.load([ack(command, 'PLACE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T09:15:00.000Z')]);
    const after = await view('SO-HOLD-1');
    expect(after.holds).toEqual([{ ...hold, state: 'ACTIVE', placedAt: '2026-11-21T09:15:00.000Z' }]);
    expect(after.erpCommands).toEqual([
      { ...command, status: 'ACCEPTED', acknowledgedAt: '2026-11-21T09:15:00.000Z' },
    ]);
    // The ack does not touch the order: its status is what the ERP's order events say.
    expect(after.status).toBe('RECEIVED');
    await ctx.load([
      erp('erp.order.changed.v1', order('SO-HOLD-1', { erpVersion: 4, status: OrderStatus.ON_HOLD })),
    ]);
    expect((await view('SO-HOLD-1')).status).toBe('ON_HOLD');
  });

  it('ignores the same acknowledgement sent again, even one that says otherwise', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-2'))]);
    const { command, hold } = await placed('SO-HOLD-2', 'PRICE', 'price 9% under contract');
    await ctx.load([ack(command, 'PLACE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T10:00:00.000Z')]);
    const settled = await view('SO-HOLD-2');

    await ctx.load([
      ack(command, 'PLACE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T10:00:00.000Z'),
      ack(command, 'PLACE_HOLD', CommandOutcome.REJECTED, '2026-11-21T11:00:00.000Z', 'late answer'),
    ]);
    expect(await view('SO-HOLD-2')).toEqual(settled);
    expect(settled.holds[0]).toMatchObject({
      id: hold.id,
      state: 'ACTIVE',
      placedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(
      (await ctx.stack.deadLetters()).filter((l) => l.originalSubject === 'erp.command.acknowledged.v1'),
    ).toEqual([]);
  });

  it('releases an ACTIVE hold: RELEASE_REQUESTED, then RELEASED on the ERP acknowledgement', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-3'))]);
    const { command: placeCommand, hold } = await placed('SO-HOLD-3', 'CREDIT', 'overdue receivables');
    await ctx.load([ack(placeCommand, 'PLACE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T09:00:00.000Z')]);

    const { command, hold: releasing } = await released(hold.id, 'prepayment received');
    expect(releasing).toMatchObject({
      id: hold.id,
      state: 'RELEASE_REQUESTED',
      placedAt: '2026-11-21T09:00:00.000Z',
      releaseRequestedBy: CREDIT_USER,
      releaseRequestedAt: command.requestedAt,
      releaseReason: 'prepayment received',
      releasedBy: null,
      releasedAt: null,
    });
    expect(command).toMatchObject({
      commandType: 'RELEASE_HOLD',
      holdId: hold.id,
      status: 'PENDING',
      erpVersion: 3,
    });
    expect((await published(command.commandId)).data).toEqual({
      commandId: command.commandId,
      commandType: 'RELEASE_HOLD',
      orderNumber: 'SO-HOLD-3',
      erpVersion: 3,
      holdId: hold.id,
      holdType: 'CREDIT',
      reason: 'prepayment received',
      requestedBy: CREDIT_USER,
      requestedAt: command.requestedAt,
    });

    await ctx.load([ack(command, 'RELEASE_HOLD', CommandOutcome.ACCEPTED, '2026-11-22T08:30:00.000Z')]);
    const after = await view('SO-HOLD-3');
    expect(after.holds).toEqual([
      {
        ...releasing,
        state: 'RELEASED',
        releasedBy: CREDIT_USER,
        releasedAt: '2026-11-22T08:30:00.000Z',
      },
    ]);
    // Newest first: the release, then the placement.
    expect(after.erpCommands.map((c) => [c.commandType, c.status])).toEqual([
      ['RELEASE_HOLD', 'ACCEPTED'],
      ['PLACE_HOLD', 'ACCEPTED'],
    ]);
    // A released hold of a type can be followed by a new one.
    expect((await placed('SO-HOLD-3', 'CREDIT', 'limit exceeded again')).hold.state).toBe('REQUESTED');
  });

  it('keeps a hold the ERP refuses to place REJECTED with its reason; a refused release leaves it ACTIVE', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-4'))]);
    const refused = await placed('SO-HOLD-4', 'STOCK', 'short at DC-NORTH');
    await ctx.load([
      ack(
        refused.command,
        'PLACE_HOLD',
        CommandOutcome.REJECTED,
        '2026-11-21T12:00:00.000Z',
        'order already picked',
      ),
    ]);
    const kept = await placed('SO-HOLD-4', 'SHIPPING', 'no carrier capacity');
    await ctx.load([ack(kept.command, 'PLACE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T12:05:00.000Z')]);
    const releaseTry = await released(kept.hold.id, 'carrier found');
    await ctx.load([
      ack(
        releaseTry.command,
        'RELEASE_HOLD',
        CommandOutcome.REJECTED,
        '2026-11-21T12:10:00.000Z',
        'hold set by ERP rule',
      ),
    ]);

    const after = await view('SO-HOLD-4');
    expect(after.holds).toEqual([
      { ...kept.hold, state: 'ACTIVE', placedAt: '2026-11-21T12:05:00.000Z' },
      { ...refused.hold, state: 'REJECTED', rejectionReason: 'order already picked' },
    ]);
    expect(after.erpCommands).toEqual([
      {
        ...releaseTry.command,
        status: 'REJECTED',
        outcomeReason: 'hold set by ERP rule',
        acknowledgedAt: '2026-11-21T12:10:00.000Z',
      },
      { ...kept.command, status: 'ACCEPTED', acknowledgedAt: '2026-11-21T12:05:00.000Z' },
      {
        ...refused.command,
        status: 'REJECTED',
        outcomeReason: 'order already picked',
        acknowledgedAt: '2026-11-21T12:00:00.000Z',
      },
    ]);
  });

  it('answers a retry under the same idempotencyKey with the first command and sends one command', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-5'))]);
    const first = await placed('SO-HOLD-5', 'CUSTOMER_REQUEST', 'customer asked to wait', 'retry-5');
    const again = await placed('SO-HOLD-5', 'CUSTOMER_REQUEST', 'customer asked to wait', 'retry-5');
    expect(again).toEqual({ ...first, replayed: true });

    // The outbox publishes in commit order: once a later command is out, a second one from the
    // retry would have been too.
    const later = await placed('SO-HOLD-5', 'MASTER_DATA', 'ship-to missing');
    await published(later.command.commandId);
    expect(sent.filter((e) => e.data.orderNumber === 'SO-HOLD-5').map((e) => e.data.commandId)).toEqual([
      first.command.commandId,
      later.command.commandId,
    ]);
    expect((await view('SO-HOLD-5')).erpCommands).toHaveLength(2);

    // The key belongs to its first request: another request under it is refused.
    expect(errorOf(await place('SO-HOLD-5', 'PRICE', 'another thing', 'retry-5'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'idempotencyKey retry-5 was already used for another request (PLACE_HOLD on order SO-HOLD-5)',
    });
    // Keys are per caller: another user's same key is a new request.
    const other = await place('SO-HOLD-5', 'PRICE', 'price check', 'retry-5', ['finance-pricing']);
    expect(other.data?.placeOrderHold.replayed).toBe(false);
  });

  it('refuses a second hold of a type already requested or active, a closed order and an unknown one', async () => {
    await ctx.load([
      erp('erp.order.created.v1', order('SO-HOLD-6')),
      erp('erp.order.created.v1', order('SO-HOLD-7', { status: OrderStatus.SHIPPED })),
      erp('erp.order.created.v1', order('SO-HOLD-8')),
    ]);
    const { command } = await placed('SO-HOLD-6', 'CREDIT', 'over limit');
    expect(errorOf(await place('SO-HOLD-6', 'CREDIT', 'again'))).toEqual({
      code: 'HOLD_ALREADY_OPEN',
      message: 'a CREDIT hold is already REQUESTED on this order',
    });
    await ctx.load([ack(command, 'PLACE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T09:00:00.000Z')]);
    expect(errorOf(await place('SO-HOLD-6', 'CREDIT', 'again'))).toEqual({
      code: 'HOLD_ALREADY_OPEN',
      message: 'a CREDIT hold is already ACTIVE on this order',
    });

    expect(errorOf(await place('SO-HOLD-7', 'CREDIT', 'too late'))).toEqual({
      code: 'ORDER_CLOSED',
      message: 'order SO-HOLD-7 is SHIPPED: holds can no longer be placed or released',
    });
    await ctx.load([
      erp('erp.order.cancelled.v1', {
        orderNumber: 'SO-HOLD-8',
        erpVersion: 4,
        cancelledAt: '2026-11-21T08:00:00.000Z',
        reason: null,
      }),
    ]);
    expect(errorOf(await place('SO-HOLD-8', 'CREDIT', 'too late'))).toEqual({
      code: 'ORDER_CLOSED',
      message: 'order SO-HOLD-8 is CANCELLED: holds can no longer be placed or released',
    });
    expect(errorOf(await place('SO-HOLD-NONE', 'CREDIT', 'who?'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no order SO-HOLD-NONE',
    });
    expect((await view('SO-HOLD-7')).holds).toEqual([]);
  });

  it('refuses bad arguments and releases of unknown or not-ACTIVE holds with typed errors', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-9'))]);
    expect(errorOf(await place('SO-HOLD-9', 'CREDIT', '   '))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'reason must not be empty',
    });
    expect(errorOf(await place('SO-HOLD-9', 'CREDIT', 'x'.repeat(501)))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'reason is over 500 characters',
    });
    expect((await place('SO-HOLD-9', 'CREDIT', 'x'.repeat(500))).errors).toBeUndefined();
    // An unknown hold type fails variable coercion against the HoldType enum.
    const badType = errorOf(await place('SO-HOLD-9', 'NOT_A_TYPE', 'x'));
    expect(badType.code).toBe('BAD_USER_INPUT');
    expect(badType.message).toContain('NOT_A_TYPE');

    const requested = (await view('SO-HOLD-9')).holds[0];
    expect(errorOf(await release(requested.id, 'not yet placed'))).toEqual({
      code: 'HOLD_NOT_ACTIVE',
      message: 'the hold is REQUESTED, only an ACTIVE hold can be released',
    });
    expect(errorOf(await release('00000000-0000-4000-8000-000000000000', 'x'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no hold 00000000-0000-4000-8000-000000000000',
    });
    expect(errorOf(await release('not-a-hold-id', 'x'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no hold not-a-hold-id',
    });
  });

  it('refuses callers without holds:write (warehouse, partner) with FORBIDDEN, and sends nothing', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-10'))]);
    const refused = await place('SO-HOLD-10', 'STOCK', 'short', undefined, ['warehouse']);
    expect(refused.data?.placeOrderHold ?? null).toBeNull();
    expect(errorOf(refused)).toEqual({
      code: 'FORBIDDEN',
      message: 'Not allowed: Mutation.placeOrderHold needs the holds:write permission',
    });
    expect(
      errorOf(await release('00000000-0000-4000-8000-000000000000', 'x', undefined, ['warehouse'])),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const partner = await graphql(
      ctx.stack.gatewayUrl!,
      PLACE,
      { orderNumber: 'SO-HOLD-10', type: 'STOCK', reason: 'short' },
      { authorization: `Bearer ${await ctx.stack.token({ roles: ['partner'], partnerId: 'P-HOLDS' })}` },
    );
    expect(errorOf(partner)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await view('SO-HOLD-10')).holds).toEqual([]);
  });

  it("lets a partner read holds on its own customers' orders only", async () => {
    await ctx.load([
      erp('erp.partner.changed.v1', { id: 'P-HOLDS', name: 'Holds partner', customerIds: [CUSTOMER] }),
      erp('erp.order.created.v1', order('SO-HOLD-11')),
      erp('erp.order.created.v1', order('SO-HOLD-12', { customerId: OTHER_CUSTOMER })),
    ]);
    await placed('SO-HOLD-11', 'CREDIT', 'own customer');
    await placed('SO-HOLD-12', 'CREDIT', 'other customer');
    const token = await ctx.stack.token({ roles: ['partner'], partnerId: 'P-HOLDS' });
    const read = async (orderNumber: string) =>
      (
        await graphql<{ order: { holds: { reason: string }[] } | null }>(
          ctx.stack.gatewayUrl!,
          'query($n: ID!) { order(orderNumber: $n) { holds { reason } } }',
          { n: orderNumber },
          { authorization: `Bearer ${token}` },
        )
      ).data?.order;
    expect(await read('SO-HOLD-11')).toEqual({ holds: [{ reason: 'own customer' }] });
    expect(await read('SO-HOLD-12')).toBeNull();
  });

  it('ignores an acknowledgement of a command orders did not send: no dead letter, nothing changes', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-13'))]);
    const { command } = await placed('SO-HOLD-13', 'CREDIT', 'over limit');
    const before = await view('SO-HOLD-13');
    await ctx.load([
      ack(
        { ...command, commandId: '5f0c8a53-0c55-4e8b-9d7e-3c1f2a9b8e11' },
        'PLACE_HOLD',
        CommandOutcome.ACCEPTED,
        '2026-11-21T09:00:00.000Z',
      ),
      ack(
        { ...command, commandId: 'RESOURCE-42' },
        'RESOURCE_LINE',
        CommandOutcome.ACCEPTED,
        '2026-11-21T09:00:00.000Z',
      ),
    ]);
    expect(await view('SO-HOLD-13')).toEqual(before);
    expect(before.holds[0].state).toBe('REQUESTED');
    expect(
      (await ctx.stack.deadLetters()).filter((l) => l.originalSubject === 'erp.command.acknowledged.v1'),
    ).toEqual([]);
  });

  it('dead-letters an acknowledgement that contradicts the command it names, and changes nothing', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-14'))]);
    const { command } = await placed('SO-HOLD-14', 'CREDIT', 'over limit');
    const before = await view('SO-HOLD-14');
    await ctx.load([ack(command, 'RELEASE_HOLD', CommandOutcome.ACCEPTED, '2026-11-21T09:00:00.000Z')]);
    expect(await view('SO-HOLD-14')).toEqual(before);
    const letter = (await ctx.stack.deadLetters()).find(
      (l) => l.originalSubject === 'erp.command.acknowledged.v1',
    );
    expect(letter?.reason).toContain(
      `acknowledgement of command ${command.commandId} says RELEASE_HOLD, the command was PLACE_HOLD`,
    );
  });

  it('settles concurrent requests: one command per idempotency key, one open hold per type', async () => {
    await ctx.load([erp('erp.order.created.v1', order('SO-HOLD-15'))]);
    const retries = await Promise.all(
      [1, 2, 3].map(() => place('SO-HOLD-15', 'CREDIT', 'over limit', 'race-15')),
    );
    expect(retries.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const answers = retries.map((r) => r.data!.placeOrderHold);
    expect(new Set(answers.map((a) => a.command.commandId)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);

    const racing = await Promise.all([1, 2, 3].map(() => place('SO-HOLD-15', 'PRICE', 'price off')));
    expect(racing.filter((r) => !r.errors)).toHaveLength(1);
    expect(racing.filter((r) => r.errors).map((r) => errorOf(r).code)).toEqual([
      'HOLD_ALREADY_OPEN',
      'HOLD_ALREADY_OPEN',
    ]);
    expect((await view('SO-HOLD-15')).holds.map((h) => h.type).sort()).toEqual(['CREDIT', 'PRICE']);
  });

  it('resolves holds and commands of many orders with a constant number of statements', async () => {
    const numbers = Array.from({ length: 100 }, (_, i) => `SO-HOLD-BULK-${String(i).padStart(2, '0')}`);
    await ctx.load(numbers.map((n) => erp('erp.order.created.v1', order(n))));
    for (const n of numbers.slice(0, 10)) await placed(n, 'CREDIT', `bulk ${n}`);
    const statementsFor = async (first: number) => {
      const before = (await ctx.graphqlStatements()).orders;
      const response = await ctx.ask<{ orders: { holds: unknown[]; erpCommands: unknown[] }[] }>(
        `query($first: Int!, $after: ID) { orders(first: $first, after: $after) {
          orderNumber holds { id state } erpCommands { commandId status } } }`,
        { first, after: 'SO-HOLD-BULK-' },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.orders).toHaveLength(first);
      return (await ctx.graphqlStatements()).orders - before;
    };
    const few = await statementsFor(2);
    const many = await statementsFor(100);
    expect(many).toBe(few);
    // The page, the holds and the commands: one statement each.
    expect(many).toBe(3);
  });
});
