import type { StockSnapshot } from '@ordex/contracts';

/** Why a snapshot cannot replace its DC's stock, or null when it can. */
export function snapshotProblem({ dcCode, levels }: StockSnapshot): string | null {
  const foreign = levels.find((l) => l.dcCode !== dcCode);
  if (foreign) return `stock snapshot of ${dcCode} holds a level of ${foreign.dcCode}`;
  const seen = new Set<string>();
  for (const { sku } of levels) {
    if (seen.has(sku)) return `stock snapshot of ${dcCode} lists ${sku} twice`;
    seen.add(sku);
  }
  return null;
}
