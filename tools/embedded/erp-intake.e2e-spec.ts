import { createEvent, ErpEventPayloads, ErpEventType, OrderStatus } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { graphql } from '@ordex/testing';
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
  const query = async <T>(q: string) => (await graphql<T>(stack.gatewayUrl!, q)).data!;

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent' });
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
        shipDate: '2026-12-02',
        capacityKg: 12000,
        bookedKg: 12000,
      }),
    );
    await stack.idle();
    const { capacity } = await query<{ capacity: { carrierCode: string; remainingKg: number }[] }>(
      '{ capacity(dcCode: "DC-NORTH", shipDate: "2026-12-02") { carrierCode remainingKg } }',
    );
    expect(capacity).toEqual([{ carrierCode: 'CAR-SWIFT', remainingKg: 0 }]);
  });
});
