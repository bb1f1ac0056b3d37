import { EventLogBuilder, type CaseEventLog } from '@ordex/mining';
import { bucketStart, caseTrend, caseTrendSeries, grainForSpan } from './trend-buckets';

const at = (iso: string) => Date.parse(iso);
const DAY_MS = 86_400_000;

/** A log from [case, activity, ISO time or null] rows, in the order given. */
function logOf(rows: [string, string, string | null][]): CaseEventLog {
  const builder = new EventLogBuilder();
  for (const [caseId, activity, time] of rows) builder.add(caseId, activity, time === null ? null : at(time));
  return builder.build();
}

/** The buckets with ISO starts, for readable expectations. */
const readable = (trend: ReturnType<typeof caseTrend>) => ({
  grain: trend.grain,
  buckets: trend.buckets.map((b) => [new Date(b.start).toISOString().slice(0, 10), b.started, b.completed]),
});

// January 2024 starts on a Monday: weeks begin on the 1st, 8th, 15th and 22nd.
const JANUARY = logOf([
  // Sunday 23:59:59 → Monday 00:00: starts in the week of the 1st, completes in the week of the 8th.
  ['A', 'Receive order', '2024-01-07T23:59:59.000Z'],
  ['A', 'Ship', '2024-01-08T00:00:00.000Z'],
  ['B', 'Receive order', '2024-01-01T00:00:00.000Z'],
  ['B', 'Ship', '2024-01-03T09:30:00.000Z'],
  ['C', 'Receive order', '2024-01-22T10:00:00.000Z'],
  // No timestamp at all: in neither count.
  ['D', 'Receive order', null],
  ['D', 'Ship', null],
  // One event without a time keeps the case in log order; its span is still 2nd → 10th.
  ['E', 'Invoice', '2024-01-10T08:00:00.000Z'],
  ['E', 'Receive order', null],
  ['E', 'Pick & Pack', '2024-01-02T12:00:00.000Z'],
]);

describe('caseTrend', () => {
  it('counts cases by ISO week from Monday, Sunday night in the week before, an idle week as 0', () => {
    expect(readable(caseTrend(JANUARY, 'week'))).toEqual({
      grain: 'week',
      buckets: [
        ['2024-01-01', 3, 1],
        ['2024-01-08', 0, 2],
        ['2024-01-15', 0, 0],
        ['2024-01-22', 1, 1],
      ],
    });
  });

  it('counts by day when the log spans at most 62 days, every day from the first to the last', () => {
    const trend = caseTrend(JANUARY);

    expect(trend.grain).toBe('day');
    expect(trend.buckets).toHaveLength(22);
    expect(trend.buckets.map((b) => b.start)).toEqual(
      Array.from({ length: 22 }, (_, i) => at('2024-01-01T00:00:00.000Z') + i * DAY_MS),
    );
    expect(readable(trend).buckets.filter(([, started, completed]) => started || completed)).toEqual([
      ['2024-01-01', 1, 0],
      ['2024-01-02', 1, 0],
      ['2024-01-03', 0, 1],
      ['2024-01-07', 1, 0],
      ['2024-01-08', 0, 1],
      ['2024-01-10', 0, 1],
      ['2024-01-22', 1, 1],
    ]);
  });

  it('counts by calendar month from the 1st, an idle month as 0', () => {
    const log = logOf([
      ['A', 'Receive order', '2023-11-15T10:00:00.000Z'],
      ['A', 'Ship', '2023-11-30T23:59:59.999Z'],
      ['B', 'Receive order', '2023-11-20T10:00:00.000Z'],
      ['B', 'Ship', '2024-01-01T00:00:00.000Z'],
      ['C', 'Receive order', '2024-01-31T18:00:00.000Z'],
      ['C', 'Ship', '2024-02-03T08:00:00.000Z'],
    ]);

    expect(readable(caseTrend(log, 'month'))).toEqual({
      grain: 'month',
      buckets: [
        ['2023-11-01', 2, 1],
        ['2023-12-01', 0, 0],
        ['2024-01-01', 1, 1],
        ['2024-02-01', 0, 1],
      ],
    });
    // 80 days: by week unless told otherwise, from the Monday before the first start.
    expect(readable(caseTrend(log)).buckets.slice(0, 2)).toEqual([
      ['2023-11-13', 1, 0],
      ['2023-11-20', 1, 0],
    ]);
    expect(caseTrend(log).buckets).toHaveLength(12);
  });

  it('counts by month a log of more than two years', () => {
    const log = logOf([
      ['A', 'Receive order', '2021-03-10T00:00:00.000Z'],
      ['B', 'Receive order', '2024-03-10T00:00:00.000Z'],
    ]);

    const trend = caseTrend(log);

    expect(trend.grain).toBe('month');
    expect(trend.buckets).toHaveLength(37);
    expect(readable(trend).buckets.filter(([, started]) => started)).toEqual([
      ['2021-03-01', 1, 1],
      ['2024-03-01', 1, 1],
    ]);
  });

  it('has no buckets for a log without timestamps, and the grain it was given', () => {
    const log = logOf([['D', 'Receive order', null]]);

    expect(caseTrend(log)).toEqual({ grain: 'day', buckets: [] });
    expect(caseTrend(log, 'month')).toEqual({ grain: 'month', buckets: [] });
    expect(caseTrend(new EventLogBuilder().build())).toEqual({ grain: 'day', buckets: [] });
  });
});

