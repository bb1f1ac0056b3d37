import type { Contract, InboundPurchaseOrder, RoutingRule } from '@ordex/contracts';
import { toCents } from './sim-master-data';

/**
 * The rules the generator plants exceptions by (and keeps clean orders clean by). Money is in
 * integer cents and percentages in basis points; "exactly at the limit" passes, as in pricing.
 */

const bp = (pct: number) => Math.round(pct * 100);

/** |price − contract| ≤ tolerance × contract, in cents and basis points. */
export function withinTolerance(unitPrice: number, contract: Contract): boolean {
  const price = toCents(unitPrice);
  const agreed = toCents(contract.price);
  return Math.abs(price - agreed) * 10_000 <= bp(contract.tolerancePct) * agreed;
}

/** (price − cost) / price ≥ margin floor, in cents and basis points. */
export function aboveMarginFloor(unitPrice: number, unitCost: number, contract: Contract): boolean {
  const price = toCents(unitPrice);
  return (price - toCents(unitCost)) * 10_000 >= bp(contract.marginFloorPct) * price;
}

/** True on the days the contract is in force (both ends count). */
export function contractInForce(contract: Contract, date: string): boolean {
  return contract.validFrom <= date && date <= contract.validTo;
}

/**
 * A price outside the contract's tolerance by `extraBp` more (under it when `under`), rounded to
 * cents and pushed one more cent out if rounding brought it back to the boundary.
 */
export function priceOutsideTolerance(contract: Contract, under: boolean, extraBp: number): number {
  const agreed = toCents(contract.price);
  const sign = under ? -1 : 1;
  let cents = Math.round((agreed * (10_000 + sign * (bp(contract.tolerancePct) + extraBp))) / 10_000);
  while (withinTolerance(cents / 100, contract)) cents += sign;
  return Math.max(1, cents) / 100;
}

/** Units that arrive at the DC on inbound purchase orders by the date (ETA on or before it). */
export function inboundBy(orders: readonly InboundPurchaseOrder[] | undefined, date: string): number {
  return (orders ?? []).reduce((sum, po) => (po.eta <= date ? sum + po.quantity : sum), 0);
}

/** The DC an order ships from: the customer's rule, else the DC of the ship-to's region; undefined when unknown. */
export function preferredDc(
  rule: RoutingRule | undefined,
  shipToRegionDc: string | undefined,
): string | undefined {
  return rule?.preferredDc ?? shipToRegionDc;
}

/** Credit standing: receivables + open orders + this order within the limit, nothing overdue (cents). */
export function creditClean(
  credit: { creditLimit: number; openReceivables: number; overdueDays: number },
  openOrdersCents: number,
  orderCents: number,
): boolean {
  return (
    credit.overdueDays === 0 &&
    toCents(credit.openReceivables) + openOrdersCents + orderCents <= toCents(credit.creditLimit)
  );
}

/** A rule under which an order from `dc` can ship: the DC is allowed and some collecting carrier is. */
export function ruleAllows(
  rule: RoutingRule | undefined,
  dc: string | undefined,
  carriers: readonly string[],
): boolean {
  if (!rule) return true;
  if (dc && rule.allowedDcs.length > 0 && !rule.allowedDcs.includes(dc)) return false;
  const usable = carriers.filter(
    (c) =>
      !rule.excludedCarriers.includes(c) &&
      (rule.allowedCarriers.length === 0 || rule.allowedCarriers.includes(c)),
  );
  return carriers.length === 0 || usable.length > 0;
}

/** True when the rule's delivery windows accept the ISO weekday (no windows: any day). */
export function windowAccepts(rule: RoutingRule | undefined, weekday: number): boolean {
  return (
    !rule || rule.deliveryWindows.length === 0 || rule.deliveryWindows.some((w) => w.weekday === weekday)
  );
}
