/**
 * Weights are summed in whole milligrams so that an order exactly as heavy as a slot's remaining
 * capacity compares equal (no float residue). Product weights carry at most six decimals (kg).
 */
export function toMilligrams(kg: number): number {
  return Math.round(kg * 1_000_000);
}

export function milligramsToKg(mg: number): number {
  return mg / 1_000_000;
}

export interface OrderWeight {
  weightMg: number;
  /** SKUs logistics knows no weight for, sorted, each once; they count 0. */
  unknownSkus: string[];
}

/** Σ quantity × unit weight over the lines; `weightOf` answers undefined for an unknown SKU. */
export function orderWeight(
  lines: readonly { sku: string; quantity: number }[],
  weightOf: (sku: string) => number | undefined,
): OrderWeight {
  let weightMg = 0;
  const unknown = new Set<string>();
  for (const line of lines) {
    const unitKg = weightOf(line.sku);
    if (unitKg === undefined) unknown.add(line.sku);
    else weightMg += Math.max(0, line.quantity) * toMilligrams(unitKg);
  }
  return { weightMg, unknownSkus: [...unknown].sort() };
}
