import {
  CustomerSegment,
  ExceptionCategory,
  type CreditUpdated,
  type ErpEventType,
  type Order,
  type RoutingRule,
} from '@ordex/contracts';
import { EXCEPTION_CATEGORIES } from './fallout-shares.util';
import {
  cleanRequestedDate,
  orderCents,
  orderWeightKg,
  type DraftOrder,
  type PlantedCause,
} from './order-factory';
import { inboundBy, priceOutsideTolerance } from './order-rules.util';
import {
  addWorkingDays,
  DAY_MS,
  isoDate,
  isoWeekday,
  isWorkingDay,
  minuteOfDay,
  parseIsoDate,
  parseLocalTime,
  startOfDay,
} from './sim-calendar.util';
import { fromCents, stockKey, toCents } from './sim-master-data';
import type { SimRandom } from './sim-random.util';
import type { CustomerTaint, SimWorld } from './sim-world';
import type { SimEventKind } from './stream-options';

/** Capacity assumed for a carrier without a depot or capacity record (kg). */
const FALLBACK_CAPACITY_KG = 20_000;

export interface PlantContext {
  world: SimWorld;
  rnd: SimRandom;
  nowMs: number;
}

/** Categories whose planting needs a contract customer. */
export const NEEDS_CONTRACT: ReadonlySet<ExceptionCategory> = new Set([ExceptionCategory.PRICE_MISMATCH]);

function mark(draft: DraftOrder, category: ExceptionCategory, detail: string, cause: PlantedCause): true {
  draft.categories.add(category);
  draft.details.push(`${category}: ${detail}`);
  draft.causes.set(category, cause);
  return true;
}

/**
 * A line asks more than the DC has and will receive by the requested date (every DC when the DC is
 * unknown): the first unprotected line, or the first `prefer` accepts when there is one.
 */
export function plantStockShortage(
  { world, rnd }: PlantContext,
  draft: DraftOrder,
  prefer: (sku: string) => boolean = () => true,
): boolean {
  const open = draft.order.lines.filter((l) => !draft.protectedLines.has(l.lineNo));
  const line = open.find((l) => prefer(l.sku)) ?? open[0];
  if (!line) return false;
  const dcs = draft.dc ? [draft.dc] : world.master.dcCodes;
  const supply = Math.max(
    ...dcs.map(
      (dc) =>
        Math.max(0, world.master.available.get(stockKey(line.sku, dc)) ?? 0) +
        inboundBy(world.master.inbound.get(stockKey(line.sku, dc)), draft.order.requestedDate),
    ),
  );
  line.quantity = supply + rnd.int(1, Math.max(5, Math.round(supply * 0.5)));
  draft.protectedLines.add(line.lineNo);
  return mark(
    draft,
    ExceptionCategory.STOCK_SHORTAGE,
    `line ${line.lineNo} ${line.sku} × ${line.quantity}, ${supply} available at ${draft.dc ?? 'any DC'}`,
    {
      topic: 'short-line',
      slots: { line: line.lineNo, sku: line.sku, quantity: line.quantity, available: supply },
    },
  );
}

/** A contract line priced 2–10 points beyond the tolerance (three in four under the contract). */
export function plantPriceMismatch({ rnd }: PlantContext, draft: DraftOrder): boolean {
  const priced = draft.order.lines.filter((l) => draft.customer.contracts.has(l.sku));
  const line = priced.find((l) => !draft.protectedLines.has(l.lineNo)) ?? priced[0];
  const contract = line && draft.customer.contracts.get(line.sku);
  if (!line || !contract) return false;
  const under = rnd.chance(0.75);
  line.unitPrice = priceOutsideTolerance(contract, under, rnd.int(200, 1000));
  draft.protectedLines.add(line.lineNo);
  return mark(
    draft,
    ExceptionCategory.PRICE_MISMATCH,
    `line ${line.lineNo} ${line.sku} at ${line.unitPrice}, contract ${contract.price} ± ${contract.tolerancePct}%`,
    {
      topic: 'off-contract',
      slots: { line: line.lineNo, sku: line.sku, price: line.unitPrice, contract: contract.price },
    },
  );
}

