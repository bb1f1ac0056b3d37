import type { Contract, Product } from '@ordex/contracts';

export type ContractTerms = Pick<
  Contract,
  'id' | 'sku' | 'family' | 'price' | 'tolerancePct' | 'marginFloorPct' | 'validFrom' | 'validTo'
>;

/** A SKU's price-list facts; the family is what family contracts match on. */
export type ListPricing = Pick<Product, 'family' | 'listPrice' | 'unitCost'>;

export interface PricedLine {
  sku: string;
  unitPrice: number;
  /** YYYY-MM-DD: contracts are priced at the day the order was placed. */
  orderedOn: string;
}

export interface PriceCheck {
  hasContract: boolean;
  contractId: string | null;
  contractPrice: number | null;
  listPrice: number | null;
  deviationPct: number | null;
  tolerancePct: number | null;
  withinTolerance: boolean | null;
  marginPct: number | null;
  marginFloorPct: number | null;
  aboveMarginFloor: boolean | null;
}

/**
 * The contract that prices a SKU on a day: a contract for the SKU beats one for its family, and a
 * contract applies from its first through its last day. Among several of one kind, the one that
 * started last wins.
 */
export function selectContract<T extends ContractTerms>(
  contracts: readonly T[],
  sku: string,
  family: string | null,
  on: string,
): T | null {
  const inForce = contracts.filter((c) => c.validFrom <= on && on <= c.validTo);
  return (
    latestStarted(inForce.filter((c) => c.sku === sku)) ??
    latestStarted(inForce.filter((c) => !c.sku && family !== null && c.family === family))
  );
}

/**
 * Checks a line's price against its contract and its margin against the contract's floor.
 * Percentages are rounded to two decimals and the verdicts use the rounded figures, so a price
 * shown at the boundary is judged as shown (at the tolerance or at the floor is acceptable).
 */
export function checkPrice(
  line: PricedLine,
  contracts: readonly ContractTerms[],
  listing: ListPricing | null,
): PriceCheck {
  const contract = selectContract(contracts, line.sku, listing?.family ?? null, line.orderedOn);
  // A zero price has no margin (and a zero contract price no deviation) that a percentage can express.
  const marginPct =
    listing && line.unitPrice !== 0 ? percent(line.unitPrice - listing.unitCost, line.unitPrice) : null;
  const listPrice = listing?.listPrice ?? null;
  if (!contract) {
    return {
      hasContract: false,
      contractId: null,
      contractPrice: null,
      listPrice,
      deviationPct: null,
      tolerancePct: null,
      withinTolerance: null,
      marginPct,
      marginFloorPct: null,
      aboveMarginFloor: null,
    };
  }
  const deviationPct = contract.price !== 0 ? percent(line.unitPrice - contract.price, contract.price) : null;
  return {
    hasContract: true,
    contractId: contract.id,
    contractPrice: contract.price,
    listPrice,
    deviationPct,
    tolerancePct: contract.tolerancePct,
    withinTolerance:
      deviationPct === null ? line.unitPrice === 0 : Math.abs(deviationPct) <= contract.tolerancePct,
    marginPct,
    marginFloorPct: contract.marginFloorPct,
    aboveMarginFloor: marginPct === null ? null : marginPct >= contract.marginFloorPct,
  };
}

function latestStarted<T extends ContractTerms>(contracts: T[]): T | null {
  return contracts.reduce<T | null>(
    (best, c) => (best === null || c.validFrom > best.validFrom ? c : best),
    null,
  );
}

/** part / whole × 100, rounded half away from zero to two decimals. */
function percent(part: number, whole: number): number {
  const value = (part / whole) * 100;
  return (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100;
}
