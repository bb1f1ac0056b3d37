import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Kpi, KPI_CATALOG, KpiDimension, TimeGrain } from './domain/kpi-catalog';
import { KPI_SETTINGS, type KpiSettings } from './kpi.settings';

/** One KPI value for one time bucket and one slice. */
export interface KpiPoint {
  kpi: Kpi;
  grain: TimeGrain;
  dimension: KpiDimension;
  member: string;
  /** Midnight of the bucket's first day, in the distributor's zone. */
  bucketStart: Date;
  /** Contributions: settled exceptions, decided approvals, closed cases, orders… */
  count: number;
  /** Rate: hits ÷ count (null when count is 0); sum: the total; duration: p50 in seconds. */
  value: number | null;
  hits: number | null;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export interface KpiQuery {
  kpi: Kpi;
  grain: TimeGrain;
  dimension: KpiDimension;
  from?: Date;
  to?: Date;
}

const GRAIN_UNIT: Record<TimeGrain, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** The longest span one series reads, per grain; without `from`, it is the span up to `to` (or now). */
export const MAX_SPAN_DAYS: Readonly<Record<TimeGrain, number>> = {
  DAY: 400,
  WEEK: 5 * 366,
  MONTH: 20 * 366,
};
const DAY_MS = 86_400_000;

/**
 * KPI series read from the ledger: days (in the distributor's zone) in [from, to) — at most
 * {@link MAX_SPAN_DAYS} of them, the latest when `from` is not given — rolled into
 * buckets by adding their tallies and merging their distributions, p50 and p90 by nearest rank
 * (the least value with at least ⌈p·N⌉ observations at or below it) over the exact seconds.
 */
@Injectable()
export class KpisService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KPI_SETTINGS) private readonly settings: KpiSettings,
  ) {}

  async series(query: KpiQuery, now = new Date()): Promise<KpiPoint[]> {
    const span = MAX_SPAN_DAYS[query.grain] * DAY_MS;
    const from = query.from ?? new Date((query.to ?? now).getTime() - span);
    if (query.to && query.to.getTime() - from.getTime() > span)
      throw new BadRequestException(
        `a ${query.grain} series covers at most ${MAX_SPAN_DAYS[query.grain]} days: narrow from and to, or take a longer grain`,
      );
    const params = [
      query.kpi,
      query.dimension,
      GRAIN_UNIT[query.grain],
      this.settings.timeZone,
      from,
      query.to ?? null,
    ];
    const days = `kpi = $1 AND dimension = $2
      AND day >= ($5::timestamptz AT TIME ZONE $4)::date
      AND ($6::timestamptz IS NULL OR day < ($6::timestamptz AT TIME ZONE $4)::date)`;
    const bucketStart = `(bucket::timestamp AT TIME ZONE $4)`;
    if (KPI_CATALOG[query.kpi].kind === 'duration') {
      const rows: {
        bucket_start: Date;
        member: string;
        n: string;
        p50: string;
        p90: string;
        mean: string;
      }[] = await this.db.query(
        `WITH d AS (
             SELECT date_trunc($3, day)::date AS bucket, member, seconds, sum(n) AS n
               FROM "analytics"."kpi_duration" WHERE ${days} GROUP BY 1, 2, 3),
           c AS (
             SELECT bucket, member, seconds, n,
                    sum(n) OVER (PARTITION BY bucket, member ORDER BY seconds) AS cum,
                    sum(n) OVER (PARTITION BY bucket, member) AS total
               FROM d)
           SELECT ${bucketStart} AS bucket_start, member, max(total) AS n,
                  min(seconds) FILTER (WHERE cum >= ceil(0.5 * total)) AS p50,
                  min(seconds) FILTER (WHERE cum >= ceil(0.9 * total)) AS p90,
                  sum(seconds * n) / max(total) AS mean
             FROM c GROUP BY bucket, member ORDER BY bucket, member`,
        params,
      );
      return rows.map((r) => ({
        ...this.pointOf(query, r.bucket_start, r.member, Number(r.n)),
        value: Number(r.p50),
        p50: Number(r.p50),
        p90: Number(r.p90),
        mean: Number(r.mean),
      }));
    }
    const rows: { bucket_start: Date; member: string; n: string; hits: string; total: string }[] =
      await this.db.query(
        `SELECT ${bucketStart} AS bucket_start, member, sum(n) AS n, sum(hits) AS hits, sum(total) AS total
         FROM (SELECT date_trunc($3, day)::date AS bucket, member, n, hits, total
                 FROM "analytics"."kpi_tally" WHERE ${days}) t
        GROUP BY bucket, member ORDER BY bucket, member`,
        params,
      );
    const rate = KPI_CATALOG[query.kpi].kind === 'rate';
    return rows.map((r) => {
      const count = Number(r.n);
      const hits = Number(r.hits);
      return {
        ...this.pointOf(query, r.bucket_start, r.member, count),
        value: rate ? (count > 0 ? hits / count : null) : Number(r.total),
        hits: rate ? hits : null,
      };
    });
  }

  private pointOf(query: KpiQuery, bucketStart: Date, member: string, count: number): KpiPoint {
    return {
      kpi: query.kpi,
      grain: query.grain,
      dimension: query.dimension,
      member,
      bucketStart,
      count,
      value: null,
      hits: null,
      p50: null,
      p90: null,
      mean: null,
    };
  }
}
