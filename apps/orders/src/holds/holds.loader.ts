import type { GraphQLRequestContext } from '@ordex/platform';
import type { HoldsService } from './holds.service';

/** The holds of each order asked for in one request, fetched in one query. */
export function holdsByOrderLoader(ctx: GraphQLRequestContext, holds: HoldsService) {
  return ctx.loaders.get('orders.holdsByOrder', (numbers: readonly string[]) => holds.holdsByOrders(numbers));
}

/** The ERP commands of each order asked for in one request, fetched in one query. */
export function erpCommandsByOrderLoader(ctx: GraphQLRequestContext, holds: HoldsService) {
  return ctx.loaders.get('orders.erpCommandsByOrder', (numbers: readonly string[]) =>
    holds.commandsByOrders(numbers),
  );
}