describe('grainForSpan', () => {
  const first = at('2024-01-01T06:00:00.000Z');

  it('is day up to 62 days, week up to two calendar years, month beyond', () => {
    expect(grainForSpan(first, first)).toBe('day');
    expect(grainForSpan(first, first + 62 * DAY_MS)).toBe('day');
    expect(grainForSpan(first, first + 62 * DAY_MS + 1)).toBe('week');
    expect(grainForSpan(first, at('2026-01-01T06:00:00.000Z'))).toBe('week');
    expect(grainForSpan(first, at('2026-01-01T06:00:00.001Z'))).toBe('month');
  });
});

describe('bucketStart', () => {
  it('starts a day at midnight UTC, a week on its Monday and a month on the 1st', () => {
    const iso = (ms: number) => new Date(ms).toISOString();

    expect(iso(bucketStart(at('2024-01-07T23:59:59.999Z'), 'day'))).toBe('2024-01-07T00:00:00.000Z');
    expect(iso(bucketStart(at('2024-01-07T23:59:59.999Z'), 'week'))).toBe('2024-01-01T00:00:00.000Z');
    expect(iso(bucketStart(at('2024-01-08T00:00:00.000Z'), 'week'))).toBe('2024-01-08T00:00:00.000Z');
    expect(iso(bucketStart(at('2024-02-29T13:00:00.000Z'), 'month'))).toBe('2024-02-01T00:00:00.000Z');
    // Before 1970 too: Wednesday 31 December 1969 is in the week of Monday the 29th.
    expect(iso(bucketStart(at('1969-12-31T12:00:00.000Z'), 'week'))).toBe('1969-12-29T00:00:00.000Z');
  });
});

describe('caseTrendSeries', () => {
  it('gives the lines cases started and cases completed, one point per bucket at its start', () => {
    expect(caseTrendSeries(caseTrend(JANUARY, 'week'))).toEqual([
      {
        name: 'cases started',
        points: [
          { at: at('2024-01-01T00:00:00.000Z'), value: 3 },
          { at: at('2024-01-08T00:00:00.000Z'), value: 0 },
          { at: at('2024-01-15T00:00:00.000Z'), value: 0 },
          { at: at('2024-01-22T00:00:00.000Z'), value: 1 },
        ],
      },
      {
        name: 'cases completed',
        points: [
          { at: at('2024-01-01T00:00:00.000Z'), value: 1 },
          { at: at('2024-01-08T00:00:00.000Z'), value: 2 },
          { at: at('2024-01-15T00:00:00.000Z'), value: 0 },
          { at: at('2024-01-22T00:00:00.000Z'), value: 1 },
        ],
      },
    ]);
  });
});
