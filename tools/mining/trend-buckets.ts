import type { CaseEventLog, TrendSeries } from '@ordex/mining';

/** The calendar period a trend counts cases by, in UTC; a week starts on Monday (ISO 8601). */
export type TrendGrain = 'day' | 'week' | 'month';

export const TREND_GRAINS: readonly TrendGrain[] = ['day', 'week', 'month'];

/** One calendar period of a trend and the cases that started and completed in it. */
export interface TrendBucket {
  /** The period's first instant: midnight UTC of its day, its Monday or the 1st of its month, in ms. */
  start: number;
  /** Cases whose earliest timestamped event falls in the period. */
  started: number;
  /** Cases whose latest timestamped event falls in the period. */
  completed: number;
}

/** Cases started and completed per period, every period from the first to the last, in order. */
export interface CaseTrend {
  grain: TrendGrain;
  buckets: TrendBucket[];
}

const DAY_MS = 86_400_000;
/** Up to this span a log is counted per day: about two months of daily points. */
const DAY_GRAIN_MAX_MS = 62 * DAY_MS;
/** Up to this many calendar years a log is counted per week, longer ones per month. */
const WEEK_GRAIN_MAX_YEARS = 2;

/**
 * The grain that keeps a trend of the span first…last (ms) readable: day up to 62 days, ISO week
 * up to two calendar years (the same instant two years on), month beyond.
 */
export function grainForSpan(first: number, last: number): TrendGrain {
  if (last - first <= DAY_GRAIN_MAX_MS) return 'day';
  const limit = new Date(first);
  limit.setUTCFullYear(limit.getUTCFullYear() + WEEK_GRAIN_MAX_YEARS);
  return last <= limit.getTime() ? 'week' : 'month';
}

/** The first instant (ms, UTC) of the period of `grain` that holds `at`. */
export function bucketStart(at: number, grain: TrendGrain): number {
  const day = Math.floor(at / DAY_MS) * DAY_MS;
  if (grain === 'day') return day;
  const date = new Date(day);
  if (grain === 'week') return day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The first instant of the period after the one starting at `start`. */
function nextBucketStart(start: number, grain: TrendGrain): number {
  if (grain === 'day') return start + DAY_MS;
  if (grain === 'week') return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * How many cases of the log started and completed in each calendar period (UTC), for the trend
 * chart of `npm run mine -- --trend-svg`. A case starts at its earliest and completes at its
 * latest timestamped event; events without a timestamp are skipped, and a case with none is in
 * neither count. The periods run without a gap from the first case's start to the last case's
 * completion, a period without cases counting 0, so the chart's lines do not bridge idle periods.
 * The grain is `grain` when given (not null), else {@link grainForSpan} of the log's timestamps. A log
 * without timestamps has no periods (and the grain day, when not given).
 */
export function caseTrend(log: CaseEventLog, grain: TrendGrain | null = null): CaseTrend {
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (let c = 0; c < log.caseIds.length; c++) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
      const at = log.time[e];
      if (Number.isNaN(at)) continue;
      if (at < first) first = at;
      if (at > last) last = at;
    }
    if (first > last) continue;
    firsts.push(first);
    lasts.push(last);
  }
  if (!firsts.length) return { grain: grain ?? 'day', buckets: [] };

  const from = firsts.reduce((a, b) => Math.min(a, b));
  const to = lasts.reduce((a, b) => Math.max(a, b));
  const chosen = grain ?? grainForSpan(from, to);
  const buckets: TrendBucket[] = [];
  const indexOf = new Map<number, number>();
  for (let start = bucketStart(from, chosen); start <= to; start = nextBucketStart(start, chosen)) {
    indexOf.set(start, buckets.length);
    buckets.push({ start, started: 0, completed: 0 });
  }
  for (let i = 0; i < firsts.length; i++) {
    buckets[indexOf.get(bucketStart(firsts[i], chosen)) as number].started++;
    buckets[indexOf.get(bucketStart(lasts[i], chosen)) as number].completed++;
  }
  return { grain: chosen, buckets };
}

/** The trend as the two lines `renderTrendSvg` draws: cases started and cases completed per period. */
export function caseTrendSeries(trend: CaseTrend): TrendSeries[] {
  return [
    { name: 'cases started', points: trend.buckets.map((b) => ({ at: b.start, value: b.started })) },
    { name: 'cases completed', points: trend.buckets.map((b) => ({ at: b.start, value: b.completed })) },
  ];
}
