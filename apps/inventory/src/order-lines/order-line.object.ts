import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { InventorySchema } from '../inventory-schema.scope';

@ObjectType('DcAvailability', {
  registerIn: InventorySchema,
  description: "One distribution centre's stock for an order line.",
})
export class DcAvailabilityObject {
  @Field(() => ID)
  dcCode: string;

  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  allocated: number;

  @Field(() => Int, { description: 'On hand less allocated, never below zero.' })
  available: number;
}

@ObjectType('LineAvailability', {
  registerIn: InventorySchema,
  description: "Whether an order line's quantity is in stock, per DC and overall.",
})
export class LineAvailabilityObject {
  @Field(() => ID)
  sku: string;

  @Field(() => Int)
  requested: number;

  @Field(() => Int, { description: 'Available across all distribution centres.' })
  totalAvailable: number;

  @Field({ description: 'Whether a single distribution centre can fill the whole quantity.' })
  fillableFromOneDc: boolean;

  @Field(() => [DcAvailabilityObject])
  byDc: DcAvailabilityObject[];
}

/** The orders subgraph's OrderLine, extended with its stock availability. */
@ObjectType('OrderLine', { registerIn: InventorySchema })
@Directive('@key(fields: "id")')
export class OrderLineObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  @Directive('@external')
  sku: string;

  @Field(() => Int)
  @Directive('@external')
  quantity: number;

  // Nullable like every field a subgraph adds to another's entity: an outage costs only this field.
  @Field(() => LineAvailabilityObject, {
    nullable: true,
    description: 'Stock availability per DC; null when inventory cannot answer.',
  })
  @Directive('@requires(fields: "sku quantity")')
  availability?: LineAvailabilityObject;
}
