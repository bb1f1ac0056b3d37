import { ExceptionCategory } from '@ordex/contracts';

export type FalloutShares = Readonly<Record<ExceptionCategory, number>>;

export const EXCEPTION_CATEGORIES = Object.values(ExceptionCategory) as ExceptionCategory[];

/** Shares of orders in which each category is planted (independently: one order may carry several). */
export const DEFAULT_FALLOUT: FalloutShares = {
  STOCK_SHORTAGE: 0.08,
  PRICE_MISMATCH: 0.05,
  CREDIT_HOLD: 0.03,
  SHIPMENT_CONSTRAINT: 0.04,
  ROUTING_RULE: 0.02,
  MASTER_DATA: 0.02,
  ERP_SYNC: 0.01,
};

/**
 * Parses `STOCK_SHORTAGE=0.08,PRICE_MISMATCH=0.05`: the categories named replace the defaults,
 * the others keep theirs. Throws a message naming the bad entry.
 */
export function parseFalloutShares(text: string, defaults: FalloutShares = DEFAULT_FALLOUT): FalloutShares {
  const shares: Record<string, number> = { ...defaults };
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Z_]+)=(.+)$/.exec(entry);
    if (!match) throw new Error(`--fallout entry "${entry}" is not CATEGORY=share`);
    const [, category, value] = match;
    if (!EXCEPTION_CATEGORIES.includes(category as ExceptionCategory)) {
      throw new Error(`--fallout: unknown category ${category} (one of ${EXCEPTION_CATEGORIES.join(', ')})`);
    }
    const share = Number(value);
    if (!(Number.isFinite(share) && share >= 0 && share <= 1)) {
      throw new Error(`--fallout: ${category} share must be a number between 0 and 1 (got ${value})`);
    }
    shares[category] = share;
  }
  return shares as FalloutShares;
}
