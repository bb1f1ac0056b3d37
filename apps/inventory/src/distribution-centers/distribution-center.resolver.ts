import { Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { toDistributionCenterObject } from './distribution-center.mapper';
import { DistributionCenterObject } from './distribution-center.object';
import { DistributionCentersService } from './distribution-centers.service';

@Resolver(() => DistributionCenterObject)
export class DistributionCenterResolver {
  constructor(private readonly centers: DistributionCentersService) {}

  @Query(() => [DistributionCenterObject], { description: 'All distribution centres in code order.' })
  async distributionCenters() {
    const rows = await this.centers.all();
    return rows.map(toDistributionCenterObject);
  }

  @ResolveReference()
  async resolveReference(
    ref: { code: string },
    ctx: GraphQLRequestContext,
  ): Promise<DistributionCenterObject | null> {
    const entity = await ctx.loaders
      .get('inventory.distributionCenterByCode', (codes: readonly string[]) => this.centers.byCodes(codes))
      .load(ref.code);
    return entity ? toDistributionCenterObject(entity) : null;
  }
}
