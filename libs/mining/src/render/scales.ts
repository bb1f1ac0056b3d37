/**
 * Axis ticks for ordex's SVG charts, written by hand because d3 ships as ES modules only and
 * ordex builds CommonJS. Value ticks use round steps (1, 2 or 5 times a power of ten); time
 * ticks fall on calendar boundaries in UTC, so a chart reads the same on every server.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The round step (1, 2 or 5 × 10ⁿ) that cuts `span` into about `count` parts: the raw step
 * span / count moves to whichever of 1, 2, 5, 10 is nearest on a log scale.
 */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const factor = ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1;
  return factor * power;
}

/** How many decimals a multiple of `step` needs to print exactly (0.2 → 1, 0.05 → 2, 20 → 0). */
export function stepDecimals(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/**
 * Axis ticks over [min, max]: multiples of a {@link niceStep} for about `count` intervals, the
 * first at or below `min` and the last at or above `max`, so the axis always holds the data
 * (0…97 gives 0, 20, …, 100). A single value is widened by a tenth of itself either way (0
 * becomes 0…1). Ticks are rounded to the step's decimals, so no 0.30000000000000004.
 * Empty when either bound is not finite.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    if (low === 0) high = 1;
    else {
      const pad = Math.abs(low) / 10;
      low -= pad;
      high += pad;
    }
  }
  const step = niceStep(high - low, count);
  const decimals = stepDecimals(step);
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) {
    const tick = Number((i * step).toFixed(decimals));
    ticks.push(tick === 0 ? 0 : tick);
  }
  return ticks;
}

/** One tick on a time axis: when (ms since the epoch) and what it reads. */
export interface TimeTick {
  at: number;
  label: string;
}

type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** The calendar intervals a time axis may step by, finest first, with their rough length. */
const TIME_INTERVALS: { unit: TimeUnit; step: number; approxMs: number }[] = [
  ...[1, 5, 15, 30].map((step) => ({ unit: 'minute' as const, step, approxMs: step * 60_000 })),
  ...[1, 3, 6, 12].map((step) => ({ unit: 'hour' as const, step, approxMs: step * 3_600_000 })),
  ...[1, 2].map((step) => ({ unit: 'day' as const, step, approxMs: step * DAY_MS })),
  { unit: 'week', step: 1, approxMs: 7 * DAY_MS },
  ...[1, 3, 6].map((step) => ({ unit: 'month' as const, step, approxMs: step * 30 * DAY_MS })),
  ...[1, 2, 5, 10, 25, 50, 100, 250, 500, 1000].map((step) => ({
    unit: 'year' as const,
    step,
    approxMs: step * 365 * DAY_MS,
  })),
];

/**
 * Ticks for a time axis from `start` to `end` (ms since the epoch), at most `maxTicks`, on the
 * finest calendar interval that fits: 1, 5, 15 or 30 minutes; 1, 3, 6 or 12 hours; 1 or 2 days
 * (days counted from the epoch); weeks (Mondays); 1, 3 or 6 months (quarters and halves start
 * in January and July); or whole years (multiples of 1, 2, 5, 10, …). All in UTC.
 *
 * Labels: `06:00` within a day (the date, `Nov 27`, at midnight); `Nov 27` for days and weeks;
 * `Nov` for months, with the year on the first tick and on every January (`Jan 2027`); `2027`
 * for years. Empty when the range is not finite or runs backwards.
 */
export function timeTicks(start: number, end: number, maxTicks = 6): TimeTick[] {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return [];
  const limit = Math.max(1, Math.floor(maxTicks));
  for (const interval of TIME_INTERVALS) {
    if ((end - start) / interval.approxMs > limit) continue;
    const ticks = tickTimes(interval.unit, interval.step, start, end, limit);
    if (ticks.length <= limit) return ticks.map((at, i) => ({ at, label: timeLabel(interval.unit, at, i) }));
  }
  return [];
}

/** The interval's boundaries within [start, end]; stops early once more than `limit` are found. */
function tickTimes(unit: TimeUnit, step: number, start: number, end: number, limit: number): number[] {
  const ticks: number[] = [];
  if (unit === 'month' || unit === 'year') {
    const date = new Date(start);
    const months = unit === 'month' ? step : step * 12;
    let index = Math.ceil((date.getUTCFullYear() * 12 + date.getUTCMonth()) / months) * months;
    for (; ticks.length <= limit; index += months) {
      const at = Date.UTC(Math.floor(index / 12), index % 12, 1);
      if (at > end) break;
      if (at >= start) ticks.push(at);
    }
    return ticks;
  }
  const size =
    unit === 'minute'
      ? step * 60_000
      : unit === 'hour'
        ? step * 3_600_000
        : unit === 'day'
          ? step * DAY_MS
          : 7 * DAY_MS;
  // 1970-01-01 was a Thursday: weeks start four days later, on Mondays.
  const offset = unit === 'week' ? 4 * DAY_MS : 0;
  for (
    let at = Math.ceil((start - offset) / size) * size + offset;
    at <= end && ticks.length <= limit;
    at += size
  ) {
    ticks.push(at);
  }
  return ticks;
}

function timeLabel(unit: TimeUnit, at: number, index: number): string {
  const date = new Date(at);
  const month = MONTHS[date.getUTCMonth()];
  const day = `${month} ${date.getUTCDate()}`;
  switch (unit) {
    case 'minute':
    case 'hour':
      return at % DAY_MS === 0 ? day : `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
    case 'day':
    case 'week':
      return day;
    case 'month':
      return index === 0 || date.getUTCMonth() === 0 ? `${month} ${date.getUTCFullYear()}` : month;
    case 'year':
      return String(date.getUTCFullYear());
  }
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
