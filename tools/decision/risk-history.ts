import type { Order } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES } from '@ordex/demo-data';
import type { RiskInput } from '@ordex/decision';
import { erpEventStream } from '../simulator/erp-stream';
import type { OrderLabel, OutcomeLabel, PlantedPatterns } from '../simulator/stream-options';

/** One order of the history: what was known when it arrived, and whether it shipped late. */
export interface RiskHistoryRow {
  orderNumber: string;
  input: RiskInput;
  late: boolean;
}

export interface RiskHistoryOptions {
  seed: number;
  /** Orders to follow from arrival to outcome. */
  orders: number;
  /** The first simulated day (YYYY-MM-DD). */
  start: string;
  patterns?: PlantedPatterns;
  /** Called now and then with the orders seen and those with an outcome. */
  onProgress?: (seen: number, settled: number) => void;
}

const RECENT_DAYS_MS = 30 * 86_400_000;
/** How long after the last order arrives the stream is followed for outcomes (simulated time). */
const TAIL_MS = 120 * 86_400_000;

/**
 * The simulator's history as the service-risk model learns from it: every order that shipped
 * (cancelled ones have no date to miss), with the facts known on arrival — the order, its
 * customer's segment and tier, the exceptions planted in it (what detection finds) and the
 * customer's exceptions on other orders in the 30 days before — and whether it shipped after the
 * date the customer last asked for. In arrival order.
 */
export function simulatedRiskHistory(options: RiskHistoryOptions): RiskHistoryRow[] {
  const demo = buildDemoDistributor(DEMO_SIZES.small, 42);
  const customers = new Map(demo.customers.map((c) => [c.customer.id, c.customer]));
  const arrivals = new Map<string, { label: OrderLabel; order: Order; recent: number }>();
  const outcomes = new Map<string, OutcomeLabel>();
  const pastByCustomer = new Map<string, { at: number; exceptions: number }[]>();
  let lastArrival = Number.POSITIVE_INFINITY;
  let seen = 0;
  for (const { label, outcome, event, at } of erpEventStream({
    seed: options.seed,
    demo,
    start: options.start,
    patterns: options.patterns,
  })) {
    if (label && seen < options.orders) {
      seen++;
      const arrivedAt = Date.parse(label.orderedAt);
      const past = pastByCustomer.get(label.customerId) ?? [];
      const recent = past
        .filter((p) => p.at >= arrivedAt - RECENT_DAYS_MS)
        .reduce((sum, p) => sum + p.exceptions, 0);
      past.push({ at: arrivedAt, exceptions: label.categories.length });
      pastByCustomer.set(label.customerId, past);
      arrivals.set(label.orderNumber, { label, order: event.data as Order, recent });
      if (seen === options.orders) lastArrival = at;
    }
    if (outcome && arrivals.has(outcome.orderNumber)) outcomes.set(outcome.orderNumber, outcome);
    if (seen % 500 === 0 || outcome) options.onProgress?.(seen, outcomes.size);
    if (seen === options.orders && (outcomes.size === arrivals.size || at > lastArrival + TAIL_MS)) break;
  }
  const rows: RiskHistoryRow[] = [];
  for (const [orderNumber, { label, order, recent }] of arrivals) {
    const outcome = outcomes.get(orderNumber);
    if (!outcome || outcome.cancelled) continue;
    const customer = customers.get(label.customerId);
    rows.push({
      orderNumber,
      input: {
        orderedAt: new Date(label.orderedAt),
        requestedDate: label.requestedDate,
        lines: order.lines.length,
        orderValue: order.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0),
        segment: customer?.segment ?? null,
        tier: customer?.tier ?? null,
        monthEnd: label.monthEnd,
        categories: label.categories,
        recentExceptions: recent,
      },
      late: outcome.late,
    });
  }
  return rows.sort((a, b) => a.input.orderedAt.getTime() - b.input.orderedAt.getTime());
}

/** The history split in time: the earlier share to learn from, the later orders held out. */
export function splitByTime<T extends { input: { orderedAt: Date } }>(
  rows: readonly T[],
  trainShare: number,
): { train: T[]; heldOut: T[] } {
  const cut = Math.round(rows.length * trainShare);
  return { train: rows.slice(0, cut), heldOut: rows.slice(cut) };
}
