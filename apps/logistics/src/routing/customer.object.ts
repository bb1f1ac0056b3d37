import { LogisticsSchema } from '../logistics-schema.scope';
import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { RoutingRuleObject } from './routing-rule.object';

/** Customer is owned by orders; logistics adds its routing rules. No description, so the owner's stands. */
@ObjectType('Customer', { registerIn: LogisticsSchema })
@Directive('@key(fields: "id")')
export class CustomerObject {
  @Field(() => ID)
  id: string;

  @Field(() => RoutingRuleObject, {
    nullable: true,
    description:
      "The customer's routing rules (DCs, carriers, delivery windows); null when logistics holds none.",
  })
  routingRules?: RoutingRuleObject | null;
}
