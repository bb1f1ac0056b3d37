import {
  Args,
  Context,
  Float,
  ID,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { GraphQLRequestContext, pageSize, PartnerDirectory } from '@ordex/platform';
import { CustomersService } from '../customers/customers.service';
import { toCustomerObject, toShipToObject } from '../customers/customer.mapper';
import { CustomerObject, ShipToObject } from '../customers/customer.object';
import { customerByIdLoader, shipTosByCustomerLoader } from '../customers/customer.loader';
import { linesByOrderLoader, orderByNumberLoader } from './order.loader';
import { toOrderLineObject, toOrderObject } from './order.mapper';
import { OrderLineObject, OrderObject } from './order.object';
import { OrdersService } from './orders.service';
import { orderValue } from './domain/order-value.util';

@Resolver(() => OrderObject)
export class OrderResolver {
  constructor(
    private readonly orderService: OrdersService,
    private readonly customers: CustomersService,
    private readonly partners: PartnerDirectory,
  ) {}

  @Query(() => OrderObject, { nullable: true, description: 'An order by its ERP order number.' })
  order(@Args('orderNumber', { type: () => ID }) orderNumber: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, orderNumber);
  }

  @Query(() => [OrderObject], {
    description:
      'Orders in order-number order, keyset-paginated; only those named in `orderNumbers` when given (unknown numbers are left out).',
  })
  async orders(
    @Context() ctx: GraphQLRequestContext,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => ID, nullable: true }) after?: string,
    @Args('orderNumbers', { type: () => [ID], nullable: true }) orderNumbers?: string[] | null,
  ) {
    const scope = await this.partners.customerScope(ctx);
    const rows = await this.orderService.list(pageSize(first), after, scope, orderNumbers ?? undefined);
    return rows.map(toOrderObject);
  }

  @ResolveReference()
  resolveReference(ref: { orderNumber: string }, ctx: GraphQLRequestContext) {
    return this.load(ctx, ref.orderNumber);
  }

  @ResolveField(() => [OrderLineObject])
  async lines(@Parent() order: OrderObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await linesByOrderLoader(ctx, this.orderService).load(order.orderNumber);
    return rows.map((line) => toOrderLineObject(line, order));
  }

  @ResolveField(() => Float)
  async orderValue(@Parent() order: OrderObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await linesByOrderLoader(ctx, this.orderService).load(order.orderNumber);
    return orderValue(rows);
  }

  /** A field resolver of its own so the access guard sees it: notes need `orders:notes`, never a partner's. */
  @ResolveField(() => String, { nullable: true })
  notes(@Parent() order: OrderObject): string | null {
    return order.notes;
  }

  @ResolveField(() => ShipToObject, { nullable: true })
  async shipTo(@Parent() order: OrderObject, @Context() ctx: GraphQLRequestContext) {
    if (!order.shipToId) return null;
    const shipTos = await shipTosByCustomerLoader(ctx, this.customers).load(order.customerId);
    const shipTo = shipTos.find((s) => s.id === order.shipToId);
    return shipTo ? toShipToObject(shipTo) : null;
  }

  @ResolveField(() => CustomerObject, { nullable: true })
  async customer(@Parent() order: OrderObject, @Context() ctx: GraphQLRequestContext) {
    const entity = await customerByIdLoader(ctx, this.customers).load(order.customerId);
    return entity ? toCustomerObject(entity) : null;
  }

  private async load(ctx: GraphQLRequestContext, orderNumber: string): Promise<OrderObject | null> {
    const entity = await orderByNumberLoader(ctx, this.orderService).load(orderNumber);
    const scope = await this.partners.customerScope(ctx);
    // Another partner's order is answered as if it did not exist.
    if (!entity || (scope && !scope.includes(entity.customerId))) return null;
    return toOrderObject(entity);
  }
}
