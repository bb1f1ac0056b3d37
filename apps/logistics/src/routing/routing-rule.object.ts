import { LogisticsSchema } from '../logistics-schema.scope';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DeliveryWindow', {
  registerIn: LogisticsSchema,
  description: 'A day and time window in which a customer accepts deliveries.',
})
export class DeliveryWindowObject {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field({ description: 'HH:MM, local time of the ship-to.' })
  opensAt: string;

  @Field({ description: 'HH:MM, local time of the ship-to.' })
  closesAt: string;
}

@ObjectType('RoutingRule', {
  registerIn: LogisticsSchema,
  description: "How a customer's orders may be shipped.",
})
export class RoutingRuleObject {
  @Field(() => ID)
  customerId: string;

  @Field({ description: 'The order ships in one piece or not at all (no split shipments).' })
  shipComplete: boolean;

  @Field(() => [ID], { description: 'DCs the customer may be served from; empty: any DC.' })
  allowedDcs: string[];

  @Field(() => ID, { nullable: true, description: 'The DC the customer is normally served from.' })
  preferredDc: string | null;

  @Field(() => [DeliveryWindowObject], {
    description: 'When the customer accepts deliveries; empty: any day.',
  })
  deliveryWindows: DeliveryWindowObject[];

  @Field(() => [ID], { description: 'Carriers the customer accepts; empty: any carrier not excluded.' })
  allowedCarriers: string[];

  @Field(() => [ID], { description: 'Carriers the customer refuses.' })
  excludedCarriers: string[];
}
