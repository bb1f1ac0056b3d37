import { CustomerTier, ExceptionCategory } from '@ordex/contracts';

/** The factors of a case's priority, in the order every {@link Priority} lists them. */
export type PriorityFactorName =
  'CUSTOMER_TIER' | 'ORDER_VALUE' | 'MARGIN_AT_RISK' | 'DATE_RISK' | 'SLA_TIME_LEFT';

/** What the priority of a case is computed from; the caller gathers it, including "today". */
export interface PriorityInputs {
  /** PLATINUM | GOLD | SILVER | BRONZE; null when the customer is unknown. */
  tier: string | null;
  /** Order value in the order currency (≥ 0). */
  orderValue: number;
  /** Margin the open exceptions put at risk, in the order currency (≥ 0; see marginAtRisk). */
  marginAtRisk: number;
  /** Calendar days from today to the requested date (negative when it has passed). */
  daysToRequestedDate: number;
  /** Whether an open exception threatens the promised date (stock shortage, shipment constraint, routing rule, credit hold blocks release...). */
  dateThreatened: boolean;
  /** Share of the tightest open task's SLA still left: 1 = just opened, 0 = due now, negative = breached (−0.5 = half the target overrun); null when no task has an SLA. */
  slaShareLeft: number | null;
}

/** One factor's part in a case's priority, kept so people can see why the case ranks where it does. */
export interface PriorityFactor {
  factor: PriorityFactorName;
  /** The factor's input as a number (tier as its points 0..1, money as given, days, share). */
  input: number;
  /** Maximum points this factor can contribute. */
  weight: number;
  /** Points it contributed (0..weight), rounded to 2 decimals. */
  contribution: number;
  /** One short sentence for people: e.g. "GOLD customer", "order value 48,200.00", "SLA breached by 50%". */
  explanation: string;
}

/** A case's priority: the score work queues sort by, and the factors that make it up. */
export interface Priority {
  /** 0..100, an integer: the rounded sum of the contributions. */
  score: number;
  /** Always all five factors, in the order of PriorityFactorName above. */
  factors: PriorityFactor[];
}

/** The maximum points of each factor; they sum to 100 so a score reads as a percentage of "most urgent". */
export interface PriorityWeights {
  tier: number;
  orderValue: number;
  marginAtRisk: number;
  dateRisk: number;
  slaTimeLeft: number;
}

/**
 * The version of the curves and weights below. It is recorded on the audit trail with every
 * score, so a change to either must come with a new version.
 */
export const PRIORITY_MODEL = 'priority/1';

/**
 * The default weighting: a threatened promise date weighs most (a missed delivery is the
 * complaint customers remember), then customer tier, order value and SLA pressure; margin
 * at risk least, since its money is usually recoverable by a credit note or a re-price.
 */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  tier: 20,
  orderValue: 20,
  marginAtRisk: 15,
  dateRisk: 25,
  slaTimeLeft: 20,
};

/** Points (0..1) of each customer tier; an unknown or unrecognised tier counts as BRONZE. */
const TIER_POINTS: Readonly<Record<CustomerTier, number>> = {
  PLATINUM: 1,
  GOLD: 0.75,
  SILVER: 0.5,
  BRONZE: 0.25,
};
const UNKNOWN_TIER_POINTS = 0.25;

/** The order value, in the order currency, from which ORDER_VALUE gives its full weight. */
const ORDER_VALUE_SATURATION = 100_000;
/** The margin at risk, in the order currency, from which MARGIN_AT_RISK gives its full weight. */
const MARGIN_AT_RISK_SATURATION = 10_000;
/** Days before the requested date from which a threatened date keeps only its floor points. */
const DATE_RISK_HORIZON_DAYS = 14;
/** Points of a threatened date at or beyond the horizon: a known threat never scores nothing. */
const DATE_RISK_FLOOR = 0.2;

/** The margin share assumed for a line whose price check reported no margin. */
const DEFAULT_MARGIN_PCT = 20;

/** How far the weights may sum from 100 before they are refused (room for decimal weights). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * The priority of a case, 0..100, with the part each factor played in it.
 *
 * Each factor maps its input to points in 0..1 by a monotonic, saturating curve (below), and
 * contributes weight × points, rounded to 2 decimals. The score is the sum of the rounded
 * contributions rounded to an integer, half up, so the factors people see always add up to it.
 *
 * - CUSTOMER_TIER: PLATINUM 1, GOLD 0.75, SILVER 0.5, BRONZE 0.25; an unknown customer (null)
 *   or a tier ordex does not know scores like BRONZE, 0.25. Tier names are matched ignoring case
 *   and surrounding spaces.
 * - ORDER_VALUE: log10(1 + value) / log10(1 + 100,000), capped at 1: 0 → 0, 99 → 0.4,
 *   9,999 → 0.8, 100,000 and above → 1. The log scale keeps one huge order from swamping the
 *   queue while still separating a 500 order from a 50,000 one.
 * - MARGIN_AT_RISK: the same curve saturating at 10,000: 0 → 0, 99 → 0.5, 10,000 and above → 1.
 * - DATE_RISK: 0 when no open exception threatens the requested date, however close it is.
 *   When threatened: 1 when the date is today or has passed, falling linearly by 0.8 / 14 a day
 *   to 0.2 at 14 days out, and 0.2 beyond.
 * - SLA_TIME_LEFT: 1 − share, kept to 0..1: a task just opened scores 0, one due now or breached
 *   scores 1. No task with an SLA (null) scores 0.
 *
 * Inputs outside their contract are read leniently rather than rejected, so one bad figure never
 * stops a queue from sorting: negative or non-finite money counts as 0, non-finite days as today,
 * a non-finite SLA share as no SLA. A factor's `input` is the value as scored: tier as its points,
 * money after that reading, and 1 ("nothing used yet") for a case without an SLA.
 *
 * @throws RangeError when a weight is negative or not finite, or the weights do not sum to 100:
 *   a misconfigured weighting must fail loudly, not produce scores outside 0..100.
 */
