import { LogisticsSchema } from '../logistics-schema.scope';
import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('RoutingRule', {
  registerIn: LogisticsSchema,
  description: "How a customer's orders may be shipped.",
})
export class RoutingRuleObject {
  @Field(() => ID)
  customerId: string;

  @Field({ description: 'The order ships in one piece or not at all (no split shipments).' })
  shipComplete: boolean;

  @Field(() => [ID], { description: 'DCs the customer may be served from.' })
  allowedDcs: string[];

  @Field(() => ID, { nullable: true })
  preferredDc: string | null;
}
