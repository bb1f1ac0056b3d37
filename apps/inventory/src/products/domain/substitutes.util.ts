/**
 * The substitute SKUs to look up for a product: in the ERP's listed order (its preference), each
 * once, never the product itself.
 */
export function substituteSkus(sku: string, substitutes: readonly string[]): string[] {
  return [...new Set(substitutes)].filter((s) => s !== sku);
}