export function casePriority(
  inputs: PriorityInputs,
  weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS,
): Priority {
  assertWeights(weights);
  const factors: PriorityFactor[] = [
    tierFactor(inputs.tier, weights.tier),
    orderValueFactor(inputs.orderValue, weights.orderValue),
    marginAtRiskFactor(inputs.marginAtRisk, weights.marginAtRisk),
    dateRiskFactor(inputs.daysToRequestedDate, inputs.dateThreatened, weights.dateRisk),
    slaFactor(inputs.slaShareLeft, weights.slaTimeLeft),
  ];
  const totalCents = factors.reduce((sum, factor) => sum + Math.round(factor.contribution * 100), 0);
  return { score: Math.round(totalCents / 100), factors };
}

/**
 * The margin, in the order currency, that a case's open exceptions put at risk. Only the
 * exceptions passed in count: the caller passes the open ones.
 *
 * A line's margin is unitPrice × quantity × marginPct / 100, with marginPct from the line's
 * price check and 20 % when the check reported none; a line that already sells at a loss (or has
 * a non-positive price or quantity) has no margin to lose, 0.
 *
 * What each exception risks:
 * - STOCK_SHORTAGE on a line: that line's margin (the sale may be lost).
 * - PRICE_MISMATCH on a line: max(0, (facts.contractPrice − facts.unitPrice) × the line's
 *   quantity), the revenue lost by billing under the contract; 0 when the contract price is null
 *   (no contract: nothing to under-bill against) and when the line is over the contract price. A
 *   missing facts.unitPrice falls back to the line's unit price.
 * - CREDIT_HOLD and SHIPMENT_CONSTRAINT: every line's margin, since a held or unshippable order
 *   risks all of it. They are raised on the order header; a line number on one changes nothing.
 * - Every other category (MASTER_DATA, ROUTING_RULE, ERP_SYNC) puts no margin at risk of its own.
 * A line exception whose line is not among `lines` (or that has no line) risks 0: its quantity
 * and price are unknown.
 *
 * No line is counted twice: each line risks the largest figure any exception gives it, a header
 * exception's line margin included (it replaces the line's own figures when larger), and the
 * result is the sum over lines, rounded to cents.
 */
export function marginAtRisk(
  lines: { lineNo: number; quantity: number; unitPrice: number; marginPct: number | null }[],
  openExceptions: { category: string; lineNo: number | null; facts: Record<string, unknown> }[],
): number {
  const linesByNo = new Map(lines.map((line) => [line.lineNo, line]));
  const wholeOrderAtRisk = openExceptions.some((exception) => WHOLE_ORDER_CATEGORIES.has(exception.category));

  const riskByLine = new Map<number, number>();
  for (const exception of openExceptions) {
    const line = exception.lineNo === null ? undefined : linesByNo.get(exception.lineNo);
    if (line === undefined) continue;
    const risk = lineRisk(exception, line);
    riskByLine.set(line.lineNo, Math.max(riskByLine.get(line.lineNo) ?? 0, risk));
  }

  let total = 0;
  for (const line of linesByNo.values()) {
    const ownRisk = riskByLine.get(line.lineNo) ?? 0;
    total += wholeOrderAtRisk ? Math.max(ownRisk, lineMargin(line)) : ownRisk;
  }
  return roundTo(total, 2);
}

/** Categories that stop the whole order (release or shipment), so every line's margin is at risk. */
const WHOLE_ORDER_CATEGORIES: ReadonlySet<string> = new Set([
  ExceptionCategory.CREDIT_HOLD,
  ExceptionCategory.SHIPMENT_CONSTRAINT,
]);

type MarginLine = Parameters<typeof marginAtRisk>[0][number];
type MarginException = Parameters<typeof marginAtRisk>[1][number];

/** What one line exception puts at risk on its own line (see marginAtRisk). */
function lineRisk(exception: MarginException, line: MarginLine): number {
  switch (exception.category) {
    case ExceptionCategory.STOCK_SHORTAGE:
      return lineMargin(line);
    case ExceptionCategory.PRICE_MISMATCH: {
      const contractPrice = numberFact(exception.facts, 'contractPrice');
      if (contractPrice === null) return 0;
      const unitPrice = numberFact(exception.facts, 'unitPrice') ?? line.unitPrice;
      return Math.max(0, (contractPrice - unitPrice) * line.quantity);
    }
    default:
      return 0;
  }
}

