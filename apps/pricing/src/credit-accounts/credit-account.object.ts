import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CreditAccount } from '@ordex/contracts';
import { PricingSchema } from '../pricing-schema.scope';

@ObjectType('CreditAccount', {
  registerIn: PricingSchema,
  description: "A customer's credit standing (owned by pricing).",
})
@Directive('@key(fields: "customerId")')
export class CreditAccountObject implements CreditAccount {
  @Field(() => ID)
  customerId: string;

  @Field(() => Float)
  creditLimit: number;

  @Field(() => Float)
  openReceivables: number;

  @Field(() => Int, { description: 'Days the oldest open receivable is past due; 0 when none is.' })
  overdueDays: number;
}
