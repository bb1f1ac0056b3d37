import {
  CustomerSegment,
  ExceptionCategory,
  type ErpEventPayloads,
  type ErpEventType,
  type Order,
  type OrderLine,
  OrderStatus,
  type Product,
} from '@ordex/contracts';
import { aboveMarginFloor, contractInForce, creditClean, windowAccepts } from './order-rules.util';
import { addWorkingDays, isoDate, isoWeekday } from './sim-calendar.util';
import { stockKey, toCents, type SimCustomer } from './sim-master-data';
import type { SimRandom } from './sim-random.util';
import type { SimWorld } from './sim-world';

/** An ERP event the generator decided on, before it gets its id and envelope. */
export interface PlannedEvent<K extends ErpEventType = ErpEventType> {
  type: K;
  payload: ErpEventPayloads[K];
}

/**
 * How a category was planted in an order, with the figures a person writing a note on it would
 * quote (see order-notes.ts): `topic` is the way it was planted (`unknown-sku`, `after-cut-off`…),
 * `slots` the figures by name (`line`, `sku`, `available`…).
 */
export interface PlantedCause {
  topic: string;
  slots: Readonly<Record<string, string | number>>;
}

/** An order being generated, with what was planted in it. */
export interface DraftOrder {
  order: Order;
  customer: SimCustomer;
  /** The DC it ships from; undefined when neither a rule nor the ship-to's region names one. */
  dc: string | undefined;
  categories: Set<ExceptionCategory>;
  details: string[];
  /** How each planted category was planted (the incidental credit hold included). */
  causes: Map<ExceptionCategory, PlantedCause>;
  /** Lines a later change must not touch (they carry a planted exception). */
  protectedLines: Set<number>;
  /** The requested date carries a planted exception. */
  protectDate: boolean;
  /** Events the ERP sends just before the order (the credit update, the capacity, the rule). */
  before: PlannedEvent[];
}

const SEGMENT_WEIGHT: Record<CustomerSegment, number> = { KEY_ACCOUNT: 5, REGIONAL: 2, SMB: 1 };
const MAX_QUANTITY: Record<CustomerSegment, number> = { KEY_ACCOUNT: 60, REGIONAL: 30, SMB: 12 };

/**
 * Picks the customer of a new order among those whose standing allows what is planted; at month
 * end customers near their credit limit order more (weight × (1 + 4 × utilisation)).
 */
export function pickCustomer(
  world: SimWorld,
  rnd: SimRandom,
  planted: ReadonlySet<string>,
  needsContract: boolean,
  monthEnd: boolean,
  nowMs: number,
  excluded: ReadonlySet<string> = new Set(),
): SimCustomer | undefined {
  const candidates: [SimCustomer, number][] = [];
  const today = isoDate(nowMs);
  for (const customer of world.master.customers) {
    if (excluded.has(customer.id) || !world.eligible(customer, planted)) continue;
    if (needsContract && customer.contracts.size === 0) continue;
    if (customer.contracts.size > 0 && cleanContractSkus(world, customer, today).length === 0) continue;
    let weight = SEGMENT_WEIGHT[customer.record.customer.segment];
    if (monthEnd) {
      const credit = world.credit.get(customer.id);
      const used = credit ? toCents(credit.openReceivables) + world.openCents(customer.id) : 0;
      const limit = credit ? Math.max(1, toCents(credit.creditLimit)) : 1;
      weight *= 1 + 4 * Math.min(1, used / limit);
    }
    candidates.push([customer, weight]);
  }
  return candidates.length > 0 ? rnd.weighted(candidates) : undefined;
}

const cleanSkuCache = new WeakMap<SimCustomer, Map<string, string[]>>();

/** The customer's SKU contracts in force on the date whose price clears the margin floor. */
export function cleanContractSkus(world: SimWorld, customer: SimCustomer, date: string): string[] {
  const byDate = cleanSkuCache.get(customer) ?? new Map<string, string[]>();
  cleanSkuCache.set(customer, byDate);
  let skus = byDate.get(date);
  if (!skus) {
    skus = [...customer.contracts.values()]
      .filter((c) => {
        const product = world.master.productBySku.get(c.sku as string);
        return !!product && contractInForce(c, date) && aboveMarginFloor(c.price, product.unitCost, c);
      })
      .map((c) => c.sku as string);
    byDate.set(date, skus);
  }
  return skus;
}

/** What a line can take from the order's DC (the smallest of all DCs when the DC is unknown). */
export function availableAt(world: SimWorld, sku: string, dc: string | undefined): number {
  const dcs = dc ? [dc] : world.master.dcCodes;
  return Math.min(...dcs.map((code) => world.master.available.get(stockKey(sku, code)) ?? 0));
}