/** An unknown SKU, a missing ship-to, or (contract customers) a SKU without a contract. */
export function plantMasterData({ world, rnd }: PlantContext, draft: DraftOrder): boolean {
  const variants: ('unknown-sku' | 'no-ship-to' | 'no-contract')[] = ['unknown-sku', 'no-ship-to'];
  if (draft.customer.contracts.size > 0) variants.push('no-contract');
  const variant = rnd.pick(variants);
  const lineNo = draft.order.lines.length + 1;
  if (variant === 'no-ship-to') {
    draft.order.shipToId = null;
    return mark(draft, ExceptionCategory.MASTER_DATA, 'no ship-to', { topic: 'no-ship-to', slots: {} });
  }
  if (variant === 'unknown-sku') {
    const sku = `SKU-X${String(rnd.int(0, 99_999)).padStart(5, '0')}`;
    const quantity = rnd.int(1, 10);
    draft.order.lines.push({ lineNo, sku, quantity, unitPrice: rnd.int(100, 20_000) / 100 });
    draft.protectedLines.add(lineNo);
    return mark(draft, ExceptionCategory.MASTER_DATA, `line ${lineNo} unknown SKU ${sku}`, {
      topic: 'unknown-sku',
      slots: { line: lineNo, sku, quantity },
    });
  }
  for (let attempt = 0; attempt < 40; attempt++) {
    const product = rnd.pick(world.master.products);
    if (draft.customer.contracts.has(product.sku) || draft.customer.contractFamilies.has(product.family))
      continue;
    if (draft.order.lines.some((l) => l.sku === product.sku)) continue;
    draft.order.lines.push({ lineNo, sku: product.sku, quantity: 1, unitPrice: product.listPrice });
    draft.protectedLines.add(lineNo);
    return mark(
      draft,
      ExceptionCategory.MASTER_DATA,
      `line ${lineNo} ${product.sku} has no contract for ${draft.customer.id}`,
      { topic: 'no-contract', slots: { line: lineNo, sku: product.sku } },
    );
  }
  return false;
}

/**
 * Today after the last cut-off of the DC's carriers (when the order arrives after it on a working
 * day), else a requested date on which every carrier collecting from the DC is sent full.
 */
export function plantShipmentConstraint({ world, rnd, nowMs }: PlantContext, draft: DraftOrder): boolean {
  const rule = world.rules.get(draft.customer.id);
  const depots = draft.dc ? (world.master.depotsByDc.get(draft.dc) ?? []) : [];
  const cutoffs = depots
    .map((d) => parseLocalTime(d.depot.cutoffLocalTime))
    .filter((m): m is number => m !== undefined);
  const lastCutoff =
    cutoffs.length === depots.length && cutoffs.length > 0 ? Math.max(...cutoffs) : undefined;
  const today = isoDate(nowMs);
  if (
    lastCutoff !== undefined &&
    isWorkingDay(nowMs) &&
    minuteOfDay(nowMs) > lastCutoff &&
    (rule?.deliveryWindows.length
      ? rule.deliveryWindows.some((w) => w.weekday === isoWeekday(nowMs))
      : true) &&
    rnd.chance(0.5)
  ) {
    draft.order.requestedDate = today;
    draft.protectDate = true;
    return mark(
      draft,
      ExceptionCategory.SHIPMENT_CONSTRAINT,
      `ship today ${today} after the ${draft.dc} cut-off`,
      { topic: 'after-cut-off', slots: { date: today, cutoff: clockTime(lastCutoff) } },
    );
  }
  let date = draft.order.requestedDate;
  for (let attempt = 0; attempt < 20 && world.hasCleanOrdersOn(draft.dc, date); attempt++) {
    date = cleanRequestedDate(world, rnd, draft, Date.parse(`${date}T00:00:00Z`) + DAY_MS, 0);
  }
  if (world.hasCleanOrdersOn(draft.dc, date)) return false;
  draft.order.requestedDate = date;
  draft.protectDate = true;
  const full = new Set<string>();
  for (const dc of draft.dc ? [draft.dc] : world.master.dcCodes) {
    for (const carrierCode of world.carriersAt(dc)) {
      full.add(carrierCode);
      const capacityKg = world.capacityKg(carrierCode, dc, date, FALLBACK_CAPACITY_KG);
      draft.before.push({
        type: 'erp.carrier.capacity-changed.v1',
        payload: { carrierCode, dcCode: dc, shipDate: date, capacityKg, bookedKg: capacityKg },
      });
    }
    world.markFull(dc, date);
  }
  return mark(
    draft,
    ExceptionCategory.SHIPMENT_CONSTRAINT,
    `every carrier from ${draft.dc ?? 'every DC'} full on ${date}`,
    { topic: 'carriers-full', slots: { date, ...carrierSlots([...full]) } },
  );
}

