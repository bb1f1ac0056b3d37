import type { GraphQLRequestContext } from '@ordex/platform';
import type { RoutingService } from './routing.service';

/** The routing rule of each customer asked for in one request (null: none), fetched in one query. */
export function routingRuleByCustomerLoader(ctx: GraphQLRequestContext, routing: RoutingService) {
  return ctx.loaders.get('logistics.routingRuleByCustomer', (ids: readonly string[]) =>
    routing.rulesByCustomerIds(ids),
  );
}
