import { OrdersSchema } from '../orders-schema.scope';
import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CustomerSegment, CustomerTier, Region } from '@ordex/contracts';

@ObjectType('ShipTo', { registerIn: OrdersSchema, description: 'A delivery address of a customer.' })
export class ShipToObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field()
  name: string;

  @Field(() => Region)
  region: Region;
}

@ObjectType('Customer', {
  registerIn: OrdersSchema,
  description: 'A business customer of the distributor (owned by orders).',
})
@Directive('@key(fields: "id")')
export class CustomerObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => CustomerSegment)
  segment: CustomerSegment;

  @Field(() => CustomerTier)
  tier: CustomerTier;

  @Field(() => Int, { description: 'Payment terms in days.' })
  paymentTermsDays: number;
}
