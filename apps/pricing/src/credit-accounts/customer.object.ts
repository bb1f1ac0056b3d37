import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { CreditAccountObject } from './credit-account.object';
import { PricingSchema } from '../pricing-schema.scope';

/** The orders subgraph's Customer, extended with its credit account. */
@ObjectType('Customer', { registerIn: PricingSchema })
@Directive('@key(fields: "id")')
export class CustomerObject {
  @Field(() => ID)
  id: string;

  @Field(() => CreditAccountObject, {
    nullable: true,
    description: 'Null until the ERP has sent the credit account.',
  })
  credit?: CreditAccountObject | null;
}
