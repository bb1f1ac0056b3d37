import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { InventorySchema } from '../inventory-schema.scope';
import type { DcLinePromise, LinePromise } from './domain/line-promise.util';

@ObjectType('DcAvailability', {
  registerIn: InventorySchema,
  description: "One distribution centre's stock for an order line, now and by the line's requested date.",
})
export class DcAvailabilityObject implements DcLinePromise {
  @Field(() => ID)
  dcCode: string;

  @Field(() => Int)
  onHand: number;

  @Field(() => Int)
  allocated: number;

  @Field(() => Int, { description: 'On hand less allocated, never below zero.' })
  available: number;

  @Field(() => Int, {
    description: 'Units of open purchase orders due at this DC with an ETA on or before the requested date.',
  })
  inboundByRequestedDate: number;

  @Field(() => Int, { description: 'available + inboundByRequestedDate (0 for an unknown SKU).' })
  availableByRequestedDate: number;

  @Field({ description: 'Whether availableByRequestedDate covers the line quantity.' })
  canFillByRequestedDate: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the ETA at which available plus the open purchase orders received so far (in ETA order) first cover the quantity; null when available covers it now, or when they never do.',
  })
  earliestFillDate: string | null;
}

@ObjectType('LineAvailability', {
  registerIn: InventorySchema,
  description:
    "Whether an order line's quantity is in stock, per DC and overall, now and by its requested date.",
})
export class LineAvailabilityObject implements LinePromise {
  @Field(() => ID)
  sku: string;

  @Field(() => Int)
  requested: number;

  @Field(() => Int, { description: 'Available across all distribution centres.' })
  totalAvailable: number;

  @Field({ description: 'Whether a single distribution centre can fill the whole quantity.' })
  fillableFromOneDc: boolean;

  @Field({ description: "The line's requested date (YYYY-MM-DD) the figures by date are for." })
  requestedDate: string;

  @Field({ description: 'False when the product master has no such SKU: then every figure by date is 0.' })
  skuKnown: boolean;

  @Field(() => Int, {
    description: 'Available by the requested date (now + open purchase orders due by then) across the DCs.',
  })
  totalAvailableByRequestedDate: number;

  @Field({
    description: 'Whether a single distribution centre can fill the whole quantity by the requested date.',
  })
  fillableFromOneDcByRequestedDate: boolean;

  @Field(() => [DcAvailabilityObject], {
    description:
      'The DCs holding stock of the SKU (code order), then those holding none but expecting an open purchase order (code order).',
  })
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

  @Field()
  @Directive('@external')
  requestedDate: string;

  // Nullable like every field a subgraph adds to another's entity: an outage costs only this field.
  @Field(() => LineAvailabilityObject, {
    nullable: true,
    description:
      'Stock availability per DC, now and by the requested date; null when inventory cannot answer.',
  })
  @Directive('@requires(fields: "sku quantity requestedDate")')
  availability?: LineAvailabilityObject;
}
