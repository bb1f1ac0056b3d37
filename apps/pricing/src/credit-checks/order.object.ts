import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PricingSchema } from '../pricing-schema.scope';
import { CreditCheckObject } from './credit-check.object';

/** The orders subgraph's Order, extended with its credit check. No description: the owner's stands. */
@ObjectType('Order', { registerIn: PricingSchema })
@Directive('@key(fields: "orderNumber")')
export class OrderObject {
  @Field(() => ID)
  orderNumber: string;

  @Field(() => ID)
  @Directive('@external')
  customerId: string;

  @Field(() => Float)
  @Directive('@external')
  orderValue: number;

  // Nullable like every field a subgraph adds to another's entity: an outage costs only this field.
  @Field(() => CreditCheckObject, {
    nullable: true,
    description: "The order against its customer's credit; null when pricing cannot answer.",
  })
  @Directive('@requires(fields: "customerId orderValue")')
  creditCheck?: CreditCheckObject;
}
