import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { lineAvailability } from '../stock/domain/availability.util';
import { stockBySkuLoader } from '../stock/stock.loader';
import { StockService } from '../stock/stock.service';
import { LineAvailabilityObject, OrderLineObject } from './order-line.object';

@Resolver(() => OrderLineObject)
export class OrderLineResolver {
  constructor(private readonly stock: StockService) {}

  @ResolveField(() => LineAvailabilityObject, { nullable: true })
  async availability(
    @Parent() line: OrderLineObject,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<LineAvailabilityObject> {
    const rows = await stockBySkuLoader(ctx, this.stock).load(line.sku);
    return lineAvailability(line.sku, line.quantity, rows);
  }
}
