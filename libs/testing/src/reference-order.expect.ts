import type { ReferenceOrderResult } from './reference-order.query';

/**
 * What the demo distributor's reference order (DOMAIN.md, libs/demo-data) must look like through
 * the graph. Its figures are fixed in the demo, so they are asserted exactly.
 */
export function expectReferenceOrder(order: ReferenceOrderResult['order']): void {
  expect(order).toMatchObject({
    orderNumber: 'SO-1001',
    status: 'RECEIVED',
    customer: { id: 'C-0001', segment: 'KEY_ACCOUNT', tier: 'PLATINUM' },
  });
  const [line1, line2] = order!.lines;
  // Line 1: 120 × SKU-00001, short at the preferred DC-NORTH (20 available) but 500 at DC-SOUTH.
  expect(line1).toMatchObject({ lineNo: 1, sku: 'SKU-00001', quantity: 120, unitPrice: 4.6 });
  expect(line1.availability!.byDc).toEqual(
    expect.arrayContaining([
      { dcCode: 'DC-NORTH', available: 20 },
      { dcCode: 'DC-SOUTH', available: 500 },
      { dcCode: 'DC-EAST', available: 20 },
      { dcCode: 'DC-WEST', available: 0 },
    ]),
  );
  expect(line1.availability).toMatchObject({ totalAvailable: 540, fillableFromOneDc: true });
  // At its contract price: margin (4.60 − 3.30) / 4.60 = 28.26 %, over the 8 % floor.
  expect(line1.priceCheck).toEqual({
    hasContract: true,
    contractId: 'CT-C-0001-SKU-00001',
    contractPrice: 4.6,
    listPrice: 4.95,
    deviationPct: 0,
    tolerancePct: 3,
    withinTolerance: true,
    marginPct: 28.26,
    marginFloorPct: 8,
    aboveMarginFloor: true,
  });
  // Line 2: 40 × SKU-00002 at 45.50, (45.50 − 50.00) / 50.00 = −9 % against a 3 % tolerance; the
  // margin (45.50 − 30.00) / 45.50 = 34.07 % is fine: only the price is the exception.
  expect(line2).toMatchObject({ lineNo: 2, sku: 'SKU-00002', quantity: 40, unitPrice: 45.5 });
  expect(line2.priceCheck).toEqual({
    hasContract: true,
    contractId: 'CT-C-0001-SKU-00002',
    contractPrice: 50,
    listPrice: 58,
    deviationPct: -9,
    tolerancePct: 3,
    withinTolerance: false,
    marginPct: 34.07,
    marginFloorPct: 8,
    aboveMarginFloor: true,
  });
}
