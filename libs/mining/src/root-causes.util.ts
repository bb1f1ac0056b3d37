import cdf from '@stdlib/stats-base-dists-hypergeometric-cdf';
import { DateTime } from 'luxon';

/**
 * One unit of observation for root-cause mining, typically an order: when it happened, the
 * dimensions it can be sliced by, and the exception categories raised on it.
 */
export interface ObservationUnit {
  /** When it happened (ms since epoch). */
  at: number;
  /**
   * Dimension values, e.g. { segment: 'REGIONAL', tier: 'GOLD', dc: 'DC-BER', family: ['FAM-01','FAM-07'] };
   * a set-valued dimension puts the unit in the slice of each of its values; null/absent = not in any
   * slice of that dimension.
   */
  dims: Readonly<Record<string, string | readonly string[] | null | undefined>>;
  /** Exception categories observed on it (duplicates count once). */
  categories: readonly string[];
}

/** One `dim = value` condition of a slice. */
export interface SliceCondition {
  dim: string;
  value: string;
}

/**
 * A slice of the units where an exception category is over-represented, with the counts behind
 * it and the one-sided Fisher exact test that says it is not chance.
 */
export interface SliceFinding {
  category: string;
  /** One or two conditions, ordered by dimension name; a unit is in the slice when it meets all. */
  slice: SliceCondition[];
  /** n: units in the slice. */
  units: number;
  /** k: units in the slice with the category. */
  count: number;
  /** k / N: share of all units that are in the slice and have the category. */
  support: number;
  /** k / n: the category's rate inside the slice. */
  confidence: number;
  /** confidence / baseline: how many times the overall rate the slice runs at. */
  lift: number;
  /** One-sided Fisher exact p-value, P(X ≥ k) for X ~ Hypergeometric(N, K, n). */
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value over every slice tested for the category. */
  adjustedPValue: number;
  /** K / N: the category's rate over all units. */
  baseline: number;
}

/** Thresholds of {@link overRepresentedSlices}; every field is optional. */
export interface SliceMiningOptions {
  /** Slices with fewer units are not tested at all (default 20). */
  minSliceUnits?: number;
  /** Findings need at least this many units with the category in the slice (default 5). */
  minCount?: number;
  /** Findings need at least this lift (default 1.2). */
  minLift?: number;
  /** Findings need an adjusted p-value at or below this (default 0.01). */
  alpha?: number;
  /** 1: single `dim = value` slices only; 2 (default): also pairs of conditions on distinct dims. */
  maxDimensionsPerSlice?: 1 | 2;
  /**
   * A pair is kept only when its lift is at least this many times each parent's lift and the lift
   * of any reported single slice holding nine in ten of its cases (default 1.25; 0 keeps every
   * pair).
   */
  pairLiftGain?: number;
  /**
   * When set, every unit also gets the `period` and `weekday` dimensions of {@link timeDimensions}
   * for its `at` in this IANA zone (replacing dims of the same name), so month-end and weekday
   * patterns are mined like any other dimension.
   */
  timeZone?: string;
}

/** The thresholds {@link overRepresentedSlices} applies when the caller does not say. */
const DEFAULTS = {
  minSliceUnits: 20,
  minCount: 5,
  minLift: 1.2,
  alpha: 0.01,
  maxDimensionsPerSlice: 2,
  pairLiftGain: 1.25,
} as const;

/**
 * Pair slices are keyed by `lo · PAIR_KEY_BASE + hi` (indexes of their two conditions, lo < hi),
 * an exact integer for up to 2^26 distinct `dim = value` conditions.
 */
const PAIR_KEY_BASE = 2 ** 26;

/**
 * A pair is explained by a reported single slice that holds at least this share of the pair's
 * cases, as tenths so that counts compare exactly: nine in ten.
 */
const EXPLAINED_CASES_TENTHS = 9;