/** A line that raises nothing: in stock at the DC, at the contract price (or list price without contracts). */
export function cleanLine(
  world: SimWorld,
  rnd: SimRandom,
  draft: Pick<DraftOrder, 'customer' | 'dc' | 'order'>,
  lineNo: number,
): OrderLine | undefined {
  const { customer, dc, order } = draft;
  const used = new Set(order.lines.map((l) => l.sku));
  const contractSkus =
    customer.contracts.size > 0 ? cleanContractSkus(world, customer, order.orderedOn) : undefined;
  for (let attempt = 0; attempt < 40; attempt++) {
    const product: Product | undefined = contractSkus
      ? world.master.productBySku.get(rnd.pick(contractSkus))
      : rnd.pick(world.master.products);
    if (!product || used.has(product.sku)) continue;
    const available = availableAt(world, product.sku, dc);
    if (available < 1) continue;
    const quantity = Math.min(available, rnd.int(1, MAX_QUANTITY[customer.record.customer.segment]));
    const unitPrice = customer.contracts.get(product.sku)?.price ?? product.listPrice;
    return { lineNo, sku: product.sku, quantity, unitPrice };
  }
  return undefined;
}

export function orderCents(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + line.quantity * toCents(line.unitPrice), 0);
}

export function orderWeightKg(world: SimWorld, order: Pick<Order, 'lines'>): number {
  return order.lines.reduce(
    (sum, line) => sum + line.quantity * (world.master.productBySku.get(line.sku)?.weightKg ?? 0),
    0,
  );
}

/** A requested date 2–6 working days out, on a day the rule's windows accept and carriers can take. */
export function cleanRequestedDate(
  world: SimWorld,
  rnd: SimRandom,
  draft: Pick<DraftOrder, 'customer' | 'dc' | 'order'>,
  fromMs: number,
  minDays = 2,
): string {
  const rule = world.rules.get(draft.customer.id);
  const weight = orderWeightKg(world, draft.order);
  let day = addWorkingDays(fromMs, rnd.int(minDays, minDays + 4));
  for (let attempt = 0; attempt < 60; attempt++, day = addWorkingDays(day, 1)) {
    if (windowAccepts(rule, isoWeekday(day)) && !world.isFull(draft.dc, isoDate(day), weight)) break;
  }
  return isoDate(day);
}

/** A clean new order for the customer (no lines when nothing is in stock for it). */
export function cleanDraft(
  world: SimWorld,
  rnd: SimRandom,
  customer: SimCustomer,
  orderNumber: string,
  nowMs: number,
): DraftOrder {
  const shipTo = rnd.pick(customer.record.shipTos);
  const draft: DraftOrder = {
    order: {
      orderNumber,
      erpVersion: 1,
      customerId: customer.id,
      shipToId: shipTo?.id ?? null,
      orderedOn: isoDate(nowMs),
      requestedDate: isoDate(nowMs),
      currency: 'EUR',
      status: OrderStatus.RECEIVED,
      lines: [],
    },
    customer,
    dc: world.dcFor(customer.id, shipTo?.region),
    categories: new Set(),
    details: [],
    causes: new Map(),
    protectedLines: new Set(),
    protectDate: false,
    before: [],
  };
  const count = rnd.weighted([
    [1, 3],
    [2, 3],
    [3, 2],
    [4, 1],
    [5, 1],
  ] as const);
  for (let n = 1; n <= count; n++) {
    const line = cleanLine(world, rnd, draft, draft.order.lines.length + 1);
    if (line) draft.order.lines.push(line);
  }
  draft.order.requestedDate = cleanRequestedDate(world, rnd, draft, nowMs);
  return draft;
}

/**
 * A clean order for a customer eligible for what is planted, whose credit can take it (a
 * customer without room is passed over, up to five times). The order number is drawn only for
 * an order that will be sent.
 */
export function cleanOrderFor(
  world: SimWorld,
  rnd: SimRandom,
  request: {
    planted: ReadonlySet<ExceptionCategory>;
    monthEnd: boolean;
    at: number;
    orderNumber: () => string;
  },
): DraftOrder | undefined {
  const { planted, monthEnd, at } = request;
  const needsContract = planted.has(ExceptionCategory.PRICE_MISMATCH);
  const passedOver = new Set<string>();
  let draft: DraftOrder | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const customer =
      pickCustomer(world, rnd, planted, needsContract, monthEnd, at, passedOver) ??
      pickCustomer(world, rnd, planted, false, monthEnd, at, passedOver);
    if (!customer) break;
    const candidate = cleanDraft(world, rnd, customer, '', at);
    if (candidate.order.lines.length === 0) continue;
    draft = candidate;
    if (
      planted.has(ExceptionCategory.CREDIT_HOLD) ||
      world.creditAllows(customer.id, orderCents(draft.order))
    )
      break;
    passedOver.add(customer.id);
  }
  if (draft) draft.order.orderNumber = request.orderNumber();
  return draft;
}

/** A clean order whose customer lacks headroom: the customer pays first, or the order is labelled. */
export function keepCreditClean(world: SimWorld, draft: DraftOrder): void {
  const id = draft.customer.id;
  const value = orderCents(draft.order);
  if (world.creditAllows(id, value)) return;
  const credit = world.credit.get(id);
  const paid = credit && { ...credit, openReceivables: 0, overdueDays: 0, overdueAmount: 0 };
  if (paid && creditClean(paid, world.openCents(id), value)) {
    world.credit.set(id, paid);
    draft.before.push({ type: 'erp.credit.updated.v2', payload: paid });
    return;
  }
  draft.categories.add(ExceptionCategory.CREDIT_HOLD);
  draft.details.push(`CREDIT_HOLD: incidental, open orders of ${id} leave no room under its limit`);
  draft.causes.set(ExceptionCategory.CREDIT_HOLD, { topic: 'standing', slots: {} });
}
