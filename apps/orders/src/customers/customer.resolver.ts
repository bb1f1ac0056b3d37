import {
  Args,
  Context,
  ID,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { GraphQLRequestContext, pageSize } from '@ordex/platform';
import { customerByIdLoader, shipTosByCustomerLoader } from './customer.loader';
import { toCustomerObject, toShipToObject } from './customer.mapper';
import { CustomerObject, ShipToObject } from './customer.object';
import { CustomersService } from './customers.service';

@Resolver(() => CustomerObject)
export class CustomerResolver {
  constructor(private readonly customerService: CustomersService) {}

  @Query(() => CustomerObject, { nullable: true, description: 'A customer by id.' })
  async customer(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, id);
  }

  @Query(() => [CustomerObject], { description: 'Customers in id order, keyset-paginated.' })
  async customers(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => ID, nullable: true }) after?: string,
  ) {
    const rows = await this.customerService.list(pageSize(first), after);
    return rows.map(toCustomerObject);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: GraphQLRequestContext) {
    return this.load(ctx, ref.id);
  }

  @ResolveField(() => [ShipToObject])
  async shipTos(@Parent() customer: CustomerObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await shipTosByCustomerLoader(ctx, this.customerService).load(customer.id);
    return rows.map(toShipToObject);
  }

  private async load(ctx: GraphQLRequestContext, id: string): Promise<CustomerObject | null> {
    const entity = await customerByIdLoader(ctx, this.customerService).load(id);
    return entity ? toCustomerObject(entity) : null;
  }
}