/** The customer's rule is changed to refuse every carrier that collects from its DC (restored later). */
export function plantRoutingRule(
  ctx: PlantContext,
  draft: DraftOrder,
  cureAt: number,
): { restore?: RoutingRule } {
  const { world } = ctx;
  const id = draft.customer.id;
  if (world.isTainted(id, 'ROUTING_RULE')) {
    mark(draft, ExceptionCategory.ROUTING_RULE, `${id}'s routing rule already refuses the plan`, {
      topic: 'carriers-refused',
      slots: carrierSlots(world.rules.get(id)?.excludedCarriers ?? []),
    });
    return {};
  }
  const previous = world.rules.get(id);
  const restore: RoutingRule = previous ?? {
    customerId: id,
    shipComplete: false,
    allowedDcs: [],
    preferredDc: null,
    deliveryWindows: [],
    allowedCarriers: [],
    excludedCarriers: [],
  };
  const excluded = world.carriersAt(draft.dc);
  const broken: RoutingRule = { ...restore, allowedCarriers: [], excludedCarriers: excluded };
  draft.before.push({ type: 'erp.routing-rule.changed.v1', payload: broken });
  world.rules.set(id, broken);
  world.taint(id, 'ROUTING_RULE', cureAt);
  mark(
    draft,
    ExceptionCategory.ROUTING_RULE,
    `rule refuses carriers ${excluded.join(', ')} from ${draft.dc ?? 'every DC'}`,
    { topic: 'carriers-refused', slots: carrierSlots(excluded) },
  );
  return { restore };
}

/**
 * The ERP raises the customer's receivables so that receivables + this order exceed the limit
 * by 1–10% of it (three in five), or reports receivables overdue 5–45 days past terms.
 * Planted last: it needs the order's value.
 */
export function plantCreditHold(
  ctx: PlantContext,
  draft: DraftOrder,
  cureAt: number,
): { restore?: CreditUpdated } {
  const { world, rnd } = ctx;
  const id = draft.customer.id;
  const previous = world.credit.get(id);
  if (!previous || world.isTainted(id, 'CREDIT_HOLD')) {
    mark(draft, ExceptionCategory.CREDIT_HOLD, `${id} already over its limit or overdue`, {
      topic: 'standing',
      slots: {},
    });
    return {};
  }
  const limit = toCents(previous.creditLimit);
  let next: CreditUpdated;
  if (rnd.chance(0.6)) {
    const receivables = Math.max(
      0,
      limit - orderCents(draft.order) + Math.round(limit * rnd.uniform(0.01, 0.1)),
    );
    next = { ...previous, openReceivables: fromCents(receivables) };
    mark(
      draft,
      ExceptionCategory.CREDIT_HOLD,
      `receivables raised to ${next.openReceivables} (limit ${previous.creditLimit})`,
      {
        topic: 'over-limit',
        slots: {
          limit: previous.creditLimit,
          receivables: next.openReceivables,
          over: fromCents(receivables + orderCents(draft.order) - limit),
        },
      },
    );
  } else {
    const overdueDays = rnd.int(5, 45);
    const overdueAmount = fromCents(
      Math.max(100, Math.round(toCents(previous.openReceivables) * rnd.uniform(0.1, 0.5))),
    );
    next = { ...previous, overdueDays, overdueAmount };
    mark(draft, ExceptionCategory.CREDIT_HOLD, `${overdueAmount} overdue ${overdueDays} days`, {
      topic: 'overdue',
      slots: { overdue: overdueAmount, days: overdueDays },
    });
  }
  draft.before.push({ type: 'erp.credit.updated.v2', payload: next });
  world.credit.set(id, next);
  world.taint(id, 'CREDIT_HOLD', cureAt);
  return { restore: previous };
}

/** The carriers a note names: all of them, and the first (none when there are none). */
function carrierSlots(carriers: readonly string[]): Record<string, string> {
  return carriers.length > 0 ? { carriers: carriers.join(', '), carrier: carriers[0] } : {};
}

