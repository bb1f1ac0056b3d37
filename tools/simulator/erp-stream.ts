import { ExceptionCategory, OrderStatus, type Order } from '@ordex/contracts';
import { nextArrival } from './arrival-profile.util';
import { EventQueue } from './event-queue.util';
import {
  earliestShipDay,
  kindOf,
  plantCreditHold,
  plantPriceMismatch,
  PLANTERS,
  plantRoutingRule,
  plantStockShortage,
  type PlantContext,
} from './fallout-planter';
import { EXCEPTION_CATEGORIES } from './fallout-shares.util';
import { changeOrder } from './order-changes';
import {
  cleanOrderFor,
  keepCreditClean,
  orderCents,
  type DraftOrder,
  type PlannedEvent,
} from './order-factory';
import { orderNote } from './order-notes';
import {
  addWorkingDays,
  DAY_MS,
  HOUR_MS,
  isMonthEndWindow,
  isoDate,
  isWorkingDay,
  localToInstant,
  MINUTE_MS,
  parseIsoDate,
} from './sim-calendar.util';
import { simMasterData } from './sim-master-data';
import { keyedRandom, SimRandom } from './sim-random.util';
import { SimWorld, type CustomerTaint } from './sim-world';
import { StreamOutput } from './stream-output';
import {
  resolveStreamOptions,
  type ErpStreamOptions,
  type OrderLabel,
  type OutcomeLabel,
  type ResolvedStreamOptions,
  type SimulatedEvent,
} from './stream-options';

interface TrackedOrder {
  draft: DraftOrder;
  versions: Order[];
  cancelled: boolean;
  shipped: boolean;
  /** When the pending shipment is due (a date change reschedules it). */
  shipAt?: number;
  /** The first day the ERP can ship it, given its planted fallout (0: any day). */
  readyDay: number;
  /** Latest version number the ERP has used (cancellation included). */
  lastVersion: number;
}

/**
 * The simulated ERP's event stream: an endless, deterministic (per seed) sequence of order
 * events against the demo distributor, with planted exceptions, changes, cancellations,
 * duplicates and late re-sends, in simulated-time order. Pure: no I/O, no wall clock.
 */
export function* erpEventStream(options: ErpStreamOptions): Generator<SimulatedEvent, never> {
  const generator = new ErpStreamGenerator(resolveStreamOptions(options));
  for (;;) yield generator.next();
}

class ErpStreamGenerator {
  private readonly rnd: SimRandom;
  private readonly world: SimWorld;
  private readonly queue = new EventQueue<() => void>();
  private readonly output: StreamOutput;
  private readonly orders = new Map<string, TrackedOrder>();
  private nextArrivalAt: number;
  private orderCount = 0;

  constructor(private readonly options: ResolvedStreamOptions) {
    this.rnd = new SimRandom(options.seed);
    this.world = new SimWorld(simMasterData(options.demo));
    this.output = new StreamOutput(options, this.rnd, this.queue);
    this.nextArrivalAt = nextArrival(options.startMs, options.profile, this.rnd);
  }

  next(): SimulatedEvent {
    for (;;) {
      const ready = this.output.shift();
      if (ready) return ready;
      const due = this.queue.peekAt();
      const task = due !== undefined && due <= this.nextArrivalAt ? this.queue.pop() : undefined;
      if (task) task.item();
      else {
        const at = this.nextArrivalAt;
        this.newOrder(at);
        this.nextArrivalAt = nextArrival(at, this.options.profile, this.rnd);
      }
    }
  }

  private nextOrderNumber(): () => string {
    return () => `SO-S${this.options.seed}-${String(++this.orderCount).padStart(6, '0')}`;
  }

  private plantedCategories(monthEnd: boolean): Set<ExceptionCategory> {
    const planted = new Set<ExceptionCategory>();
    for (const category of EXCEPTION_CATEGORIES) {
      const factor =
        category === ExceptionCategory.CREDIT_HOLD && monthEnd ? this.options.monthEndCreditFactor : 1;
      if (this.rnd.chance(Math.min(1, this.options.fallout[category] * factor))) planted.add(category);
    }
    return planted;
  }

