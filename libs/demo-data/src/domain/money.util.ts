/**
 * Money in integer cents and rates in basis points, so the demo's prices carry no float error:
 * every amount the demo emits is a whole number of cents divided by 100 once.
 */

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** `cents` changed by `basisPoints` (−900 = 9 % less), rounded half away from zero to a cent. */
export function withBasisPoints(cents: number, basisPoints: number): number {
  const exact = (cents * (10_000 + basisPoints)) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/** The lowest price in cents whose margin over `costCents` is at least `marginPct` percent. */
export function minimumPriceForMargin(costCents: number, marginPct: number): number {
  // price ≥ cost / (1 − margin): integer arithmetic in basis points, rounded up to a cent.
  const marginBp = Math.round(marginPct * 100);
  return Math.ceil((costCents * 10_000) / (10_000 - marginBp));
}

/** A whole amount rounded up to a multiple of `step` (e.g. credit limits in steps of 5,000). */
export function roundUpTo(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}
