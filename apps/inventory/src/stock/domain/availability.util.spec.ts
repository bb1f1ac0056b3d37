import { availableQuantity, lineAvailability } from './availability.util';

describe('availableQuantity', () => {
  it('is on hand less allocated', () => {
    expect(availableQuantity({ onHand: 120, allocated: 20 })).toBe(100);
  });

  it('never goes below zero when a DC is over-allocated', () => {
    expect(availableQuantity({ onHand: 10, allocated: 25 })).toBe(0);
  });
});

describe('lineAvailability', () => {
  const stock = [
    { dcCode: 'DC-NORTH', onHand: 40, allocated: 10 },
    { dcCode: 'DC-SOUTH', onHand: 200, allocated: 50 },
    { dcCode: 'DC-WEST', onHand: 5, allocated: 9 },
  ];

  it('lists each DC with what it can still promise and sums the total', () => {
    const result = lineAvailability('SKU-1', 100, stock);
    expect(result.byDc).toEqual([
      { dcCode: 'DC-NORTH', onHand: 40, allocated: 10, available: 30 },
      { dcCode: 'DC-SOUTH', onHand: 200, allocated: 50, available: 150 },
      { dcCode: 'DC-WEST', onHand: 5, allocated: 9, available: 0 },
    ]);
    expect(result).toMatchObject({ sku: 'SKU-1', requested: 100, totalAvailable: 180 });
  });

  it('is fillable from one DC when a single DC covers the whole quantity', () => {
    expect(lineAvailability('SKU-1', 150, stock).fillableFromOneDc).toBe(true);
  });

  it('is not fillable from one DC when only the DCs together cover it', () => {
    const result = lineAvailability('SKU-1', 170, stock);
    expect(result.fillableFromOneDc).toBe(false);
    expect(result.totalAvailable).toBeGreaterThanOrEqual(170);
  });

  it('reports nothing available for a SKU no DC holds', () => {
    expect(lineAvailability('SKU-9', 1, [])).toEqual({
      sku: 'SKU-9',
      requested: 1,
      totalAvailable: 0,
      fillableFromOneDc: false,
      byDc: [],
    });
  });
});
