import type { Contract, InboundPurchaseOrder, Order, RoutingRule, StockLevel } from '@ordex/contracts';
import { toCents } from './money.util';

/**
 * The rules the demo plants its exceptions by: the same meaning the services give them
 * (DOMAIN.md), so what the demo lists as planted is what the checks find.
 */

/**
 * The contract that prices a SKU on a day: one for the SKU beats one for its family, a contract
 * applies from its first through its last day, and among several of one kind the one that started
 * last wins.
 */
export function contractInForce<T extends Pick<Contract, 'sku' | 'family' | 'validFrom' | 'validTo'>>(
  contracts: readonly T[],
  sku: string,
  family: string | null,
  on: string,
): T | null {
  const inForce = contracts.filter((c) => c.validFrom <= on && on <= c.validTo);
  const latest = (list: T[]) =>
    list.reduce<T | null>((best, c) => (best === null || c.validFrom > best.validFrom ? c : best), null);
  return (
    latest(inForce.filter((c) => c.sku === sku)) ??
    latest(inForce.filter((c) => !c.sku && c.family === family))
  );
}

/**
 * The DC an order ships from unless something is wrong: the customer's routing rule's preferred
 * DC, otherwise the DC of the ship-to's region.
 */
export function preferredDcOf(
  rule: Pick<RoutingRule, 'preferredDc'> | undefined,
  shipToRegionDc: string | null,
): string | null {
  return rule?.preferredDc ?? shipToRegionDc;
}

/** On hand less allocated, never below zero. */
export function available(level: Pick<StockLevel, 'onHand' | 'allocated'> | undefined): number {
  return level ? Math.max(0, level.onHand - level.allocated) : 0;
}

/** Quantity of a SKU's open purchase orders at a DC that arrive on or before a date. */
export function inboundBy(
  inbound: readonly Pick<InboundPurchaseOrder, 'dcCode' | 'quantity' | 'eta'>[],
  dcCode: string,
  date: string,
): number {
  return inbound
    .filter((po) => po.dcCode === dcCode && po.eta <= date)
    .reduce((sum, po) => sum + po.quantity, 0);
}

/** An order's value in cents: Σ quantity × unit price, each price taken to the cent first. */
export function orderValueCents(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + line.quantity * toCents(line.unitPrice), 0);
}

/**
 * Credit exposure in cents: open receivables plus every open order (the one being checked
 * included). Over the limit when strictly greater; at the limit passes.
 */
export function creditExposureCents(
  openReceivablesCents: number,
  openOrderValuesCents: readonly number[],
): number {
  return openOrderValuesCents.reduce((sum, v) => sum + v, openReceivablesCents);
}
