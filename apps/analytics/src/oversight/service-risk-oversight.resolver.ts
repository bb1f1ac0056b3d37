import { instantArg } from '@ordex/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ServiceRiskOversightObject } from './service-risk-oversight.object';
import { ServiceRiskOversightService } from './service-risk-oversight.service';

@Resolver(() => ServiceRiskOversightObject)
export class ServiceRiskOversightResolver {
  constructor(private readonly oversight: ServiceRiskOversightService) {}

  @Query(() => ServiceRiskOversightObject, {
    description:
      'Oversight of the service-risk decisions on the orders that shipped in [from, to): discrimination and accuracy overall and per decider, calibration, performance per segment and tier, and alerts (AUC under 0.7, calibration off by over 5 points, a group served much worse).',
  })
  async serviceRiskOversight(
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ): Promise<ServiceRiskOversightObject> {
    const report = await this.oversight.report(instantArg('from', from), instantArg('to', to));
    return report;
  }
}
