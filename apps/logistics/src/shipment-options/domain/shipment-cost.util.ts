/**
 * A shipment's price on a lane: max(minimum charge, weight × cost per kg), in whole cents.
 * Computed in integers: weight in milligrams × cost in 1/10,000 per kg (the precision lanes are
 * stored at) gives 1e-10 currency units, rounded half up to cents. The minimum charge is stored
 * in cents already, and max(whole cents, x) rounded equals max taken before rounding.
 */
export function shipmentCostCents(weightMg: number, costPerKg: number, minimumCharge: number): number {
  const rateE4 = BigInt(Math.round(costPerKg * 10_000));
  const byWeight = Number((BigInt(weightMg) * rateE4 + 50_000_000n) / 100_000_000n);
  return Math.max(Math.round(minimumCharge * 100), byWeight);
}
