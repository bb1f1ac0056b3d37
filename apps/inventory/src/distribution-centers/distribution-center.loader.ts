import type { GraphQLRequestContext } from '@ordex/platform';
import type { DistributionCenterEntity } from './distribution-center.entity';
import type { DistributionCentersService } from './distribution-centers.service';

/** Every distribution centre in code order, read once per request however many fields ask. */
export function allDistributionCentersLoader(
  ctx: GraphQLRequestContext,
  centers: DistributionCentersService,
) {
  return ctx.loaders.get<'all', DistributionCenterEntity[]>(
    'inventory.allDistributionCenters',
    async (keys: readonly 'all'[]) => {
      const all = await centers.all();
      return keys.map(() => all);
    },
  );
}