/** A line's margin in money: price × quantity × margin share (20 % when unknown), never negative. */
function lineMargin(line: MarginLine): number {
  if (!(line.unitPrice > 0 && line.quantity > 0)) return 0;
  const margin = (line.unitPrice * line.quantity * (line.marginPct ?? DEFAULT_MARGIN_PCT)) / 100;
  return Number.isFinite(margin) ? Math.max(0, margin) : 0;
}

/** A fact that is a finite number, or null (absent, null, or not a number). */
function numberFact(facts: Record<string, unknown>, key: string): number | null {
  const value = facts[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function tierFactor(tier: string | null, weight: number): PriorityFactor {
  const name = tier?.trim().toUpperCase() ?? null;
  const known = name !== null && Object.hasOwn(TIER_POINTS, name);
  const points = known ? TIER_POINTS[name as CustomerTier] : UNKNOWN_TIER_POINTS;
  const explanation =
    tier === null
      ? 'customer unknown'
      : known
        ? `${name} customer`
        : `tier "${tier}" not recognised, scored as unknown`;
  return factor('CUSTOMER_TIER', points, weight, points, explanation);
}

function orderValueFactor(orderValue: number, weight: number): PriorityFactor {
  const value = nonNegativeMoney(orderValue);
  const points = logPoints(value, ORDER_VALUE_SATURATION);
  return factor('ORDER_VALUE', value, weight, points, `order value ${formatMoney(value)}`);
}

function marginAtRiskFactor(margin: number, weight: number): PriorityFactor {
  const value = nonNegativeMoney(margin);
  const points = logPoints(value, MARGIN_AT_RISK_SATURATION);
  const explanation = value === 0 ? 'no margin at risk' : `margin at risk ${formatMoney(value)}`;
  return factor('MARGIN_AT_RISK', value, weight, points, explanation);
}

function dateRiskFactor(daysToRequestedDate: number, threatened: boolean, weight: number): PriorityFactor {
  const days = Number.isFinite(daysToRequestedDate) ? daysToRequestedDate : 0;
  if (!threatened) return factor('DATE_RISK', days, weight, 0, 'requested date not threatened');
  const points =
    days <= 0
      ? 1
      : days >= DATE_RISK_HORIZON_DAYS
        ? DATE_RISK_FLOOR
        : 1 - ((1 - DATE_RISK_FLOOR) * days) / DATE_RISK_HORIZON_DAYS;
  const explanation =
    days < 0
      ? `requested date passed ${dayCount(-days)} ago`
      : days === 0
        ? 'requested date is today and threatened'
        : `requested date in ${dayCount(days)} is threatened`;
  return factor('DATE_RISK', days, weight, points, explanation);
}

function slaFactor(slaShareLeft: number | null, weight: number): PriorityFactor {
  if (slaShareLeft === null || !Number.isFinite(slaShareLeft)) {
    return factor('SLA_TIME_LEFT', 1, weight, 0, 'no task with an SLA');
  }
  const points = clamp01(1 - slaShareLeft);
  const share = percent(Math.abs(slaShareLeft));
  const explanation =
    slaShareLeft < 0
      ? `SLA breached by ${share}`
      : slaShareLeft === 0
        ? 'SLA due now'
        : `${share} of the SLA left`;
  return factor('SLA_TIME_LEFT', slaShareLeft, weight, points, explanation);
}

function factor(
  name: PriorityFactorName,
  input: number,
  weight: number,
  points: number,
  explanation: string,
): PriorityFactor {
  return { factor: name, input, weight, contribution: roundTo(weight * points, 2), explanation };
}

/** log10(1 + value) / log10(1 + saturation), capped at 1: 0 at 0, 1 from the saturation on. */
function logPoints(value: number, saturation: number): number {
  return Math.min(1, Math.log10(1 + value) / Math.log10(1 + saturation));
}

function assertWeights(weights: PriorityWeights): void {
  const values = [
    weights.tier,
    weights.orderValue,
    weights.marginAtRisk,
    weights.dateRisk,
    weights.slaTimeLeft,
  ];
  if (values.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    throw new RangeError(`priority weights must be finite and not negative: ${JSON.stringify(weights)}`);
  }
  const sum = values.reduce((total, weight) => total + weight, 0);
  if (Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) {
    throw new RangeError(`priority weights must sum to 100, not ${sum}: ${JSON.stringify(weights)}`);
  }
}

function nonNegativeMoney(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function roundTo(value: number, decimals: number): number {
  const factorOfTen = 10 ** decimals;
  return Math.round(value * factorOfTen) / factorOfTen;
}

/** "48,200.00": two decimals and comma thousands, the same whatever the server's locale. */
function formatMoney(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** "1 day", "3 days", "1.5 days". */
function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** A share as a whole percentage; "under 1%" for a share that would otherwise read as 0%. */
function percent(share: number): string {
  const rounded = Math.round(share * 100);
  return rounded === 0 ? 'under 1%' : `${rounded}%`;
}