/**
 * Where each exception category comes from: every `dim = value` slice (and, by default, every
 * pair of conditions on two distinct dimensions) in which the category's rate is significantly
 * above its overall rate.
 *
 * Counting is one pass over the units with Map-indexed slice counters. A set-valued dimension
 * puts a unit in the slice of each distinct value (never in a pair of two values of the same
 * dimension); a null or absent value puts it in no slice of that dimension. Categories repeated
 * on a unit count once.
 *
 * Significance is the one-sided Fisher exact test, P(X ≥ k) with X ~ Hypergeometric(N, K, n)
 * (see {@link fisherUpperTail}). For each category the tested family is every slice with at
 * least `minSliceUnits` units, a choice that does not look at the category's counts, so the
 * Benjamini–Hochberg adjustment over that family keeps its false-discovery guarantee; the other
 * thresholds (`minCount`, `minLift`, `alpha`, the pair rules) then only decide what is reported.
 * A pair is reported only when its lift is at least `pairLiftGain` times the lift of each of its
 * two single-condition parents; otherwise it merely restates a parent. It is also dropped when a
 * reported single slice S of the same category, on any dimension, holds at least nine in ten of
 * the pair's cases (units with the category) while the pair's lift is below `pairLiftGain` times
 * S's: then the pair is S seen through two diluted dimensions, e.g. `region = NORTH and tier =
 * GOLD` when the only GOLD customer in the north is a REGIONAL one and the cause is the REGIONAL
 * segment. The share is taken over cases rather than units because cases are what the owner
 * follows up: a pair whose cases S already names tells them nothing new, whatever else it holds.
 * A pair clearly hotter than S (a cause inside S) or with a tenth of its cases outside S stays.
 *
 * Findings come grouped by category (by name), then by adjusted p-value ascending, lift
 * descending, and slice (condition by condition, dimension then value; a single before its
 * pairs). Names compare by UTF-16 code units, so the order is the same on every machine and for
 * any input order.
 */
export function overRepresentedSlices(
  units: readonly ObservationUnit[],
  options: SliceMiningOptions = {},
): SliceFinding[] {
  const settings = resolveOptions(options);
  const table = countSlices(units, settings.maxDimensionsPerSlice === 2, settings.timeZone);
  const tested: number[] = [];
  for (let s = 0; s < table.units.length; s++) if (table.units[s] >= settings.minSliceUnits) tested.push(s);
  const findings: SliceFinding[] = [];
  for (let c = 0; c < table.categories.length; c++) {
    const reported = withoutExplainedPairs(
      table,
      c,
      findingsOf(table, c, tested, settings),
      settings.pairLiftGain,
    );
    for (const { finding } of reported) findings.push(finding);
  }
  return findings.sort(
    (a, b) =>
      compare(a.category, b.category) ||
      a.adjustedPValue - b.adjustedPValue ||
      b.lift - a.lift ||
      compareSlices(a.slice, b.slice),
  );
}

/**
 * One-sided Fisher exact p-value of a 2×2 table: the probability of drawing at least `k`
 * successes in `n` draws without replacement from `N` units of which `K` are successes, i.e.
 * P(X ≥ k) = 1 − cdf(k − 1, N, K, n).
 *
 * Subtracting from 1 loses every digit once the tail is tiny (strong findings would all read
 * 0), so when k is above the mean the tail is instead summed directly as a lower tail of a
 * mirrored hypergeometric: P(n − X ≤ n − k) with n − X ~ Hypergeometric(N, N − K, n), or
 * P(K − X ≤ K − k) with K − X ~ Hypergeometric(N, K, N − n), whichever has fewer terms. At or
 * below the mean the tail is about ½ or more, so there the plain complement is exact enough and
 * is used whenever it sums the fewest terms. The result is clamped into [0, 1]; it underflows to
 * 0 below about 1e-308.
 */
export function fisherUpperTail(k: number, N: number, K: number, n: number): number {
  if (![k, N, K, n].every(Number.isInteger) || N < 0 || K < 0 || n < 0 || K > N || n > N) {
    throw new RangeError(`fisherUpperTail needs integers 0 ≤ K, n ≤ N (got k=${k}, N=${N}, K=${K}, n=${n})`);
  }
  let p: number;
  if (k <= 0) p = 1;
  else if (k * N <= n * K && k <= Math.min(n, K) - k) p = 1 - cdf(k - 1, N, K, n);
  else if (n <= K) p = cdf(n - k, N, N - K, n);
  else p = cdf(K - k, N, K, N - n);
  return Math.min(1, Math.max(0, p));
}

/**
 * Benjamini–Hochberg adjusted p-values, in input order: with the m p-values sorted ascending,
 * the adjusted value of the r-th is min over r' ≥ r of p(r') · m / r', capped at 1. Rejecting
 * every hypothesis whose adjusted value is ≤ α controls the false discovery rate at α for
 * independent or positively dependent tests (overlapping slices are the latter). Tied p-values
 * get the same adjusted value.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  if (pValues.some((p) => !(p >= 0 && p <= 1))) throw new RangeError('p-values must lie in [0, 1]');
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let r = m; r >= 1; r--) {
    running = Math.min(running, (pValues[order[r - 1]] * m) / r);
    adjusted[order[r - 1]] = running;
  }
  return adjusted;
}

/** Whether a date falls in the month-end rush or the rest of its month. */
export type MonthPeriod = 'month-end' | 'rest-of-month';

