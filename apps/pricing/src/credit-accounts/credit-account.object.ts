import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CreditUpdated } from '@ordex/contracts';
import { PricingSchema } from '../pricing-schema.scope';

@ObjectType('CreditAccount', {
  registerIn: PricingSchema,
  description: "A customer's credit standing (owned by pricing).",
})
@Directive('@key(fields: "customerId")')
export class CreditAccountObject implements CreditUpdated {
  @Field(() => ID)
  customerId: string;

  @Field(() => Float, { description: 'The most the customer may owe: receivables plus open orders.' })
  creditLimit: number;

  @Field(() => Float, { description: 'Invoiced and not yet paid.' })
  openReceivables: number;

  @Field(() => Int, { description: 'Days the oldest open receivable is past due; 0 when none is.' })
  overdueDays: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Receivables past their terms; null when the ERP has not reported the amount.',
  })
  overdueAmount: number | null;

  @Field(() => Float, {
    description:
      "Σ value of the customer's open orders (not shipped or cancelled), each at its newest ERP version, as pricing keeps them from the ERP's order events; 0 when none.",
  })
  openOrdersValue?: number;
}