/** Minutes after midnight as HH:MM. */
function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Planting order: lines and ship-to first, then what depends on the date, credit (needs the value) last. */
export const PLANTERS: [ExceptionCategory, (ctx: PlantContext, draft: DraftOrder) => boolean][] = [
  [ExceptionCategory.MASTER_DATA, plantMasterData],
  [ExceptionCategory.STOCK_SHORTAGE, plantStockShortage],
  [ExceptionCategory.PRICE_MISMATCH, plantPriceMismatch],
  [ExceptionCategory.SHIPMENT_CONSTRAINT, plantShipmentConstraint],
];

/** Replenishment lead time of a short line no inbound purchase order covers (working days). */
const LEAD_TIME_DAYS: readonly [number, number] = [2, 8];
/** The late supplier's lead time, and how many working days its purchase orders arrive after their ETA. */
const DELAYED_LEAD_TIME_DAYS: readonly [number, number] = [6, 14];
const DELAYED_ETA_SLIP_DAYS: readonly [number, number] = [2, 5];
/** Working days a person takes to fix a price or master-data problem, or to release a hold by hand. */
const RESOLUTION_DAYS: readonly [number, number] = [0.5, 3];
/** Key accounts are worked first, SMB orders last; at month end the close takes everyone's time. */
const RESOLUTION_FACTOR: Record<CustomerSegment, number> = {
  [CustomerSegment.KEY_ACCOUNT]: 0.5,
  [CustomerSegment.REGIONAL]: 1,
  [CustomerSegment.SMB]: 1.5,
};
const MONTH_END_RESOLUTION_FACTOR = 2;
/** Working days a carrier's backlog from a full day takes to clear. */
const CAPACITY_BACKLOG_DAYS: readonly [number, number] = [1, 2];
/** Working days the ERP holds an order while it reconciles versions that arrived out of order. */
const SYNC_HOLD_DAYS: readonly [number, number] = [0, 1];

/** What, besides the order itself, decides when the ERP can ship an order with fallout. */
export interface ShipReadiness {
  /** When the planted credit standing and routing rule are restored; missing when nothing restores them. */
  cures: Partial<Record<CustomerTaint, number>>;
  /** The order arrived on one of the last 3 working days of its month. */
  monthEnd: boolean;
  /** The late supplier's product family, when that pattern is planted. */
  supplierDelayFamily: string | null;
}

/**
 * The first day (local midnight) the ERP can ship the order as it stands, left to itself: the
 * latest of what each category of its fallout costs. 0 for an order without fallout. Draws only
 * for the categories the order carries, in the order of EXCEPTION_CATEGORIES, so a clean order
 * takes nothing from the random source.
 *
 * - CREDIT_HOLD, ROUTING_RULE: the working day after the standing or rule is restored; a hold
 *   nothing restores (incidental, or a customer the demo data starts over its limit) is released
 *   by hand after a person's resolution delay.
 * - STOCK_SHORTAGE: the day the short line's stock arrives: the first inbound purchase order after
 *   the requested date that covers it, else a replenishment ordered now; the late supplier's
 *   purchase orders slip and its lead time is longer.
 * - SHIPMENT_CONSTRAINT: 1–2 working days after the full requested day, on a day with room.
 * - PRICE_MISMATCH, MASTER_DATA: the working day after a person has fixed it.
 * - ERP_SYNC: the requested date or the working day after it.
 */
export function earliestShipDay(
  ctx: PlantContext,
  draft: DraftOrder,
  order: Order,
  readiness: ShipReadiness,
): number {
  let day = 0;
  for (const category of EXCEPTION_CATEGORIES) {
    if (draft.categories.has(category))
      day = Math.max(day, readyDayOf(category, ctx, draft, order, readiness));
  }
  return day;
}

function readyDayOf(
  category: ExceptionCategory,
  ctx: PlantContext,
  draft: DraftOrder,
  order: Order,
  { cures, monthEnd, supplierDelayFamily }: ShipReadiness,
): number {
  const requested = parseIsoDate(order.requestedDate);
  const resolved = () => resolvedAt(ctx, draft.customer.record.customer.segment, monthEnd);
  switch (category) {
    case ExceptionCategory.CREDIT_HOLD:
    case ExceptionCategory.ROUTING_RULE:
      return workingDayAfter(cures[category] ?? resolved());
    case ExceptionCategory.STOCK_SHORTAGE:
      return restockDay(ctx, order, draft.dc, supplierDelayFamily);
    case ExceptionCategory.SHIPMENT_CONSTRAINT:
      return dayWithRoom(
        ctx,
        order,
        draft.dc,
        addWorkingDays(requested, ctx.rnd.int(...CAPACITY_BACKLOG_DAYS)),
      );
    case ExceptionCategory.PRICE_MISMATCH:
    case ExceptionCategory.MASTER_DATA:
      return workingDayAfter(resolved());
    case ExceptionCategory.ERP_SYNC:
      return addWorkingDays(requested, ctx.rnd.int(...SYNC_HOLD_DAYS));
  }
}

