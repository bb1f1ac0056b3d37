import { ERP_EVENTS, ErpEventType } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from './demo-distributor';
import { demoErpEvents } from './demo-events';

describe('demo distributor', () => {
  const demo = buildDemoDistributor(DEMO_SIZES.small);

  it('is deterministic by seed', () => {
    expect(buildDemoDistributor(DEMO_SIZES.small)).toEqual(demo);
    expect(buildDemoDistributor(DEMO_SIZES.small, 7).orders).not.toEqual(demo.orders);
  });

  it('has the requested size across three DCs in different regions', () => {
    expect(demo.products).toHaveLength(DEMO_SIZES.small.products);
    expect(demo.customers).toHaveLength(DEMO_SIZES.small.customers);
    expect(demo.orders).toHaveLength(DEMO_SIZES.small.orders);
    expect(new Set(demo.distributionCenters.map((d) => d.region)).size).toBe(3);
  });

  it('contains the reference scenario order', () => {
    const order = demo.orders.find((o) => o.orderNumber === 'SO-1001')!;
    const [line1, line2] = order.lines;
    const stock = (dc: string) =>
      demo.stock.find((s) => s.dcCode === dc)!.levels.find((l) => l.sku === line1.sku)!;
    expect(stock('DC-NORTH').onHand - stock('DC-NORTH').allocated).toBeLessThan(line1.quantity);
    expect(stock('DC-SOUTH').onHand - stock('DC-SOUTH').allocated).toBeGreaterThanOrEqual(line1.quantity);
    const contract = demo.contracts.find((c) => c.customerId === order.customerId && c.sku === line2.sku)!;
    const deviation = ((line2.unitPrice - contract.price) / contract.price) * 100;
    expect(deviation).toBeCloseTo(-9, 0);
    expect(contract.tolerancePct).toBe(3);
  });

  it('emits only valid ERP events with stable ids', () => {
    const events = demoErpEvents(demo);
    for (const event of events) {
      const spec = ERP_EVENTS[event.type as ErpEventType];
      expect(spec.schema().safeParse(event.data).success).toBe(true);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(demoErpEvents(demo).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});
