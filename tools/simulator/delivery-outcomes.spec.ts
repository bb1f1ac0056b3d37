import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerSegment, ExceptionCategory, OrderStatus, type Order } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import { erpEventStream } from './erp-stream';
import type { EventSink } from './event-sink';
import { EXCEPTION_CATEGORIES } from './fallout-shares.util';
import { parseRunOptions } from './run-options';
import { runSimulation } from './run-simulation';
import { DAY_MS, isoDate, isWorkingDay, parseIsoDate } from './sim-calendar.util';
import type {
  ErpStreamOptions,
  LabelRecord,
  OrderLabel,
  OutcomeLabel,
  SimulatedEvent,
} from './stream-options';

const demo = buildDemoDistributor(DEMO_SIZES.small, 42);
const segmentOf = new Map(demo.customers.map((c) => [c.customer.id, c.customer.segment]));

interface OrderHistory {
  label: OrderLabel;
  /** The order's own events (duplicates and re-sends left out), in stream order. */
  events: SimulatedEvent[];
  outcomes: SimulatedEvent[];
}

interface History {
  orders: Map<string, OrderHistory>;
  /** Credit and routing-rule events, in stream order. */
  standing: SimulatedEvent[];
  endAt: number;
}

/** The first `count` orders of a stream and everything that happens to them for `tailDays` after the last. */
function history(options: Partial<ErpStreamOptions>, count: number, tailDays = 40): History {
  const orders = new Map<string, OrderHistory>();
  const standing: SimulatedEvent[] = [];
  let lastOrderAt = Infinity;
  for (const event of erpEventStream({ seed: 3, demo, start: '2026-11-02', ...options })) {
    if (event.at > lastOrderAt + tailDays * DAY_MS) return { orders, standing, endAt: event.at };
    if (event.label && orders.size === count) lastOrderAt = Math.min(lastOrderAt, event.at);
    else if (event.label)
      orders.set(event.label.orderNumber, { label: event.label, events: [], outcomes: [] });
    if (event.kind === 'credit' || event.kind === 'routing-rule') standing.push(event);
    const order = event.orderNumber ? orders.get(event.orderNumber) : undefined;
    if (!order || event.kind === 'duplicate' || event.kind === 'resend') continue;
    order.events.push(event);
    if (event.outcome) order.outcomes.push(event);
  }
  throw new Error('unreachable: the stream is endless');
}

const outcomeOf = (order: OrderHistory) => order.outcomes[0]?.outcome;
const shippedOutcomes = (orders: OrderHistory[]) =>
  orders.map(outcomeOf).filter((o): o is OutcomeLabel => !!o && !o.cancelled);
const lateShare = (orders: OrderHistory[]) => {
  const shipped = shippedOutcomes(orders);
  return shipped.filter((o) => o.late).length / shipped.length;
};
/** Orders whose only category is `category` ([] for clean ones). */
const only = (orders: OrderHistory[], category?: ExceptionCategory) =>
  orders.filter((o) =>
    category
      ? o.label.categories.length === 1 && o.label.categories[0] === category
      : o.label.categories.length === 0,
  );
/** Working days after `from` up to and including `to`, counted day by day. */
const workingDaysBetween = (from: string, to: string) => {
  let count = 0;
  for (let day = parseIsoDate(from) + DAY_MS; day <= parseIsoDate(to); day += DAY_MS)
    if (isWorkingDay(day)) count++;
  return count;
};

