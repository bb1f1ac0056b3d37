import type { GraphQLRequestContext } from '@ordex/platform';
import type { CapacityService, DateRangeKey } from './capacity.service';

/** The capacity slots within each date range asked for in one request, fetched in one query. */
export function slotsByRangeLoader(ctx: GraphQLRequestContext, capacity: CapacityService) {
  return ctx.loaders.get('logistics.slotsByRange', (ranges: readonly DateRangeKey[]) =>
    capacity.slotsInRanges(ranges),
  );
}
