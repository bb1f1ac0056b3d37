import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PricingSchema } from '../pricing-schema.scope';

@ObjectType('CreditCheck', {
  registerIn: PricingSchema,
  description:
    "An order against its customer's credit: receivables, other open orders and this order against the limit, and receivables past their terms. Amounts in the order currency, computed in whole cents.",
})
export class CreditCheckObject {
  @Field({ description: 'Whether the ERP has sent a credit account for the customer.' })
  hasAccount: boolean;

  @Field(() => Float, { nullable: true, description: 'Null without an account.' })
  creditLimit: number | null;

  @Field(() => Float, { nullable: true, description: 'Null without an account.' })
  openReceivables: number | null;

  @Field(() => Float, {
    description:
      "The customer's open orders (not shipped or cancelled) other than this one, at their newest ERP version.",
  })
  otherOpenOrdersValue: number;

  @Field(() => Float, { description: "This order's value (orders' Order.orderValue)." })
  orderValue: number;

  @Field(() => Float, {
    description:
      'openReceivables + otherOpenOrdersValue + orderValue; without an account only the two order values.',
  })
  exposure: number;

  @Field(() => Float, {
    nullable: true,
    description: 'creditLimit − exposure, negative when over the limit; null without an account.',
  })
  headroom: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'exposure ≤ creditLimit: exactly at the limit is within, one cent over is not; null without an account.',
  })
  withinLimit: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'How far exposure exceeds the limit (0 when within); null without an account.',
  })
  overLimitBy: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days the oldest open receivable is past its terms (0 when none is); null without an account.',
  })
  overdueDays: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Receivables past their terms; null without an account or when the ERP has not reported it.',
  })
  overdueAmount: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'overdueDays > 0: receivables are past their terms; null without an account.',
  })
  overdue: boolean | null;

  @Field({ description: 'hasAccount and withinLimit and not overdue: the order may be released on credit.' })
  passes: boolean;
}
