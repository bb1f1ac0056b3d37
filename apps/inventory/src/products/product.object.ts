import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { UnitOfMeasure } from '@ordex/contracts';
import type { Product } from '@ordex/contracts';
import { StockLevelObject } from '../stock/stock-level.object';
import { InventorySchema } from '../inventory-schema.scope';

@ObjectType('Product', {
  registerIn: InventorySchema,
  description: 'A SKU of the product master (owned by inventory).',
})
@Directive('@key(fields: "sku")')
export class ProductObject implements Product {
  @Field(() => ID)
  sku: string;

  @Field()
  name: string;

  @Field()
  family: string;

  @Field(() => UnitOfMeasure)
  unitOfMeasure: UnitOfMeasure;

  @Field(() => Float)
  weightKg: number;

  @Field(() => Float)
  unitCost: number;

  @Field(() => Float)
  listPrice: number;

  @Field(() => [ID], { description: 'Approved substitute SKUs.' })
  substitutes: string[];

  @Field(() => [StockLevelObject], { description: 'Stock at each distribution centre that holds the SKU.' })
  stock?: StockLevelObject[];
}