/** The first working day after the one `localMs` falls on. */
function workingDayAfter(localMs: number): number {
  return addWorkingDays(localMs + DAY_MS, 0);
}

/** When a person has fixed the order: 0.5–3 working days of elapsed time, by segment and month end. */
function resolvedAt({ rnd, nowMs }: PlantContext, segment: CustomerSegment, monthEnd: boolean): number {
  const days =
    rnd.uniform(...RESOLUTION_DAYS) *
    RESOLUTION_FACTOR[segment] *
    (monthEnd ? MONTH_END_RESOLUTION_FACTOR : 1);
  return afterWorkingTime(nowMs, days * DAY_MS);
}

/** `durationMs` later, counting working days only (a fix started on Friday evening lands next week). */
function afterWorkingTime(fromMs: number, durationMs: number): number {
  let at = fromMs;
  let left = durationMs;
  while (left > 0) {
    if (!isWorkingDay(at)) {
      at = startOfDay(at) + DAY_MS;
      continue;
    }
    const step = Math.min(left, startOfDay(at) + DAY_MS - at);
    at += step;
    left -= step;
  }
  return at;
}

/**
 * The day the last short line can be picked: per short line, the earliest of its DCs' (every DC
 * when the order's DC is unknown) first inbound purchase order after the requested date that
 * brings the DC's supply up to the line, else a replenishment ordered on arrival. 0 when no line
 * is short. An unknown SKU is a master-data problem, not a stock one.
 */
function restockDay(
  { world, rnd, nowMs }: PlantContext,
  order: Order,
  dc: string | undefined,
  delayedFamily: string | null,
): number {
  let day = 0;
  for (const line of order.lines) {
    const product = world.master.productBySku.get(line.sku);
    if (!product) continue;
    const arrivals = (dc ? [dc] : world.master.dcCodes).map((code) =>
      stockArrival(world, line.sku, line.quantity, code, order.requestedDate),
    );
    const arrival = Math.min(...arrivals);
    if (arrival === 0) continue;
    const delayed = delayedFamily !== null && product.family === delayedFamily;
    if (arrival < Infinity)
      day = Math.max(day, delayed ? addWorkingDays(arrival, rnd.int(...DELAYED_ETA_SLIP_DAYS)) : arrival);
    else
      day = Math.max(
        day,
        addWorkingDays(nowMs, rnd.int(...(delayed ? DELAYED_LEAD_TIME_DAYS : LEAD_TIME_DAYS))),
      );
  }
  return day;
}

/**
 * 0 when the DC holds or receives enough of the SKU by the requested date; else the ETA (local
 * midnight) of the purchase order after it that completes the quantity; Infinity when none does.
 */
function stockArrival(
  world: SimWorld,
  sku: string,
  quantity: number,
  dc: string,
  requestedDate: string,
): number {
  const key = stockKey(sku, dc);
  const inbound = world.master.inbound.get(key) ?? [];
  let supply = Math.max(0, world.master.available.get(key) ?? 0) + inboundBy(inbound, requestedDate);
  if (supply >= quantity) return 0;
  const later = inbound.filter((po) => po.eta > requestedDate).sort((a, b) => a.eta.localeCompare(b.eta));
  for (const po of later) {
    supply += po.quantity;
    if (supply >= quantity) return addWorkingDays(parseIsoDate(po.eta), 0);
  }
  return Infinity;
}

/** `from`, or the first working day after it on which a carrier collecting from the DC has room. */
function dayWithRoom({ world }: PlantContext, order: Order, dc: string | undefined, from: number): number {
  const weight = orderWeightKg(world, order);
  let day = from;
  for (let attempt = 0; attempt < 20 && world.isFull(dc, isoDate(day), weight); attempt++)
    day = addWorkingDays(day, 1);
  return day;
}

/** The stream kind of an event sent before an order. */
export function kindOf(type: ErpEventType): SimEventKind {
  if (type === 'erp.carrier.capacity-changed.v1') return 'capacity';
  if (type === 'erp.routing-rule.changed.v1') return 'routing-rule';
  return 'credit';
}
