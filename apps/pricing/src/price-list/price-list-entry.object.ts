import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PricingSchema } from '../pricing-schema.scope';

@ObjectType('PriceListEntry', {
  registerIn: PricingSchema,
  description: 'The list price and unit cost of a SKU.',
})
export class PriceListEntryObject {
  @Field(() => ID)
  sku: string;

  @Field()
  family: string;

  @Field(() => Float)
  listPrice: number;

  @Field(() => Float)
  unitCost: number;
}
