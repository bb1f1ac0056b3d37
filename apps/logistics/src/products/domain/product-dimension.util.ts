import type { Product } from '@ordex/contracts';

/** Why a product's dimensions cannot be kept (the event is dead-lettered with this reason); null when they can. */
export function productDimensionProblem(product: Product): string | null {
  if (!Number.isFinite(product.weightKg) || product.weightKg < 0)
    return `product ${product.sku}: weight must be 0 kg or more`;
  if (product.volumeM3 != null && (!Number.isFinite(product.volumeM3) || product.volumeM3 < 0))
    return `product ${product.sku}: volume must be 0 m³ or more`;
  return null;
}
