import { ExceptionCategory, type CreditUpdated, type ErpEventType, type RoutingRule } from '@ordex/contracts';
import { cleanRequestedDate, orderCents, type DraftOrder } from './order-factory';
import { inboundBy, priceOutsideTolerance } from './order-rules.util';
import { DAY_MS, isoDate, isoWeekday, isWorkingDay, minuteOfDay, parseLocalTime } from './sim-calendar.util';
import { fromCents, stockKey, toCents } from './sim-master-data';
import type { SimRandom } from './sim-random.util';
import type { SimWorld } from './sim-world';
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

function mark(draft: DraftOrder, category: ExceptionCategory, detail: string): true {
  draft.categories.add(category);
  draft.details.push(`${category}: ${detail}`);
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
    return mark(draft, ExceptionCategory.MASTER_DATA, 'no ship-to');
  }
  if (variant === 'unknown-sku') {
    const sku = `SKU-X${String(rnd.int(0, 99_999)).padStart(5, '0')}`;
    draft.order.lines.push({ lineNo, sku, quantity: rnd.int(1, 10), unitPrice: rnd.int(100, 20_000) / 100 });
    draft.protectedLines.add(lineNo);
    return mark(draft, ExceptionCategory.MASTER_DATA, `line ${lineNo} unknown SKU ${sku}`);
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
    );
  }
  let date = draft.order.requestedDate;
  for (let attempt = 0; attempt < 20 && world.hasCleanOrdersOn(draft.dc, date); attempt++) {
    date = cleanRequestedDate(world, rnd, draft, Date.parse(`${date}T00:00:00Z`) + DAY_MS, 0);
  }
  if (world.hasCleanOrdersOn(draft.dc, date)) return false;
  draft.order.requestedDate = date;
  draft.protectDate = true;
  for (const dc of draft.dc ? [draft.dc] : world.master.dcCodes) {
    for (const carrierCode of world.carriersAt(dc)) {
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
    mark(draft, ExceptionCategory.ROUTING_RULE, `${id}'s routing rule already refuses the plan`);
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
    mark(draft, ExceptionCategory.CREDIT_HOLD, `${id} already over its limit or overdue`);
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
    );
  } else {
    const overdueDays = rnd.int(5, 45);
    const overdueAmount = fromCents(
      Math.max(100, Math.round(toCents(previous.openReceivables) * rnd.uniform(0.1, 0.5))),
    );
    next = { ...previous, overdueDays, overdueAmount };
    mark(draft, ExceptionCategory.CREDIT_HOLD, `${overdueAmount} overdue ${overdueDays} days`);
  }
  draft.before.push({ type: 'erp.credit.updated.v2', payload: next });
  world.credit.set(id, next);
  world.taint(id, 'CREDIT_HOLD', cureAt);
  return { restore: previous };
}

/** Planting order: lines and ship-to first, then what depends on the date, credit (needs the value) last. */
export const PLANTERS: [ExceptionCategory, (ctx: PlantContext, draft: DraftOrder) => boolean][] = [
  [ExceptionCategory.MASTER_DATA, plantMasterData],
  [ExceptionCategory.STOCK_SHORTAGE, plantStockShortage],
  [ExceptionCategory.PRICE_MISMATCH, plantPriceMismatch],
  [ExceptionCategory.SHIPMENT_CONSTRAINT, plantShipmentConstraint],
];

/** The stream kind of an event sent before an order. */
export function kindOf(type: ErpEventType): SimEventKind {
  if (type === 'erp.carrier.capacity-changed.v1') return 'capacity';
  if (type === 'erp.routing-rule.changed.v1') return 'routing-rule';
  return 'credit';
}
