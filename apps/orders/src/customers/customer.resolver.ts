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
import { GraphQLRequestContext, pageSize, PartnerDirectory } from '@ordex/platform';
import { customerByIdLoader, shipTosByCustomerLoader } from './customer.loader';
import { toCustomerObject, toShipToObject } from './customer.mapper';
import { CustomerObject, ShipToObject } from './customer.object';
import { CustomersService } from './customers.service';

@Resolver(() => CustomerObject)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomersService,
    private readonly partners: PartnerDirectory,
  ) {}

  @Query(() => CustomerObject, { nullable: true, description: 'A customer by id.' })
  async customer(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLRequestContext) {
    return this.load(ctx, id);
  }

  @Query(() => [CustomerObject], { description: 'Customers in id order, keyset-paginated.' })
  async customers(
    @Context() ctx: GraphQLRequestContext,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => ID, nullable: true }) after?: string,
  ) {
    const scope = await this.partners.customerScope(ctx);
    const rows = await this.customerService.list(pageSize(first), after, scope);
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
    const scope = await this.partners.customerScope(ctx);
    if (!entity || (scope && !scope.includes(entity.id))) return null;
    return toCustomerObject(entity);
  }
}
