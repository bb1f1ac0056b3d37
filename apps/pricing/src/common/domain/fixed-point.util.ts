/**
 * Exact decimal arithmetic for money and percentages. Floats cannot hold 0.1 or 97.01 exactly,
 * so a rule like "at most 3 % off" decided on floats flips at its boundary; here every figure is
 * first turned into a whole number of its smallest unit (a bigint) and rules compare products of
 * whole numbers, which is exact.
 */

/** Prices and unit costs: 4 decimals, the scale of every price column (numeric(14,4)). */
export const PRICE_DECIMALS = 4;
/** Percentages (tolerance, margin floor): 3 decimals, thousandths of a percent (numeric(7,3)). */
export const PERCENT_DECIMALS = 3;
/** Money amounts (credit, order values): whole cents. */
export const MONEY_DECIMALS = 2;

/**
 * `value` as a whole number of 10^-decimals units, read from its shortest decimal form (97.01 is
 * 9701 hundredths, never 9700.999…). Digits beyond the scale are rounded half away from zero, as
 * PostgreSQL rounds a value into a numeric column.
 */
export function toScaled(value: number, decimals: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa, exponent = '0'] = Math.abs(value).toString().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = BigInt(whole + fraction);
  // |value| = digits × 10^(exponent − fraction.length); scaled = digits × 10^shift.
  const shift = Number(exponent) - fraction.length + decimals;
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : divideRounded(digits, 10n ** BigInt(-shift));
  return value < 0 ? -magnitude : magnitude;
}

/** A whole number of 10^-decimals units back as a number (97.01 for 9701n at 2 decimals). */
export function fromScaled(scaled: bigint, decimals: number): number {
  return Number(scaled) / 10 ** decimals;
}

/** Whole cents of a money amount. */
export function toCents(amount: number): number {
  return Number(toScaled(amount, MONEY_DECIMALS));
}

/** An amount of whole cents in currency units. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** numerator / denominator rounded to a whole number, half away from zero; denominator > 0. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const magnitude = (2n * (numerator < 0n ? -numerator : numerator) + denominator) / (2n * denominator);
  return numerator < 0n ? -magnitude : magnitude;
}