  /**
   * The planted root causes: on top of the usual shares, contract orders of the bad-contract
   * segment fall out on price, and orders with a SKU of the late supplier's family fall out on
   * stock (on that SKU's line), each `patternFactor` times as often in all.
   */
  private plantPatterns(ctx: PlantContext, draft: DraftOrder): void {
    const { badContractSegment, supplierDelayFamily, patternFactor } = this.options.patterns;
    const extra = (category: ExceptionCategory) =>
      Math.min(1, this.options.fallout[category] * (patternFactor - 1));
    if (
      badContractSegment &&
      draft.customer.record.customer.segment === badContractSegment &&
      !draft.categories.has(ExceptionCategory.PRICE_MISMATCH) &&
      this.rnd.chance(extra(ExceptionCategory.PRICE_MISMATCH)) &&
      plantPriceMismatch(ctx, draft)
    )
      draft.details.push(`pattern: bad contracts of segment ${badContractSegment}`);
    const delayed = (sku: string) => this.world.master.productBySku.get(sku)?.family === supplierDelayFamily;
    if (
      supplierDelayFamily &&
      !draft.categories.has(ExceptionCategory.STOCK_SHORTAGE) &&
      draft.order.lines.some((l) => !draft.protectedLines.has(l.lineNo) && delayed(l.sku)) &&
      this.rnd.chance(extra(ExceptionCategory.STOCK_SHORTAGE))
    )
      this.plantSupplierDelay(ctx, draft, delayed, supplierDelayFamily);
  }

  /**
   * A shortage on a line of the late supplier's family — only where the larger order still fits
   * the customer's credit, so the planted cause raises stock exceptions alone and not, through
   * order value, credit holds too (which would blur the month-end credit pattern).
   */
  private plantSupplierDelay(
    ctx: PlantContext,
    draft: DraftOrder,
    delayed: (sku: string) => boolean,
    family: string,
  ): void {
    const before = draft.order.lines.map((l) => l.quantity);
    const protectedBefore = new Set(draft.protectedLines);
    const detailsBefore = draft.details.length;
    if (!plantStockShortage(ctx, draft, delayed)) return;
    if (this.world.creditAllows(draft.customer.id, orderCents(draft.order))) {
      draft.details.push(`pattern: supplier delays in family ${family}`);
      return;
    }
    draft.order.lines.forEach((l, i) => (l.quantity = before[i]));
    draft.protectedLines.clear();
    for (const lineNo of protectedBefore) draft.protectedLines.add(lineNo);
    draft.details.length = detailsBefore;
    draft.categories.delete(ExceptionCategory.STOCK_SHORTAGE);
    draft.causes.delete(ExceptionCategory.STOCK_SHORTAGE);
  }

  private newOrder(at: number): void {
    const monthEnd = isMonthEndWindow(at);
    const planted = this.plantedCategories(monthEnd);
    const draft = cleanOrderFor(this.world, this.rnd, {
      planted,
      monthEnd,
      at,
      orderNumber: this.nextOrderNumber(),
    });
    if (!draft) return;
    const { customer, order } = draft;
    const orderNumber = order.orderNumber;
    const ctx: PlantContext = { world: this.world, rnd: this.rnd, nowMs: at };
    for (const [category, plant] of PLANTERS) if (planted.has(category)) plant(ctx, draft);
    this.plantPatterns(ctx, draft);
    const cureAt = at + Math.round(this.rnd.uniform(1, 3) * DAY_MS);
    if (planted.has(ExceptionCategory.ROUTING_RULE)) {
      const { restore } = plantRoutingRule(ctx, draft, cureAt);
      if (restore)
        this.scheduleCure(cureAt, customer.id, 'ROUTING_RULE', {
          type: 'erp.routing-rule.changed.v1',
          payload: restore,
        });
    }
    if (planted.has(ExceptionCategory.CREDIT_HOLD)) {
      const { restore } = plantCreditHold(ctx, draft, cureAt);
      if (restore)
        this.scheduleCure(cureAt, customer.id, 'CREDIT_HOLD', {
          type: 'erp.credit.updated.v2',
          payload: restore,
        });
    } else keepCreditClean(this.world, draft);

    const value = orderCents(draft.order);
    this.world.setOpen(customer.id, orderNumber, value);
    if (!draft.protectDate) this.world.useCleanDate(draft.dc, draft.order.requestedDate, 1);
    for (const before of draft.before) this.output.emit(at, kindOf(before.type), before);

    const tracked: TrackedOrder = {
      draft,
      versions: [{ ...draft.order, lines: draft.order.lines.map((l) => ({ ...l })) }],
      cancelled: false,
      shipped: false,
      readyDay: 0,
      lastVersion: 1,
    };
    this.orders.set(orderNumber, tracked);
    const v2 = planted.has(ExceptionCategory.ERP_SYNC)
      ? changeOrder(this.world, this.rnd, draft, draft.order, at)
      : undefined;
    if (v2) {
      draft.categories.add(ExceptionCategory.ERP_SYNC);
      draft.details.push(`ERP_SYNC: version 2 sent before version 1 (${v2.kind})`);
      draft.causes.set(ExceptionCategory.ERP_SYNC, { topic: 'out-of-order', slots: { change: v2.kind } });
    }
    tracked.readyDay = earliestShipDay(ctx, draft, v2?.order ?? tracked.versions[0], {
      cures: {
        CREDIT_HOLD: this.cureOf(customer.id, 'CREDIT_HOLD'),
        ROUTING_RULE: this.cureOf(customer.id, 'ROUTING_RULE'),
      },
      monthEnd,
      supplierDelayFamily: this.options.patterns.supplierDelayFamily,
    });
    const categories = EXCEPTION_CATEGORIES.filter((c) => draft.categories.has(c));
    // From the order's own random source: the notes leave every other draw of the stream as it was.
    const { note, noteCategory } = orderNote(
      keyedRandom(this.options.seed, `note|${orderNumber}`),
      draft,
      categories,
    );
    // Every version carries the text: later ones are copies of these two.
    if (note !== null)
      for (const version of [tracked.versions[0], v2?.order]) if (version) version.notes = note;
    const label: OrderLabel = {
      orderNumber,
      customerId: customer.id,
      orderedAt: localToInstant(at, this.options.timeZone).toISOString(),
      monthEnd,
      requestedDate: tracked.versions[0].requestedDate,
      categories,
      details: draft.details,
      note,
      noteCategory,
    };
    if (v2) {
      tracked.versions.push(v2.order);
      tracked.lastVersion = 2;
      this.output.emitOrderEvent(
        at,
        'order',
        { type: 'erp.order.changed.v1', payload: v2.order },
        orderNumber,
        { label },
      );
      const late = at + Math.round(this.rnd.uniform(2, 30) * MINUTE_MS);
      this.queue.push(late, () =>
        this.output.emitOrderEvent(
          late,
          'late-first-version',
          { type: 'erp.order.created.v1', payload: tracked.versions[0] },
          orderNumber,
        ),
      );
    } else {
      this.output.emitOrderEvent(
        at,
        'order',
        { type: 'erp.order.created.v1', payload: tracked.versions[0] },
        orderNumber,
        { label },
      );
    }
    this.scheduleFollowUps(at, tracked);
  }

