/** The mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** A figure that could not be computed (NaN: a ROC AUC without both outcomes) as null. */
export function orNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
