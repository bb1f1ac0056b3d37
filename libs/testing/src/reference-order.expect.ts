import type { ReferenceOrderResult } from './reference-order.query';

/** What the demo distributor's reference order (DOMAIN.md) must look like through the graph. */
export function expectReferenceOrder(order: ReferenceOrderResult['order']): void {
  expect(order).toMatchObject({
    orderNumber: 'SO-1001',
    status: 'RECEIVED',
    customer: { id: 'C-0001', segment: 'KEY_ACCOUNT', tier: 'PLATINUM' },
  });
  const [line1, line2] = order!.lines;
  // Line 1: short at the preferred DC-NORTH (20 available) but in stock at DC-SOUTH (500).
  expect(line1.quantity).toBe(120);
  expect(line1.availability!.byDc).toEqual(
    expect.arrayContaining([
      { dcCode: 'DC-NORTH', available: 20 },
      { dcCode: 'DC-SOUTH', available: 500 },
    ]),
  );
  expect(line1.availability!.fillableFromOneDc).toBe(true);
  expect(line1.priceCheck).toMatchObject({ hasContract: true, withinTolerance: true });
  // Line 2: priced 9% under its contract, whose tolerance is 3%.
  expect(line2.priceCheck!.hasContract).toBe(true);
  expect(line2.priceCheck!.tolerancePct).toBe(3);
  expect(line2.priceCheck!.deviationPct).toBeCloseTo(-9, 0);
  expect(line2.priceCheck!.withinTolerance).toBe(false);
  expect(line2.unitPrice).toBeCloseTo(line2.priceCheck!.contractPrice! * 0.91, 1);
}
