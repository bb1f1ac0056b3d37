import type { GraphQLRequestContext } from '@ordex/platform';
import type { CustomersService } from './customers.service';

/** The customers asked for in one request, by id, fetched in one query. */
export function customerByIdLoader(ctx: GraphQLRequestContext, customers: CustomersService) {
  return ctx.loaders.get('orders.customerById', (ids: readonly string[]) => customers.byIds(ids));
}

/** The ship-tos of each customer asked for in one request, fetched in one query. */
export function shipTosByCustomerLoader(ctx: GraphQLRequestContext, customers: CustomersService) {
  return ctx.loaders.get('orders.shipTosByCustomer', (ids: readonly string[]) =>
    customers.shipTosByCustomerIds(ids),
  );
}
