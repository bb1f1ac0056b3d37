import { Args, Query, Resolver } from '@nestjs/graphql';
import { toKpiPointObject } from './kpi-point.mapper';
import { KpiPointObject } from './kpi-point.object';
import { KpisService } from './kpis.service';
import { instant } from '../common/instant.util';

@Resolver(() => KpiPointObject)
export class KpiResolver {
  constructor(private readonly kpiService: KpisService) {}

  @Query(() => [KpiPointObject], {
    description: "A KPI's points in time order, buckets starting in [from, to).",
  })
  async kpiSeries(
    @Args('kpi') kpi: string,
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ) {
    const rows = await this.kpiService.series(kpi, instant('from', from), instant('to', to));
    return rows.map(toKpiPointObject);
  }
}
