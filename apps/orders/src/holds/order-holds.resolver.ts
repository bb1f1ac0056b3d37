import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { OrderObject } from '../orders/order.object';
import { toErpCommandStatusObject, toOrderHoldObject } from './hold.mapper';
import { ErpCommandStatusObject, OrderHoldObject } from './hold.object';
import { erpCommandsByOrderLoader, holdsByOrderLoader } from './holds.loader';
import { HoldsService } from './holds.service';

/** Adds the holds and ERP commands to an order (one query each per request, however many orders). */
@Resolver(() => OrderObject)
export class OrderHoldsResolver {
  constructor(private readonly holdService: HoldsService) {}

  @ResolveField(() => [OrderHoldObject], {
    description: 'Holds ordex asked the ERP for on this order, newest first, in the state the ERP left them.',
  })
  async holds(
    @Parent() order: OrderObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<OrderHoldObject[]> {
    const rows = await holdsByOrderLoader(ctx, this.holdService).load(order.orderNumber);
    return rows.map(toOrderHoldObject);
  }

  @ResolveField(() => [ErpCommandStatusObject], {
    description: 'Commands orders sent the ERP about this order, newest first, with their acknowledgements.',
  })
  async erpCommands(
    @Parent() order: OrderObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<ErpCommandStatusObject[]> {
    const rows = await erpCommandsByOrderLoader(ctx, this.holdService).load(order.orderNumber);
    return rows.map(toErpCommandStatusObject);
  }
}