describe('delivery outcomes of the simulated ERP', () => {
  const sample = history({}, 5_000);
  const orders = [...sample.orders.values()];

  it('ends every order it ships or cancels with one outcome, on the SHIPPED version or the cancellation', () => {
    let open = 0;
    for (const order of orders) {
      const ship = order.events.filter((e) => e.kind === 'ship');
      const cancel = order.events.filter((e) => e.kind === 'cancel');
      expect(ship.length + cancel.length).toBe(order.outcomes.length);
      expect(order.outcomes.length).toBeLessThanOrEqual(1);
      const outcome = outcomeOf(order);
      if (!outcome) {
        // Still waiting at the end of the sample: the customer asked for a later date.
        const latest = order.events.filter((e) => e.kind !== 'cancel').at(-1)!.event.data as Order;
        expect(latest.requestedDate > isoDate(sample.endAt)).toBe(true);
        open++;
        continue;
      }
      expect(outcome.orderNumber).toBe(order.label.orderNumber);
      expect(outcome.requestedDate).toBe(order.label.requestedDate);
      const first = order.events.find((e) => (e.event.data as Order).erpVersion === 1)!.event.data as Order;
      expect(outcome.requestedDate).toBe(first.requestedDate);
      if (cancel.length > 0) {
        expect(order.outcomes[0]).toBe(cancel[0]);
        expect(outcome).toMatchObject({ shipDate: null, cancelled: true, late: false, daysLate: 0 });
        continue;
      }
      const shipped = ship[0].event.data as Order;
      expect(order.outcomes[0]).toBe(ship[0]);
      expect(shipped.status).toBe(OrderStatus.SHIPPED);
      expect(outcome.shipDate).toBe(isoDate(ship[0].at));
      expect(outcome.promisedDate).toBe(shipped.requestedDate);
      expect(outcome.cancelled).toBe(false);
      expect(outcome.late).toBe(outcome.shipDate! > outcome.promisedDate);
      expect(outcome.daysLate).toBe(workingDaysBetween(outcome.promisedDate, outcome.shipDate!));
      expect(outcome.late).toBe(outcome.daysLate > 0);
    }
    expect(open).toBeLessThan(10);
    expect(shippedOutcomes(orders).length).toBeGreaterThan(4_700);
  });

  it('ships clean orders on the date the customer asked for: the first one unless the customer moved it', () => {
    const clean = shippedOutcomes(only(orders));
    expect(clean.length).toBeGreaterThan(3_500);
    for (const outcome of clean) {
      expect(outcome).toMatchObject({ shipDate: outcome.promisedDate, late: false, daysLate: 0 });
    }
    const moved = clean.filter((o) => o.promisedDate !== o.requestedDate);
    expect(moved.length).toBeGreaterThan(100);
    for (const outcome of moved) expect(outcome.promisedDate > outcome.requestedDate).toBe(true);
  });

  it('makes each category late at its own rate: a full carrier day always, stock often, a person or a cure seldom', () => {
    const share = Object.fromEntries(
      EXCEPTION_CATEGORIES.map((c) => [c, lateShare(only(orders, c))]),
    ) as Record<ExceptionCategory, number>;
    expect(lateShare(only(orders))).toBe(0);
    expect(share.SHIPMENT_CONSTRAINT).toBe(1);
    expect(share.STOCK_SHORTAGE).toBeGreaterThan(0.3);
    expect(share.ERP_SYNC).toBeGreaterThan(0.25);
    for (const category of [
      ExceptionCategory.CREDIT_HOLD,
      ExceptionCategory.ROUTING_RULE,
      ExceptionCategory.PRICE_MISMATCH,
      ExceptionCategory.MASTER_DATA,
    ]) {
      expect({ category, late: share[category] > 0.02 }).toEqual({ category, late: true });
      expect({ category, belowStock: share[category] < share.STOCK_SHORTAGE / 2 }).toEqual({
        category,
        belowStock: true,
      });
    }
    // Several categories: the latest of them.
    const several = orders.filter((o) => o.label.categories.length > 1);
    expect(lateShare(several)).toBeGreaterThan(share.PRICE_MISMATCH);
  });

  it('holds an order for a full carrier day 1–2 working days or more, and for out-of-order versions at most one', () => {
    for (const outcome of shippedOutcomes(only(orders, ExceptionCategory.SHIPMENT_CONSTRAINT)))
      expect(outcome.daysLate).toBeGreaterThanOrEqual(1);
    const sync = shippedOutcomes(only(orders, ExceptionCategory.ERP_SYNC));
    expect(new Set(sync.map((o) => o.daysLate))).toEqual(new Set([0, 1]));
  });

  it('ships a credit or routing-rule hold no earlier than the working day after the ERP restores the standing', () => {
    let checked = 0;
    for (const category of [ExceptionCategory.CREDIT_HOLD, ExceptionCategory.ROUTING_RULE]) {
      const kind = category === ExceptionCategory.CREDIT_HOLD ? 'credit' : 'routing-rule';
      for (const order of orders) {
        const outcome = outcomeOf(order);
        if (!outcome?.shipDate || !order.label.categories.includes(category)) continue;
        if (order.label.details.some((d) => d.includes('incidental'))) continue;
        const orderedAt = order.events[0].at;
        const cure = sample.standing.find(
          (e) =>
            e.kind === kind &&
            e.at > orderedAt &&
            (e.event.data as { customerId: string }).customerId === order.label.customerId,
        );
        if (!cure) continue;
        expect(outcome.shipDate > isoDate(cure.at)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('has people fix price and master data sooner for key accounts than for SMB, later at month end', () => {
    const fixed = orders.filter(
      (o) =>
        o.label.categories.length === 1 &&
        (o.label.categories[0] === ExceptionCategory.PRICE_MISMATCH ||
          o.label.categories[0] === ExceptionCategory.MASTER_DATA),
    );
    const bySegment = (segment: CustomerSegment) =>
      lateShare(fixed.filter((o) => segmentOf.get(o.label.customerId) === segment));
    expect(bySegment(CustomerSegment.KEY_ACCOUNT)).toBeLessThan(bySegment(CustomerSegment.REGIONAL));
    expect(bySegment(CustomerSegment.REGIONAL)).toBeLessThan(bySegment(CustomerSegment.SMB));
    expect(lateShare(fixed.filter((o) => o.label.monthEnd))).toBeGreaterThan(
      2 * lateShare(fixed.filter((o) => !o.label.monthEnd)),
    );
  });

  it('keeps stock waiting longer for the late supplier when that pattern is planted', () => {
    const planted = [...history({ patterns: { supplierDelayFamily: 'ELECTRICAL' } }, 3_000).orders.values()];
    const shortages = only(planted, ExceptionCategory.STOCK_SHORTAGE);
    const delayed = shortages.filter((o) => o.label.details.some((d) => d.includes('supplier delays')));
    const others = shortages.filter((o) => !delayed.includes(o));
    const meanDaysLate = (list: OrderHistory[]) => {
      const shipped = shippedOutcomes(list);
      return shipped.reduce((sum, o) => sum + o.daysLate, 0) / shipped.length;
    };
    expect(delayed.length).toBeGreaterThan(50);
    expect(lateShare(delayed)).toBeGreaterThan(lateShare(others) + 0.2);
    expect(meanDaysLate(delayed)).toBeGreaterThan(2 * meanDaysLate(others));
  });

  it('is deterministic by seed', () => {
    const outcomes = (seed: number) =>
      [...history({ seed }, 1_500, 20).orders.values()].map((o) => outcomeOf(o) ?? null);
    const a = outcomes(3);
    expect(outcomes(3)).toEqual(a);
    expect(outcomes(4)).not.toEqual(a);
  });
});

describe('the labels file', () => {
  it("holds each order's label when it is sent and its outcome when it ends, told apart by kind", async () => {
    const sent: SimulatedEvent['event'][] = [];
    const sink: EventSink = {
      batchSize: 100,
      send: async (events) => {
        sent.push(...events);
        return events.map(() => 'accepted' as const);
      },
    };
    const path = join(mkdtempSync(join(tmpdir(), 'ordex-outcomes-')), 'labels.ndjson');
    const labels = createWriteStream(path);
    const options = parseRunOptions(
      ['--orders', '400', '--as-fast-as-possible', '--seed', '4', '--skip-master-data'],
      {},
    );
    const quiet = { write: () => true, isTTY: false };
    await runSimulation(options, sink, undefined, labels, new AbortController().signal, quiet);
    await new Promise((resolve) => labels.end(resolve));
    const records = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LabelRecord);
    const labelled = records.filter((r) => r.kind === 'order');
    const outcomes = records.filter((r) => r.kind === 'outcome');
    expect(labelled).toHaveLength(400);
    for (const record of labelled)
      expect(Object.keys(record)).toEqual(expect.arrayContaining(['note', 'noteCategory']));
    expect(labelled.some((r) => r.kind === 'order' && r.noteCategory !== null)).toBe(true);
    expect(outcomes.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const record of records) {
      if (record.kind === 'order') seen.add(record.orderNumber);
      else expect(seen.has(record.orderNumber)).toBe(true);
    }
    const ends = sent.filter(
      (e) =>
        e.type === 'erp.order.cancelled.v1' ||
        (e.type === 'erp.order.changed.v1' && (e.data as Order).status === OrderStatus.SHIPPED),
    );
    // One outcome per ending event sent (a duplicate of one carries none).
    expect(new Set(ends.map((e) => e.id)).size).toBe(outcomes.length);
    expect(new Set(outcomes.map((o) => o.orderNumber)).size).toBe(outcomes.length);
  });
});
