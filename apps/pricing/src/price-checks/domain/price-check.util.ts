import type { Contract, Product } from '@ordex/contracts';
import {
  divideRounded,
  fromScaled,
  PERCENT_DECIMALS,
  PRICE_DECIMALS,
  toScaled,
} from '../../common/domain/fixed-point.util';

export type ContractTerms = Pick<
  Contract,
  'id' | 'sku' | 'family' | 'price' | 'tolerancePct' | 'marginFloorPct' | 'validFrom' | 'validTo'
>;

/** A SKU's price-list facts; the family is what family contracts match on. */
export type ListPricing = Pick<Product, 'family' | 'listPrice' | 'unitCost'>;

/** SKU: the contract names the line's SKU. FAMILY: it names the SKU's product family. */
export type ContractKind = 'SKU' | 'FAMILY';

export interface PricedLine {
  sku: string;
  unitPrice: number;
  /** YYYY-MM-DD: contracts are priced at the day the order was placed. */
  orderedOn: string;
}

export interface PriceCheck {
  skuKnown: boolean;
  hasContract: boolean;
  contractKind: ContractKind | null;
  contractId: string | null;
  contractPrice: number | null;
  listPrice: number | null;
  deviationPct: number | null;
  tolerancePct: number | null;
  withinTolerance: boolean | null;
  marginPct: number | null;
  marginFloorPct: number | null;
  aboveMarginFloor: boolean | null;
  lastContractEndedOn: string | null;
}

/** Hundredths of a percent in one: percentages are shown to two decimals. */
const SHOWN_PERCENT_UNITS = 100n * 100n;
/** 100 % in the units percentages are stored in (thousandths of a percent). */
const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENT_DECIMALS);

/** Whether `contract` is for the SKU itself (kind SKU) or for the SKU's family (kind FAMILY). */
export function contractKindFor(
  contract: Pick<ContractTerms, 'sku' | 'family'>,
  sku: string,
  family: string | null,
): ContractKind | null {
  if (contract.sku) return contract.sku === sku ? 'SKU' : null;
  return family !== null && contract.family === family ? 'FAMILY' : null;
}

/** A contract applies from its first through its last day (YYYY-MM-DD compare as text). */
export function inForce(contract: Pick<ContractTerms, 'validFrom' | 'validTo'>, on: string): boolean {
  return contract.validFrom <= on && on <= contract.validTo;
}

/**
 * The contract that prices a SKU on a day: one in force for the SKU beats one in force for its
 * family; among several of one kind, the latest `validFrom` wins, then the greatest id (text
 * order), so the choice never depends on the order contracts were loaded in.
 */
export function selectContract<T extends ContractTerms>(
  contracts: readonly T[],
  sku: string,
  family: string | null,
  on: string,
): { contract: T; kind: ContractKind } | null {
  let best: { contract: T; kind: ContractKind } | null = null;
  for (const contract of contracts) {
    const kind = contractKindFor(contract, sku, family);
    if (kind === null || !inForce(contract, on)) continue;
    if (best === null || outranks(contract, kind, best.contract, best.kind)) best = { contract, kind };
  }
  return best;
}

/**
 * The last day of the customer's most recent contract for the SKU or its family that ended
 * before `on`, or null when none did.
 */
export function lastContractEndedBefore(
  contracts: readonly ContractTerms[],
  sku: string,
  family: string | null,
  on: string,
): string | null {
  let last: string | null = null;
  for (const contract of contracts) {
    if (contractKindFor(contract, sku, family) === null || contract.validTo >= on) continue;
    if (last === null || contract.validTo > last) last = contract.validTo;
  }
  return last;
}

/**
 * Checks a line's price against the contract in force on the order date and its margin against
 * the contract's floor. `contracts` are the customer's contracts (others are ignored), `listing`
 * the SKU's price-list entry (null when the SKU is not on the price list).
 *
 * Every verdict is decided exactly on the stored decimals (prices to 4 places, percentages to 3),
 * as whole-number products, never on floats and never on the rounded figures shown:
 * - withinTolerance ⇔ |price − contract price| × 100 ≤ tolerance % × contract price; a price
 *   exactly at the tolerance is within, a hair beyond is not (even when the deviation shown,
 *   rounded to two decimals, equals the tolerance).
 * - aboveMarginFloor ⇔ (price − unit cost) × 100 ≥ floor % × price; a margin at the floor is above.
 * deviationPct and marginPct are the exact values rounded half away from zero to two decimals.
 * A zero (or negative) contract price has no deviation: the line is within only at that price.
 * A zero (or negative) unit price has no margin; neither has a SKU off the price list.
 * Without a contract the margin is still reported, but there is no floor to judge it by.
 */
export function checkPrice(
  line: PricedLine,
  contracts: readonly ContractTerms[],
  listing: ListPricing | null,
): PriceCheck {
  const family = listing?.family ?? null;
  const selected = selectContract(contracts, line.sku, family, line.orderedOn);
  const price = toScaled(line.unitPrice, PRICE_DECIMALS);
  const margin = listing && price > 0n ? price - toScaled(listing.unitCost, PRICE_DECIMALS) : null;
  const common = {
    skuKnown: listing !== null,
    listPrice: listing?.listPrice ?? null,
    marginPct: margin === null ? null : percentOf(margin, price),
  };
  if (!selected) {
    return {
      ...common,
      hasContract: false,
      contractKind: null,
      contractId: null,
      contractPrice: null,
      deviationPct: null,
      tolerancePct: null,
      withinTolerance: null,
      marginFloorPct: null,
      aboveMarginFloor: null,
      lastContractEndedOn: lastContractEndedBefore(contracts, line.sku, family, line.orderedOn),
    };
  }
  const { contract, kind } = selected;
  const contractPrice = toScaled(contract.price, PRICE_DECIMALS);
  const deviation = price - contractPrice;
  const tolerance = toScaled(contract.tolerancePct, PERCENT_DECIMALS);
  const floor = toScaled(contract.marginFloorPct, PERCENT_DECIMALS);
  return {
    ...common,
    hasContract: true,
    contractKind: kind,
    contractId: contract.id,
    contractPrice: contract.price,
    deviationPct: contractPrice > 0n ? percentOf(deviation, contractPrice) : null,
    tolerancePct: contract.tolerancePct,
    withinTolerance:
      contractPrice > 0n ? abs(deviation) * HUNDRED_PERCENT <= tolerance * contractPrice : deviation === 0n,
    marginFloorPct: contract.marginFloorPct,
    aboveMarginFloor: margin === null ? null : margin * HUNDRED_PERCENT >= floor * price,
    lastContractEndedOn: null,
  };
}

function outranks(a: ContractTerms, kindA: ContractKind, b: ContractTerms, kindB: ContractKind): boolean {
  if (kindA !== kindB) return kindA === 'SKU';
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom;
  return a.id > b.id;
}

/** part / whole × 100 (whole > 0), rounded half away from zero to two decimals. */
function percentOf(part: bigint, whole: bigint): number {
  return fromScaled(divideRounded(part * SHOWN_PERCENT_UNITS, whole), 2);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