/** Short English weekday names, Monday first as in ISO 8601. */
export type WeekdayName = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

/** Time of an observation as slice dimensions, see {@link timeDimensions}. */
export interface TimeDimensions {
  period: MonthPeriod;
  weekday: WeekdayName;
}

const WEEKDAY_NAMES: readonly WeekdayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** How many working days {@link monthEndWindow} counts as month-end unless told otherwise. */
const DEFAULT_MONTH_END_WORKING_DAYS = 3;

/**
 * True when the instant's local date in `timeZone` (IANA, default UTC) is one of the last
 * `workingDays` Monday–Friday days of its month: the days distributors' customers rush orders
 * in before closing their books. Weekends are never in the window; public holidays are not
 * considered. `workingDays` 0 gives false for every date.
 */
export function monthEndWindow(
  atMs: number,
  workingDays: number = DEFAULT_MONTH_END_WORKING_DAYS,
  timeZone = 'UTC',
): boolean {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a non-negative integer (got ${workingDays})`);
  }
  return inMonthEndWindow(localDate(atMs, timeZone), workingDays);
}

/**
 * The time of an observation as two slice dimensions in `timeZone` (IANA, default UTC):
 * `period` ('month-end' for the last `workingDays` working days of the month, see
 * {@link monthEndWindow}, else 'rest-of-month') and `weekday` ('Mon' … 'Sun'), so time patterns
 * are tested like any other dimension.
 */
export function timeDimensions(
  atMs: number,
  timeZone = 'UTC',
  workingDays: number = DEFAULT_MONTH_END_WORKING_DAYS,
): TimeDimensions {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a non-negative integer (got ${workingDays})`);
  }
  const date = localDate(atMs, timeZone);
  return {
    period: inMonthEndWindow(date, workingDays) ? 'month-end' : 'rest-of-month',
    weekday: WEEKDAY_NAMES[date.weekday - 1],
  };
}

/** Whether fewer than `workingDays` Monday–Friday days follow a working day in its month. */
function inMonthEndWindow(date: DateTime<true>, workingDays: number): boolean {
  if (date.weekday > 5) return false;
  let laterWorkingDays = 0;
  for (let day = date.day + 1; day <= date.daysInMonth; day++) {
    if ((date.weekday - 1 + day - date.day) % 7 < 5) laterWorkingDays++;
  }
  return laterWorkingDays < workingDays;
}

const HOUR_MS = 3_600_000;

/**
 * {@link timeDimensions} memoised per UTC hour, since a zone lookup costs microseconds and logs
 * hold many orders per hour. An hour whose first and last millisecond agree has one local date
 * throughout (a local date changes at most once an hour), so its answer is shared; an hour in
 * which local midnight falls (zones with a half-hour offset) is computed unit by unit.
 */
function hourlyTimeDimensions(timeZone: string): (atMs: number) => TimeDimensions {
  const byHour = new Map<number, TimeDimensions | null>();
  return (atMs) => {
    const hour = Math.floor(atMs / HOUR_MS);
    let shared = byHour.get(hour);
    if (shared === undefined) {
      const first = timeDimensions(hour * HOUR_MS, timeZone);
      const last = timeDimensions(hour * HOUR_MS + HOUR_MS - 1, timeZone);
      shared = first.period === last.period && first.weekday === last.weekday ? first : null;
      byHour.set(hour, shared);
    }
    return shared ?? timeDimensions(atMs, timeZone);
  };
}

/** A significant slice addressed to the upstream team that can remove its cause. */
export interface RootCauseFinding {
  category: string;
  owner: string;
  slice: SliceCondition[];
  support: number;
  lift: number;
  pValue: number;
  adjustedPValue: number;
  units: number;
  count: number;
  baseline: number;
  /** One plain sentence for the owner, see {@link rootCauseFindings}. */
  summary: string;
}

