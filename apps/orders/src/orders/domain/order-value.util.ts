/**
 * An order's value: Σ quantity × unit price, in whole cents so that adding many lines never
 * drifts (0.1 + 0.2 is 0.30, not 0.30000000000000004).
 */
export function orderValue(lines: readonly { quantity: number; unitPrice: number }[]): number {
  const cents = lines.reduce((sum, line) => sum + Math.round(line.quantity * line.unitPrice * 100), 0);
  return cents / 100;
}
