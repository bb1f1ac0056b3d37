import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { Contract } from '@ordex/contracts';
import { PricingSchema } from '../pricing-schema.scope';

@ObjectType('Contract', {
  registerIn: PricingSchema,
  description: "A customer's agreed price for a SKU or a product family (owned by pricing).",
})
@Directive('@key(fields: "id")')
export class ContractObject implements Contract {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'Null for a family contract.' })
  sku: string | null;

  @Field(() => String, { nullable: true, description: 'Set for a family contract.' })
  family: string | null;

  @Field(() => Float)
  price: number;

  @Field(() => Float, {
    description: 'Allowed deviation of a line price from the contract price, in percent.',
  })
  tolerancePct: number;

  @Field(() => Float, { description: 'Lowest acceptable margin, in percent of the price.' })
  marginFloorPct: number;

  @Field({ description: 'First day the contract applies (YYYY-MM-DD).' })
  validFrom: string;

  @Field({ description: 'Last day the contract applies (YYYY-MM-DD).' })
  validTo: string;
}
