import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CustomerObject } from './customer.object';
import { RoutingRuleObject } from './routing-rule.object';

@Resolver(() => RoutingRuleObject)
export class RoutingRuleResolver {
  // A reference the gateway completes from orders. It is also what puts Customer into this schema
  // (Nest emits only types some field reaches). Nullable: orders may not have mirrored the customer yet.
  @ResolveField(() => CustomerObject, { nullable: true })
  customer(@Parent() rule: RoutingRuleObject): CustomerObject {
    return { id: rule.customerId };
  }
}
