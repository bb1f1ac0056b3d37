import { Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { linesByOrderLoader, orderByNumberLoader } from './order.loader';
import { toOrderLineObject, toOrderObject } from './order.mapper';
import { OrderLineObject } from './order.object';
import { OrdersService } from './orders.service';

@Resolver(() => OrderLineObject)
export class OrderLineResolver {
  constructor(private readonly orders: OrdersService) {}

  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: GraphQLRequestContext): Promise<OrderLineObject | null> {
    const separator = ref.id.lastIndexOf(':');
    const orderNumber = ref.id.slice(0, separator);
    const lineNo = Number(ref.id.slice(separator + 1));
    const [order, lines] = await Promise.all([
      orderByNumberLoader(ctx, this.orders).load(orderNumber),
      linesByOrderLoader(ctx, this.orders).load(orderNumber),
    ]);
    const line = lines.find((l) => l.lineNo === lineNo);
    return order && line ? toOrderLineObject(line, toOrderObject(order)) : null;
  }
}
