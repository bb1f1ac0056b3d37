import { instantArg } from '@ordex/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { renderTrendSvg } from '@ordex/mining';
import { Kpi, KPI_CATALOG, KpiDimension, TimeGrain } from './domain/kpi-catalog';
import { KpiPointObject } from './kpi-point.object';
import { KpisService, type KpiPoint, type KpiQuery } from './kpis.service';

/** How many members a trend chart draws (the ones with the most contributions); the rest would be noise. */
export const TREND_MAX_SERIES = 8;

const UNITS: Record<string, string> = { ratio: '%', seconds: 'h', currency: '' };

// The arguments every KPI query takes, declared once.
const KpiArg = Args('kpi', { type: () => Kpi });
const GrainArg = Args('grain', { type: () => TimeGrain, defaultValue: TimeGrain.DAY });
const DimensionArg = Args('dimension', { type: () => KpiDimension, defaultValue: KpiDimension.ALL });
const FromArg = Args('from', {
  type: () => String,
  nullable: true,
  description: 'ISO 8601 instant, inclusive.',
});
const ToArg = Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' });

@Resolver(() => KpiPointObject)
export class KpiResolver {
  constructor(private readonly kpis: KpisService) {}

  @Query(() => [KpiPointObject], {
    description:
      "A KPI's points by bucket, then member, for the days in [from, to) (in the distributor's zone); read from the ledger kept as events arrive. One series spans at most 400 days by DAY, 5 years by WEEK, 20 by MONTH; without from, the latest such span.",
  })
  kpiSeries(
    @KpiArg kpi: Kpi,
    @GrainArg grain: TimeGrain,
    @DimensionArg dimension: KpiDimension,
    @FromArg from?: string | null,
    @ToArg to?: string | null,
  ): Promise<KpiPoint[]> {
    return this.kpis.series(query(kpi, grain, dimension, from, to));
  }

  @Query(() => String, {
    description: `The same series as an SVG line chart, one line per member (the ${TREND_MAX_SERIES} with most contributions): rates in %, durations' p50 in hours.`,
  })
  async kpiTrendSvg(
    @KpiArg kpi: Kpi,
    @GrainArg grain: TimeGrain,
    @DimensionArg dimension: KpiDimension,
    @FromArg from?: string | null,
    @ToArg to?: string | null,
  ): Promise<string> {
    const points = await this.kpis.series(query(kpi, grain, dimension, from, to));
    const { unit } = KPI_CATALOG[kpi];
    const scale = unit === 'ratio' ? 100 : unit === 'seconds' ? 1 / 3600 : 1;
    const byMember = new Map<string, KpiPoint[]>();
    for (const point of points) {
      const list = byMember.get(point.member) ?? [];
      list.push(point);
      byMember.set(point.member, list);
    }
    const weight = (member: string) => (byMember.get(member) ?? []).reduce((sum, p) => sum + p.count, 0);
    const members = [...byMember.keys()]
      .sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))
      .slice(0, TREND_MAX_SERIES);
    return renderTrendSvg(
      members.map((member) => ({
        name: member || 'all',
        points: (byMember.get(member) ?? []).map((p) => ({
          at: p.bucketStart.getTime(),
          value: p.value === null ? null : p.value * scale,
        })),
      })),
      {
        title: `${kpi} by ${grain.toLowerCase()}${dimension === KpiDimension.ALL ? '' : ` and ${dimension.toLowerCase()}`}`,
        unit: UNITS[unit],
        yFrom0: true,
      },
    );
  }
}

function query(
  kpi: Kpi,
  grain: TimeGrain,
  dimension: KpiDimension,
  from?: string | null,
  to?: string | null,
): KpiQuery {
  return { kpi, grain, dimension, from: instantArg('from', from), to: instantArg('to', to) };
}