/** Who fixes the source of each category in ordex's exception taxonomy. */
export const DEFAULT_FINDING_OWNERS: Readonly<Record<string, string>> = Object.freeze({
  STOCK_SHORTAGE: 'replenishment',
  PRICE_MISMATCH: 'contracts',
  CREDIT_HOLD: 'finance workflow',
  MASTER_DATA: 'master data',
  SHIPMENT_CONSTRAINT: 'transport planning',
  ROUTING_RULE: 'customer master (routing rules)',
  ERP_SYNC: 'ERP integration',
});

/** The owner of a category none of the owners map claims. */
const FALLBACK_OWNER = 'operations';

/** Wording of {@link rootCauseFindings}; every field is optional. */
export interface RootCauseOptions {
  /** What a unit is, plural, in the summary (default 'orders'). */
  unitLabel?: string;
}

/**
 * Turns slice findings into root-cause findings for the team upstream of the exceptions:
 * `owners` maps a category to its owner (see {@link DEFAULT_FINDING_OWNERS}), anything else goes
 * to 'operations'. Order is kept. The summary reads e.g.
 * `PRICE_MISMATCH on 34% of orders where segment = REGIONAL (68 of 200) against 8% overall:
 * 4.3× the rate (p < 0.001)`; its p is the Benjamini–Hochberg adjusted one, the value the
 * findings were filtered on, shown as `p < 0.001` or to three decimals (`p = 0.004`).
 */
export function rootCauseFindings(
  findings: readonly SliceFinding[],
  owners: Readonly<Record<string, string>>,
  options: RootCauseOptions = {},
): RootCauseFinding[] {
  const unitLabel = options.unitLabel ?? 'orders';
  return findings.map((finding) => ({
    category: finding.category,
    owner: Object.prototype.hasOwnProperty.call(owners, finding.category)
      ? owners[finding.category]
      : FALLBACK_OWNER,
    slice: finding.slice.map(({ dim, value }) => ({ dim, value })),
    support: finding.support,
    lift: finding.lift,
    pValue: finding.pValue,
    adjustedPValue: finding.adjustedPValue,
    units: finding.units,
    count: finding.count,
    baseline: finding.baseline,
    summary: summarize(finding, unitLabel),
  }));
}

function summarize(finding: SliceFinding, unitLabel: string): string {
  const where = finding.slice.map(({ dim, value }) => `${dim} = ${value}`).join(' and ');
  return (
    `${finding.category} on ${percent(finding.confidence)} of ${unitLabel} where ${where} ` +
    `(${finding.count} of ${finding.units}) against ${percent(finding.baseline)} overall: ` +
    `${finding.lift.toFixed(1)}× the rate (${formatP(finding.adjustedPValue)})`
  );
}

/** Whole percent from 10%, one decimal from 1%, two below; trailing zeros dropped. */
function percent(rate: number): string {
  const value = rate * 100;
  const decimals = value >= 10 ? 0 : value >= 1 ? 1 : 2;
  return `${Number(value.toFixed(decimals))}%`;
}

function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

type ResolvedOptions = Required<Omit<SliceMiningOptions, 'timeZone'>> & { timeZone: string | null };

