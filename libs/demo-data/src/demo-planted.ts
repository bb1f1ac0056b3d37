import { CustomerChanged, InboundPurchaseOrder, Order, RoutingRule, StockLevel } from '@ordex/contracts';
import { available, inboundBy, preferredDcOf } from './domain/order-context.util';
import { FullDay, REFERENCE_FULL_DAY } from './demo-capacity';
import { groupBy, shuffled } from './demo-ids';
import { DC_BY_REGION } from './demo-network';
import { SeededRandom } from './random.util';

/** A line its preferred DC cannot fill from what is available now (STOCK_SHORTAGE). */
export interface ShortLine {
  orderNumber: string;
  lineNo: number;
  sku: string;
  dcCode: string;
  quantity: number;
  available: number;
  /** Another DC has the whole quantity available now (alternate DC). */
  availableElsewhere: boolean;
  /** Open purchase orders at the DC arriving by the requested date make up the difference. */
  coveredByInbound: boolean;
}

/** Resolves the DC each order ships from unless something is wrong (see {@link preferredDcOf}). */
export function orderDcResolver(
  customers: CustomerChanged[],
  rules: RoutingRule[],
): (order: Pick<Order, 'customerId' | 'shipToId'>) => string | null {
  const ruleOf = new Map(rules.map((r) => [r.customerId, r]));
  const shipToDc = new Map(
    customers.flatMap((c) => c.shipTos.map((s) => [s.id, DC_BY_REGION[s.region]] as const)),
  );
  return (order) =>
    preferredDcOf(ruleOf.get(order.customerId), (order.shipToId && shipToDc.get(order.shipToId)) || null);
}

/**
 * Every line of a known SKU whose quantity exceeds what its order's preferred DC has available:
 * the shortages the demo's stock levels produce (about 8 % of SKU × DC pairs are low or empty).
 */
export function findShortLines(
  orders: Order[],
  stock: { dcCode: string; levels: StockLevel[] }[],
  inbound: InboundPurchaseOrder[],
  dcOf: (order: Order) => string | null,
): ShortLine[] {
  const levels = new Map<string, Map<string, StockLevel>>();
  for (const snapshot of stock)
    for (const level of snapshot.levels) {
      const bySku = levels.get(level.sku) ?? new Map<string, StockLevel>();
      bySku.set(snapshot.dcCode, level);
      levels.set(level.sku, bySku);
    }
  const inboundOf = groupBy(inbound, (po) => po.sku);
  const short: ShortLine[] = [];
  for (const order of orders) {
    const dcCode = dcOf(order);
    if (!dcCode) continue;
    for (const line of order.lines) {
      const atDcs = levels.get(line.sku);
      if (!atDcs) continue;
      const here = available(atDcs.get(dcCode));
      if (line.quantity <= here) continue;
      short.push({
        orderNumber: order.orderNumber,
        lineNo: line.lineNo,
        sku: line.sku,
        dcCode,
        quantity: line.quantity,
        available: here,
        availableElsewhere: [...atDcs].some(
          ([dc, level]) => dc !== dcCode && available(level) >= line.quantity,
        ),
        coveredByInbound:
          here + inboundBy(inboundOf.get(line.sku) ?? [], dcCode, order.requestedDate) >= line.quantity,
      });
    }
  }
  return short;
}

/** Days that must keep room: SO-1001's next day at DC-NORTH and its date at DC-SOUTH. */
const MUST_HAVE_ROOM = ['DC-NORTH|2026-12-03', 'DC-SOUTH|2026-12-02'];

/**
 * The full days: SO-1001's (DC-NORTH, 2 December) and, for one order in a thousand (at least
 * one), the preferred DC and requested date of a randomly chosen order whose day is no busier
 * than the average (DC, date) pair. Every order shipping from
 * that DC on that date meets the full carriers, as it would in life.
 */
export function pickFullDays(
  rnd: SeededRandom,
  orders: Order[],
  dcOf: (order: Order) => string | null,
): FullDay[] {
  const days = [REFERENCE_FULL_DAY];
  const taken = new Set([...MUST_HAVE_ROOM, `${REFERENCE_FULL_DAY.dcCode}|${REFERENCE_FULL_DAY.shipDate}`]);
  const wanted = Math.max(1, Math.floor(orders.length / 1000));
  const perDay = new Map<string, number>();
  for (const order of orders) {
    const key = `${dcOf(order)}|${order.requestedDate}`;
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
  }
  // A typical day, not a peak (Mondays and 28 December collect the weekend's and the late dates).
  const typical = Math.max(1, orders.length / perDay.size);
  for (const order of shuffled(rnd, orders.slice(1))) {
    if (days.length > wanted) break;
    const dcCode = dcOf(order);
    const key = `${dcCode}|${order.requestedDate}`;
    if (!dcCode || taken.has(key) || (perDay.get(key) ?? 0) > typical) continue;
    taken.add(key);
    days.push({ dcCode, shipDate: order.requestedDate });
  }
  return days;
}
