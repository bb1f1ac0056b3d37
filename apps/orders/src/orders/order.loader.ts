import type { GraphQLRequestContext } from '@ordex/platform';
import type { OrdersService } from './orders.service';

/** The orders asked for in one request, by order number, fetched in one query. */
export function orderByNumberLoader(ctx: GraphQLRequestContext, orders: OrdersService) {
  return ctx.loaders.get('orders.orderByNumber', (numbers: readonly string[]) => orders.byNumbers(numbers));
}

/** The lines of each order asked for in one request, fetched in one query. */
export function linesByOrderLoader(ctx: GraphQLRequestContext, orders: OrdersService) {
  return ctx.loaders.get('orders.linesByOrder', (numbers: readonly string[]) =>
    orders.linesByOrders(numbers),
  );
}