function resolveOptions(options: SliceMiningOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    minSliceUnits: options.minSliceUnits ?? DEFAULTS.minSliceUnits,
    minCount: options.minCount ?? DEFAULTS.minCount,
    minLift: options.minLift ?? DEFAULTS.minLift,
    alpha: options.alpha ?? DEFAULTS.alpha,
    maxDimensionsPerSlice: options.maxDimensionsPerSlice ?? DEFAULTS.maxDimensionsPerSlice,
    pairLiftGain: options.pairLiftGain ?? DEFAULTS.pairLiftGain,
    timeZone: options.timeZone ?? null,
  };
  const { minSliceUnits, minCount, minLift, alpha, maxDimensionsPerSlice, pairLiftGain } = resolved;
  if (!(minSliceUnits >= 0 && minCount >= 0 && minLift >= 0 && pairLiftGain >= 0)) {
    throw new RangeError('minSliceUnits, minCount, minLift and pairLiftGain must be non-negative numbers');
  }
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must lie in [0, 1] (got ${alpha})`);
  if (maxDimensionsPerSlice !== 1 && maxDimensionsPerSlice !== 2) {
    throw new RangeError(`maxDimensionsPerSlice must be 1 or 2 (got ${maxDimensionsPerSlice})`);
  }
  return resolved;
}

/**
 * Counts of one pass over the units. Slice s is a single `dim = value` condition (first[s] is
 * the condition's index, second[s] is −1) or a pair of conditions on distinct dims (first[s] and
 * second[s] are the slices of its two single-condition parents); units[s] is its n and
 * hits[c][s] its k for category c.
 */
interface SliceTable {
  total: number;
  categories: string[];
  /** K per category. */
  withCategory: number[];
  conditions: SliceCondition[];
  first: number[];
  second: number[];
  units: number[];
  hits: number[][];
  /**
   * The units with at least one category, as their category and condition indexes: the only
   * units an overlap of cases can count, kept so that it needs no second pass over the input.
   */
  cases: { categories: number[]; conditions: number[] }[];
}

function countSlices(units: readonly ObservationUnit[], pairs: boolean, timeZone: string | null): SliceTable {
  const table: SliceTable = {
    total: units.length,
    categories: [],
    withCategory: [],
    conditions: [],
    first: [],
    second: [],
    units: [],
    hits: [],
    cases: [],
  };
  const categoryIndex = new Map<string, number>();
  const conditionIndex = new Map<string, Map<string, number>>();
  /** Per condition: its single slice. */
  const sliceOfCondition: number[] = [];
  const pairIndex = new Map<number, number>();
  const addSlice = (first: number, second: number): number => {
    table.first.push(first);
    table.second.push(second);
    table.units.push(0);
    for (const hits of table.hits) hits.push(0);
    return table.units.length - 1;
  };
  const conditionOf = (dim: string, value: string): number => {
    let values = conditionIndex.get(dim);
    if (!values) conditionIndex.set(dim, (values = new Map()));
    let condition = values.get(value);
    if (condition === undefined) {
      condition = table.conditions.length;
      if (condition >= PAIR_KEY_BASE) throw new RangeError(`more than ${PAIR_KEY_BASE} dimension values`);
      table.conditions.push({ dim, value });
      sliceOfCondition.push(addSlice(condition, -1));
      values.set(value, condition);
    }
    return condition;
  };
  const timeOf = timeZone === null ? null : hourlyTimeDimensions(timeZone);
  const categories: number[] = [];
  const conditions: number[] = [];
  const slices: number[] = [];
  for (const unit of units) {
    categories.length = 0;
    for (const name of unit.categories) {
      let c = categoryIndex.get(name);
      if (c === undefined) {
        c = table.categories.length;
        categoryIndex.set(name, c);
        table.categories.push(name);
        table.withCategory.push(0);
        table.hits.push(new Array<number>(table.units.length).fill(0));
      }
      if (!categories.includes(c)) categories.push(c);
    }
    for (const c of categories) table.withCategory[c]++;

    conditions.length = 0;
    const { dims } = unit;
    for (const dim of Object.keys(dims)) {
      if (timeOf && (dim === 'period' || dim === 'weekday')) continue;
      const value = dims[dim];
      if (typeof value === 'string') conditions.push(conditionOf(dim, value));
      else if (Array.isArray(value)) {
        for (const item of value as readonly unknown[]) {
          if (typeof item !== 'string') continue;
          const condition = conditionOf(dim, item);
          if (!conditions.includes(condition)) conditions.push(condition);
        }
      }
    }
    if (timeOf) {
      const time = timeOf(unit.at);
      conditions.push(conditionOf('period', time.period), conditionOf('weekday', time.weekday));
    }
    slices.length = 0;
    for (const condition of conditions) slices.push(sliceOfCondition[condition]);
    if (pairs) {
      for (let i = 0; i < conditions.length; i++) {
        for (let j = i + 1; j < conditions.length; j++) {
          const lo = Math.min(conditions[i], conditions[j]);
          const hi = Math.max(conditions[i], conditions[j]);
          if (table.conditions[lo].dim === table.conditions[hi].dim) continue;
          let s = pairIndex.get(lo * PAIR_KEY_BASE + hi);
          if (s === undefined) {
            s = addSlice(sliceOfCondition[lo], sliceOfCondition[hi]);
            pairIndex.set(lo * PAIR_KEY_BASE + hi, s);
          }
          slices.push(s);
        }
      }
    }
    for (const s of slices) {
      table.units[s]++;
      for (const c of categories) table.hits[c][s]++;
    }
    if (categories.length > 0) table.cases.push({ categories: [...categories], conditions: [...conditions] });
  }
  return table;
}

/** A finding with the slice of the table it was made on. */
interface Reported {
  slice: number;
  finding: SliceFinding;
}

/** The findings of one category over the tested slices, before explained pairs are dropped. */
function findingsOf(
  table: SliceTable,
  c: number,
  tested: readonly number[],
  settings: ResolvedOptions,
): Reported[] {
  const N = table.total;
  const K = table.withCategory[c];
  const hits = table.hits[c];
  const pValues = tested.map((s) => fisherUpperTail(hits[s], N, K, table.units[s]));
  const adjusted = benjaminiHochberg(pValues);
  const findings: Reported[] = [];
  tested.forEach((s, i) => {
    const n = table.units[s];
    const k = hits[s];
    if (k < settings.minCount || k * N < settings.minLift * n * K || adjusted[i] > settings.alpha) return;
    if (table.second[s] >= 0 && !outgrowsParents(table, hits, s, settings.pairLiftGain)) return;
    findings.push({
      slice: s,
      finding: {
        category: table.categories[c],
        slice: conditionsOf(table, s),
        units: n,
        count: k,
        support: k / N,
        confidence: k / n,
        lift: k / n / (K / N),
        pValue: pValues[i],
        adjustedPValue: adjusted[i],
        baseline: K / N,
      },
    });
  });
  return findings;
}

/**
 * Category c's findings without the pairs a reported single slice explains (see
 * {@link overRepresentedSlices}). Only singles the pair does not outrun by `gain` are rivals,
 * which leaves out the pair's own parents, since it outgrew them to be reported; a pair without
 * cases (reported only under permissive thresholds) has nothing to explain and is kept. The
 * cases the pair shares with each rival are counted in one pass over the units with the
 * category, each unit's conditions stamped with its index so membership is one lookup each.
 */
function withoutExplainedPairs(table: SliceTable, c: number, reported: Reported[], gain: number): Reported[] {
  const hits = table.hits[c];
  const singles = reported.filter(({ slice }) => table.second[slice] < 0).map(({ slice }) => slice);
  const checks = reported
    .filter(({ slice }) => table.second[slice] >= 0 && hits[slice] > 0)
    .map(({ slice: pair }) => ({
      pair,
      rivals: singles.filter(
        (single) => hits[pair] * table.units[single] < gain * table.units[pair] * hits[single],
      ),
    }))
    .filter(({ rivals }) => rivals.length > 0);
  if (checks.length === 0) return reported;
  const shared = checks.map(({ rivals }) => rivals.map(() => 0));
  const stamp = new Array<number>(table.conditions.length).fill(-1);
  const conditionOf = (single: number) => table.first[single];
  table.cases.forEach(({ categories, conditions }, u) => {
    if (!categories.includes(c)) return;
    for (const condition of conditions) stamp[condition] = u;
    checks.forEach(({ pair, rivals }, i) => {
      if (stamp[conditionOf(table.first[pair])] !== u || stamp[conditionOf(table.second[pair])] !== u) return;
      rivals.forEach((single, j) => {
        if (stamp[conditionOf(single)] === u) shared[i][j]++;
      });
    });
  });
  const explained = new Set(
    checks
      .filter(({ pair }, i) => shared[i].some((cases) => 10 * cases >= EXPLAINED_CASES_TENTHS * hits[pair]))
      .map(({ pair }) => pair),
  );
  return reported.filter(({ slice }) => !explained.has(slice));
}

/**
 * Whether pair s's lift is at least `gain` times each parent's. Lifts share the baseline, so
 * this compares rates as exact integer products: k·n_parent ≥ gain·n·k_parent.
 */
function outgrowsParents(table: SliceTable, hits: readonly number[], s: number, gain: number): boolean {
  return [table.first[s], table.second[s]].every(
    (parent) => hits[s] * table.units[parent] >= gain * table.units[s] * hits[parent],
  );
}

function conditionsOf(table: SliceTable, s: number): SliceCondition[] {
  const parts = table.second[s] < 0 ? [s] : [table.first[s], table.second[s]];
  return parts
    .map((single) => ({ ...table.conditions[table.first[single]] }))
    .sort((a, b) => compare(a.dim, b.dim));
}

function localDate(atMs: number, timeZone: string): DateTime<true> {
  const date = DateTime.fromMillis(atMs, { zone: timeZone });
  if (!date.isValid)
    throw new RangeError(`cannot place ${atMs} in time zone ${timeZone}: ${date.invalidReason}`);
  return date;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Condition by condition, dimension then value; a slice before its own extensions. */
function compareSlices(a: readonly SliceCondition[], b: readonly SliceCondition[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = compare(a[i].dim, b[i].dim) || compare(a[i].value, b[i].value);
    if (order) return order;
  }
  return a.length - b.length;
}
