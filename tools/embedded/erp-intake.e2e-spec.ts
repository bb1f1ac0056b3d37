import { createEvent, ErpEventPayloads, ErpEventType, OrderStatus } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from './embedded-stack';

jest.setTimeout(120_000);

/** The ERP intake contract (docs/events.md) applied by the services, through the graph. */
describe('ERP intake events', () => {
  let stack: EmbeddedStack;
  const demo = buildDemoDistributor(DEMO_SIZES.small);
  const reference = demo.orders.find((o) => o.orderNumber === 'SO-1001')!;
  let sequence = 0;
  const erp = <K extends ErpEventType>(type: K, key: string, data: ErpEventPayloads[K]) =>
    createEvent(type, key, data, { source: 'erp', id: `intake-e2e-${++sequence}` });
  let auth: Record<string, string>;
  const query = async <T>(q: string) => (await graphql<T>(stack.gatewayUrl!, q, {}, auth)).data!;

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
    auth = { authorization: `Bearer ${await stack.token({ roles: ['admin'] })}` };
  });
  afterAll(() => stack?.stop());

  it('mirrors a newer order version and ignores an older one that arrives later', async () => {
    const v2 = { ...reference, erpVersion: 2, lines: [{ ...reference.lines[0], quantity: 80 }] };
    await stack.publish(erp('erp.order.changed.v1', 'SO-1001', v2));
    await stack.publish(erp('erp.order.changed.v1', 'SO-1001', { ...reference, erpVersion: 1 }));
    await stack.idle();
    const { order } = await query<{ order: { erpVersion: number; lines: { quantity: number }[] } }>(
      '{ order(orderNumber: "SO-1001") { erpVersion lines { quantity } } }',
    );
    expect(order).toEqual({ erpVersion: 2, lines: [{ quantity: 80 }] });
  });

  it('cancels an order as of a newer version; an unknown order is dead-lettered with the reason', async () => {
    const cancelledAt = '2026-11-27T10:00:00.000Z';
    await stack.publish(
      erp('erp.order.cancelled.v1', 'SO-1002', {
        orderNumber: 'SO-1002',
        erpVersion: 5,
        cancelledAt,
        reason: 'customer request',
      }),
    );
    await stack.publish(
      erp('erp.order.cancelled.v1', 'SO-9999', {
        orderNumber: 'SO-9999',
        erpVersion: 1,
        cancelledAt,
        reason: null,
      }),
    );
    await stack.idle();
    const { order } = await query<{ order: { status: string; erpVersion: number } }>(
      '{ order(orderNumber: "SO-1002") { status erpVersion } }',
    );
    expect(order).toEqual({ status: OrderStatus.CANCELLED, erpVersion: 5 });
    const letters = await stack.deadLetters();
    expect(letters.find((l) => l.originalSubject === 'erp.order.cancelled.v1')?.reason).toContain(
      'unknown order SO-9999',
    );
  });

  it('applies a stock movement once, however often it is re-sent, never below zero', async () => {
    const adjustment = erp('erp.stock.adjusted.v1', 'DC-NORTH', {
      sku: 'SKU-00001',
      dcCode: 'DC-NORTH',
      onHandDelta: -15,
      allocatedDelta: 0,
      reason: 'damaged',
      adjustedAt: '2026-11-27T11:00:00.000Z',
    });
    await stack.publish(adjustment);
    // The same event re-sent later, as a new message the stream cannot de-duplicate: the
    // consumer recognises its event id.
    await stack.publish(adjustment, `resend-${adjustment.id}`);
    await stack.publish(
      erp('erp.stock.adjusted.v1', 'DC-EAST', {
        sku: 'SKU-00001',
        dcCode: 'DC-EAST',
        onHandDelta: -500,
        allocatedDelta: 0,
        reason: 'recount',
        adjustedAt: '2026-11-27T11:00:00.000Z',
      }),
    );
    await stack.idle();
    const { product } = await query<{ product: { stock: { dcCode: string; onHand: number }[] } }>(
      '{ product(sku: "SKU-00001") { stock { dcCode onHand } } }',
    );
    expect(product.stock).toEqual(
      expect.arrayContaining([
        { dcCode: 'DC-NORTH', onHand: 5 },
        { dcCode: 'DC-EAST', onHand: 0 },
      ]),
    );
  });

  it('dead-letters a movement for an unknown SKU or DC', async () => {
    await stack.publish(
      erp('erp.stock.adjusted.v1', 'DC-NORTH', {
        sku: 'SKU-NOPE',
        dcCode: 'DC-NORTH',
        onHandDelta: 1,
        allocatedDelta: 0,
        reason: 'receipt',
        adjustedAt: '2026-11-27T12:00:00.000Z',
      }),
    );
    await stack.publish(
      erp('erp.stock.adjusted.v1', 'DC-MOON', {
        sku: 'SKU-00002',
        dcCode: 'DC-MOON',
        onHandDelta: 1,
        allocatedDelta: 0,
        reason: 'receipt',
        adjustedAt: '2026-11-27T12:00:00.000Z',
      }),
    );
    await stack.idle();
    const reasons = (await stack.deadLetters()).map((l) => l.reason);
    expect(reasons.some((r) => r.includes('unknown SKU SKU-NOPE'))).toBe(true);
    expect(reasons.some((r) => r.includes('unknown distribution centre DC-MOON'))).toBe(true);
  });

  it("records a carrier's capacity per DC and ship date", async () => {
    await stack.publish(
      erp('erp.carrier.capacity-changed.v1', 'CAR-SWIFT|DC-NORTH', {
        carrierCode: 'CAR-SWIFT',
        dcCode: 'DC-NORTH',
        shipDate: '2026-12-07',
        capacityKg: 12000,
        bookedKg: 11500,
      }),
    );
    await stack.idle();
    const { capacity } = await query<{
      capacity: { carrierCode: string; remainingKg: number; defaulted: boolean }[];
    }>('{ capacity(dcCode: "DC-NORTH", shipDate: "2026-12-07") { carrierCode remainingKg defaulted } }');
    // The event sets CAR-SWIFT's day; the other carriers collecting at DC-NORTH keep their standard capacity.
    expect(capacity).toContainEqual({ carrierCode: 'CAR-SWIFT', remainingKg: 500, defaulted: false });
    expect(capacity.filter((slot) => slot.carrierCode !== 'CAR-SWIFT').every((slot) => slot.defaulted)).toBe(
      true,
    );
  });

  it('accepts both live versions of a credit update: v1 from older producers arrives upcast to v2', async () => {
    const credit = async () =>
      (
        await query<{
          customer: { credit: { creditLimit: number; overdueDays: number; overdueAmount: number | null } };
        }>('{ customer(id: "C-0002") { credit { creditLimit overdueDays overdueAmount } } }')
      ).customer.credit;
    // The demo loads its credit accounts as v2 events, with the amount overdue.
    expect((await credit()).overdueAmount).not.toBeNull();
    await stack.publish(
      erp('erp.credit.updated.v2', 'C-0002', {
        customerId: 'C-0002',
        creditLimit: 90_000,
        openReceivables: 41_000,
        overdueAmount: 1234.5,
        overdueDays: 12,
      }),
    );
    await stack.idle();
    expect(await credit()).toEqual({ creditLimit: 90_000, overdueDays: 12, overdueAmount: 1234.5 });
    await stack.publish(
      erp('erp.credit.updated.v1', 'C-0002', {
        customerId: 'C-0002',
        creditLimit: 95_000,
        openReceivables: 40_000,
        overdueDays: 3,
      }),
    );
    await stack.idle();
    expect(await credit()).toEqual({ creditLimit: 95_000, overdueDays: 3, overdueAmount: null });
  });

  describe('through the GraphQL intake (partners without NATS)', () => {
    const submit = (events: Record<string, unknown>[]) =>
      graphql<{
        submitErpEvents: {
          id: string;
          accepted: boolean;
          duplicate: boolean;
          rejection: { code: string; message: string } | null;
        }[];
      }>(
        stack.gatewayUrl!,
        'mutation Submit($events: [ErpEventInput!]!) { submitErpEvents(events: $events) { id accepted duplicate rejection { code message } } }',
        { events },
        auth,
      );
    const newOrder = {
      ...reference,
      orderNumber: 'SO-5000',
      lines: [{ lineNo: 1, sku: 'SKU-00003', quantity: 12, unitPrice: 10.5 }],
    };
    const input = (id: string, data: unknown, type = 'erp.order.created.v1') => ({
      id,
      type,
      subject: 'SO-5000',
      source: 'partner-edi',
      data: JSON.stringify(data),
    });

    it('applies valid events, rejects invalid ones with the same reasons as the NATS intake, and recognises a re-submission', async () => {
      const first = await submit([
        input('edi-1', newOrder),
        input('edi-2', {
          ...newOrder,
          lines: [{ lineNo: 1, sku: 'SKU-00003', quantity: 1.5, unitPrice: 10.5 }],
        }),
        input('edi-3', newOrder, 'erp.order.teleported.v1'),
      ]);
      expect(first.errors).toBeUndefined();
      expect(first.data!.submitErpEvents).toEqual([
        { id: 'edi-1', accepted: true, duplicate: false, rejection: null },
        {
          id: 'edi-2',
          accepted: false,
          duplicate: false,
          rejection: {
            code: 'INVALID_EVENT',
            message: expect.stringMatching(/^invalid erp\.order\.created\.v1 payload: lines\.0\.quantity: /),
          },
        },
        {
          id: 'edi-3',
          accepted: false,
          duplicate: false,
          rejection: { code: 'INVALID_EVENT', message: 'unknown event type erp.order.teleported.v1' },
        },
      ]);
      const again = await submit([input('edi-1', newOrder)]);
      expect(again.data!.submitErpEvents).toEqual([
        { id: 'edi-1', accepted: false, duplicate: true, rejection: null },
      ]);

      const order = await eventually(async () => {
        const r = await graphql<{ order: { lines: { sku: string; quantity: number }[] } | null }>(
          stack.gatewayUrl!,
          '{ order(orderNumber: "SO-5000") { lines { sku quantity } } }',
          {},
          auth,
        );
        return r.data?.order ?? undefined;
      });
      expect(order.lines).toEqual([{ sku: 'SKU-00003', quantity: 12 }]);
    });

    it('refuses partner directory changes: they change access, and come from the ERP on NATS only', async () => {
      const attempt = await submit([
        input(
          'edi-partner',
          { id: 'PRT-NORTHWIND', name: 'x', customerIds: ['C-0002'] },
          'erp.partner.changed.v1',
        ),
      ]);
      expect(attempt.data!.submitErpEvents).toEqual([
        {
          id: 'edi-partner',
          accepted: false,
          duplicate: false,
          rejection: {
            code: 'NOT_ACCEPTED_HERE',
            message: 'erp.partner.changed.v1 changes access: the ERP publishes it on NATS only',
          },
        },
      ]);
    });

    it('refuses an empty or oversized submission with a typed error', async () => {
      const empty = await submit([]);
      expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      const tooMany = await submit(Array.from({ length: 501 }, (_, i) => input(`bulk-${i}`, newOrder)));
      expect(tooMany.errors?.[0].message).toBe('submit between 1 and 500 events (got 501)');
    });
  });
});
