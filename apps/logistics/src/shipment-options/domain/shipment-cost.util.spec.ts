import { shipmentCostCents } from './shipment-cost.util';

describe('shipmentCostCents', () => {
  it('charges weight × cost per kg when that is above the minimum', () => {
    // 1,200 kg × 0.35 = 420.00
    expect(shipmentCostCents(1_200_000_000, 0.35, 150)).toBe(42_000);
  });

  it('charges the minimum when the weight costs less', () => {
    // 100 kg × 0.35 = 35.00 < 150.00
    expect(shipmentCostCents(100_000_000, 0.35, 150)).toBe(15_000);
  });

  it('charges the minimum when both are equal', () => {
    expect(shipmentCostCents(428_571_429, 0.35, 150)).toBe(15_000); // 150.0000001 → 150.00
  });

  it('rounds half a cent up, computed without float error', () => {
    // 0.1 kg × 0.125 = 0.0125 → 0.01; 0.3 kg × 0.15 = 0.045 → 0.05 (as floats 0.045 rounds to 0.04)
    expect(shipmentCostCents(100_000, 0.125, 0)).toBe(1);
    expect(shipmentCostCents(300_000, 0.15, 0)).toBe(5);
    // 10.05 kg × 1.0001 = 10.051005 → 10.05
    expect(shipmentCostCents(10_050_000, 1.0001, 0)).toBe(1005);
  });

  it('handles heavy shipments beyond float-safe intermediate products', () => {
    // 2,000 t × 12.3456 per kg = 24,691,200.00
    expect(shipmentCostCents(2_000_000_000_000, 12.3456, 0)).toBe(2_469_120_000);
  });

  it('is the minimum for a weightless order', () => {
    expect(shipmentCostCents(0, 0.35, 45.5)).toBe(4550);
  });
});
