import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StockLevel } from '@ordex/contracts';
import { InventorySchema } from '../inventory-schema.scope';

@ObjectType('StockLevel', {
  registerIn: InventorySchema,
  description: 'Stock of one SKU at one distribution centre.',
})
export class StockLevelObject implements StockLevel {
  @Field(() => ID)
  sku: string;

  @Field(() => ID)
  dcCode: string;

  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  allocated: number;

  @Field(() => Int, { description: 'On hand less allocated, never below zero.' })
  available: number;
}