  /** When the customer's planted credit standing or rule is restored; undefined when nothing restores it. */
  private cureOf(customerId: string, taint: CustomerTaint): number | undefined {
    if (!this.world.isTainted(customerId, taint)) return undefined;
    const other: CustomerTaint = taint === 'CREDIT_HOLD' ? 'ROUTING_RULE' : 'CREDIT_HOLD';
    const cure = this.world.curedAt(customerId, new Set([other]));
    return Number.isFinite(cure) ? cure : undefined;
  }

  private scheduleCure(
    at: number,
    customerId: string,
    taint: 'CREDIT_HOLD' | 'ROUTING_RULE',
    restore: PlannedEvent,
  ) {
    this.queue.push(at, () => {
      this.world.cure(customerId, taint);
      if (restore.type === 'erp.credit.updated.v2')
        this.world.credit.set(customerId, restore.payload as never);
      else this.world.rules.set(customerId, restore.payload as never);
      this.output.emit(at, kindOf(restore.type), restore);
    });
  }

  private scheduleFollowUps(at: number, tracked: TrackedOrder): void {
    this.scheduleShipment(tracked, at);
    if (this.rnd.chance(this.options.changeShare)) {
      const count = this.rnd.int(1, 3);
      for (let i = 0; i < count; i++) {
        const when = at + Math.round(this.rnd.uniform(10 * MINUTE_MS, 2 * DAY_MS));
        this.queue.push(when, () => this.change(when, tracked, false));
      }
    }
    if (this.rnd.chance(this.options.cancelShare)) {
      const when = at + Math.round(this.rnd.uniform(HOUR_MS, 3 * DAY_MS));
      this.queue.push(when, () => this.cancel(when, tracked));
    }
  }

