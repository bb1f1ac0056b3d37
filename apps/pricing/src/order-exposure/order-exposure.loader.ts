import type { GraphQLRequestContext } from '@ordex/platform';
import type { OrderExposureService, OrderOfCustomer } from './order-exposure.service';

/** Σ value of each customer's open orders (cents), for every customer of the request in one query. */
export function openOrdersValueByCustomerLoader(ctx: GraphQLRequestContext, exposure: OrderExposureService) {
  return ctx.loaders.get('pricing.openOrdersValueByCustomer', (customerIds: readonly string[]) =>
    exposure.openValueCentsByCustomers(customerIds),
  );
}

/**
 * Σ value of the customer's open orders other than the given one (cents), for every order of the
 * request in one query.
 */
export function otherOpenOrdersValue(
  ctx: GraphQLRequestContext,
  exposure: OrderExposureService,
  order: OrderOfCustomer,
): Promise<number> {
  return ctx.loaders
    .get('pricing.otherOpenOrdersValue', (keys: readonly string[]) =>
      exposure.otherOpenValueCents(keys.map((key) => JSON.parse(key) as OrderOfCustomer)),
    )
    .load(JSON.stringify({ customerId: order.customerId, orderNumber: order.orderNumber }));
}
