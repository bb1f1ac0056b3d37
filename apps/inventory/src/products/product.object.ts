import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { UnitOfMeasure } from '@ordex/contracts';
import type { Product } from '@ordex/contracts';
import { InboundPurchaseOrderObject } from '../inbound/inbound-purchase-order.object';
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

  @Field(() => Float, {
    nullable: true,
    description: 'Cubic metres per unit; null when the ERP has not measured it.',
  })
  volumeM3?: number | null;

  @Field(() => Float)
  unitCost: number;

  @Field(() => Float)
  listPrice: number;

  @Field(() => [ID], { description: 'Approved substitute SKUs.' })
  substitutes: string[];

  @Field(() => [StockLevelObject], { description: 'Stock at each distribution centre that holds the SKU.' })
  stock?: StockLevelObject[];

  @Field(() => [InboundPurchaseOrderObject], {
    description: 'Open purchase order lines for the SKU at any distribution centre, by ETA then id.',
  })
  inbound?: InboundPurchaseOrderObject[];

  @Field(() => [ProductObject], {
    description: 'The approved substitutes the product master has, in the listed (preference) order.',
  })
  substituteProducts?: ProductObject[];
}