  /**
   * The ERP ships an order on its requested date, unless its fallout holds it longer (see
   * earliestShipDay) or the date has passed (then the next working day): it stops counting
   * against the customer's credit. Invoicing and payment are not simulated.
   */
  private scheduleShipment(tracked: TrackedOrder, afterMs: number): void {
    const latest = tracked.versions[tracked.versions.length - 1];
    const day = Math.max(
      parseIsoDate(latest.requestedDate),
      tracked.readyDay,
      addWorkingDays(afterMs + DAY_MS, 0),
    );
    const when = day + Math.round(this.rnd.uniform(14, 17) * HOUR_MS);
    tracked.shipAt = when;
    this.queue.push(when, () => {
      if (tracked.cancelled || tracked.shipped || tracked.shipAt !== when) return;
      const current = tracked.versions[tracked.versions.length - 1];
      const shipped = { ...current, erpVersion: ++tracked.lastVersion, status: OrderStatus.SHIPPED };
      tracked.shipped = true;
      tracked.versions.push(shipped);
      this.world.setOpen(tracked.draft.customer.id, shipped.orderNumber, 0);
      if (!tracked.draft.protectDate) this.world.useCleanDate(tracked.draft.dc, current.requestedDate, -1);
      this.output.emitOrderEvent(
        when,
        'ship',
        { type: 'erp.order.changed.v1', payload: shipped },
        shipped.orderNumber,
        { outcome: outcomeOf(tracked, isoDate(when)) },
      );
    });
  }

  private change(at: number, tracked: TrackedOrder, postponed: boolean): void {
    const { draft } = tracked;
    if (tracked.cancelled || tracked.shipped) return;
    const curedAt = this.world.curedAt(draft.customer.id, draft.categories);
    if (curedAt > at) {
      // A change now would be judged under another order's planted credit or rule problem.
      if (!postponed && curedAt < Infinity)
        this.queue.push(curedAt + MINUTE_MS, () => this.change(curedAt + MINUTE_MS, tracked, true));
      return;
    }
    const current = tracked.versions[tracked.versions.length - 1];
    const changed = changeOrder(this.world, this.rnd, draft, current, at);
    if (!changed) return;
    const next = { ...changed.order, erpVersion: tracked.lastVersion + 1 };
    tracked.versions.push(next);
    tracked.lastVersion = next.erpVersion;
    if (!draft.protectDate && next.requestedDate !== current.requestedDate) {
      this.world.useCleanDate(draft.dc, current.requestedDate, -1);
      this.world.useCleanDate(draft.dc, next.requestedDate, 1);
    }
    this.world.setOpen(draft.customer.id, next.orderNumber, orderCents(next));
    this.output.emitOrderEvent(
      at,
      'change',
      { type: 'erp.order.changed.v1', payload: next },
      next.orderNumber,
    );
    if (next.requestedDate !== current.requestedDate) this.scheduleShipment(tracked, at);
    if (this.rnd.chance(this.options.resendShare)) {
      const when = at + Math.round(this.rnd.uniform(MINUTE_MS, 6 * HOUR_MS));
      const older = this.rnd.pick(tracked.versions.slice(0, -1));
      const type = older.erpVersion === 1 ? 'erp.order.created.v1' : 'erp.order.changed.v1';
      this.queue.push(when, () =>
        this.output.emit(when, 'resend', { type, payload: older }, { orderNumber: older.orderNumber }),
      );
    }
  }

  private cancel(at: number, tracked: TrackedOrder): void {
    if (tracked.cancelled || tracked.shipped) return;
    const { draft } = tracked;
    tracked.cancelled = true;
    tracked.lastVersion++;
    const latest = tracked.versions[tracked.versions.length - 1];
    this.world.setOpen(draft.customer.id, latest.orderNumber, 0);
    if (!draft.protectDate) this.world.useCleanDate(draft.dc, latest.requestedDate, -1);
    const payload = {
      orderNumber: latest.orderNumber,
      erpVersion: tracked.lastVersion,
      cancelledAt: localToInstant(at, this.options.timeZone).toISOString(),
      reason: this.rnd.pick([
        'customer request',
        'duplicate order',
        'replaced by a new order',
        'price not accepted',
      ]),
    };
    this.output.emitOrderEvent(
      at,
      'cancel',
      { type: 'erp.order.cancelled.v1', payload },
      latest.orderNumber,
      {
        outcome: outcomeOf(tracked, null),
      },
    );
  }
}

/** How the order ended, measured against the date its customer last asked for. */
function outcomeOf(tracked: TrackedOrder, shipDate: string | null): OutcomeLabel {
  const asked = tracked.versions.filter((v) => v.status !== OrderStatus.SHIPPED);
  const promisedDate = asked[asked.length - 1].requestedDate;
  const daysLate = shipDate === null ? 0 : workingDaysBetween(promisedDate, shipDate);
  return {
    orderNumber: tracked.versions[0].orderNumber,
    requestedDate: tracked.versions[0].requestedDate,
    promisedDate,
    shipDate,
    cancelled: shipDate === null,
    late: shipDate !== null && shipDate > promisedDate,
    daysLate,
  };
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = parseIsoDate(from) + DAY_MS; day <= parseIsoDate(to); day += DAY_MS)
    if (isWorkingDay(day)) count++;
  return count;
}
