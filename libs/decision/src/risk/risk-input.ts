import { ExceptionCategory } from '@ordex/contracts';

/**
 * What is known about an order when ordex first assesses it: the order itself, its customer, the
 * exceptions detection found on it, and the customer's recent history. The same shape is read from
 * the ERP's events in the running platform and from the simulator's history for training.
 */
export interface RiskInput {
  /** When the order arrived. */
  orderedAt: Date;
  /** The promised (requested) date, ISO `YYYY-MM-DD`. */
  requestedDate: string;
  lines: number;
  orderValue: number;
  segment: string | null;
  tier: string | null;
  /** One of the last three working days of its month (finance's busiest). */
  monthEnd: boolean;
  /** The categories of the exceptions on the order. */
  categories: readonly string[];
  /** The customer's exceptions on other orders in the 30 days before. */
  recentExceptions: number;
}

const SEGMENTS = ['KEY_ACCOUNT', 'REGIONAL', 'SMB'] as const;
const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;
const CATEGORIES = Object.values(ExceptionCategory) as string[];
/** Working days of slack beyond which more slack changes nothing a model should learn. */
const MAX_SLACK = 15;

/**
 * The model's features, by name, in the order {@link riskFeatures} writes them: slack to the
 * promised date, size, customer, calendar, each exception category and, because slack matters
 * most where something is wrong, each category crossed with the slack.
 */
export const RISK_FEATURES: readonly string[] = [
  'slack_working_days',
  'due_within_a_day',
  'log_order_value',
  'lines',
  'month_end',
  ...SEGMENTS.map((s) => `segment_${s}`),
  ...TIERS.map((t) => `tier_${t}`),
  'exception_count',
  'log_recent_exceptions',
  ...CATEGORIES.map((c) => `category_${c}`),
  ...CATEGORIES.map((c) => `category_${c}_x_slack`),
];

/** An order's features, in {@link RISK_FEATURES} order. */
export function riskFeatures(input: RiskInput): Float32Array {
  const slack = Math.min(MAX_SLACK, workingDaysBetween(input.orderedAt, input.requestedDate));
  const categories = new Set(input.categories);
  return Float32Array.from([
    slack,
    slack <= 1 ? 1 : 0,
    Math.log1p(Math.max(0, input.orderValue)),
    input.lines,
    input.monthEnd ? 1 : 0,
    ...SEGMENTS.map((s) => (input.segment === s ? 1 : 0)),
    ...TIERS.map((t) => (input.tier === t ? 1 : 0)),
    categories.size,
    Math.log1p(Math.max(0, input.recentExceptions)),
    ...CATEGORIES.map((c) => (categories.has(c) ? 1 : 0)),
    ...CATEGORIES.map((c) => (categories.has(c) ? slack : 0)),
  ]);
}

/**
 * Working days (Monday to Friday) after the day of `from` up to and including `toDate`, both read
 * in UTC; 0 when the date is that day or earlier.
 */
export function workingDaysBetween(from: Date, toDate: string): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.parse(`${toDate}T00:00:00Z`);
  if (!Number.isFinite(end)) throw new Error(`requestedDate ${toDate} is not an ISO date`);
  let days = 0;
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

/** One of the last three working days (Monday to Friday) of its month, in UTC. */
export function isMonthEnd(at: Date): boolean {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  let left = 0;
  for (let day = at.getUTCDate() + 1; day <= new Date(Date.UTC(year, month + 1, 0)).getUTCDate(); day++) {
    const weekday = new Date(Date.UTC(year, month, day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left++;
  }
  const weekday = at.getUTCDay();
  return weekday !== 0 && weekday !== 6 && left < 3;
}
