import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { CustomerObject } from './customer.object';
import { routingRuleByCustomerLoader } from './routing-rule.loader';
import { toRoutingRuleObject } from './routing-rule.mapper';
import { RoutingRuleObject } from './routing-rule.object';
import { RoutingService } from './routing.service';

@Resolver(() => CustomerObject)
export class CustomerResolver {
  constructor(private readonly routing: RoutingService) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): CustomerObject {
    return { id: ref.id };
  }

  @ResolveField(() => RoutingRuleObject, { nullable: true })
  async routingRules(@Parent() customer: CustomerObject, @Context() ctx: GraphQLRequestContext) {
    const entity = await routingRuleByCustomerLoader(ctx, this.routing).load(customer.id);
    return entity ? toRoutingRuleObject(entity) : null;
  }
}
