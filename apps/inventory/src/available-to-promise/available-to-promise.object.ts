import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { InventorySchema } from '../inventory-schema.scope';
import type { AvailableToPromise, DcPromise } from './domain/available-to-promise.util';

@ObjectType('DcAvailableToPromise', {
  registerIn: InventorySchema,
  description: 'What one distribution centre can promise of a SKU: now, and by a date.',
})
export class DcAvailableToPromiseObject implements DcPromise {
  @Field(() => ID)
  dcCode: string;

  @Field(() => Int, { description: 'On hand (0 when the DC holds no stock row for the SKU).' })
  onHand: number;

  @Field(() => Int)
  allocated: number;

  @Field(() => Int, { description: 'On hand less allocated, never below zero.' })
  availableNow: number;

  @Field(() => Int, {
    description: 'Units of open purchase orders due at this DC with an ETA on or before the date.',
  })
  inboundByDate: number;

  @Field(() => Int, { description: 'availableNow + inboundByDate.' })
  availableByDate: number;

  @Field({ description: 'Whether availableNow covers the whole quantity.' })
  fillableNow: boolean;

  @Field({ description: 'Whether availableByDate covers the whole quantity.' })
  canFillByDate: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the ETA of the open purchase order at which availableNow plus the purchase orders received so far (in ETA order) first cover the quantity; null when fillable now, or when they never do.',
  })
  earliestFillDate: string | null;
}

@ObjectType('AvailableToPromise', {
  registerIn: InventorySchema,
  description: 'Whether a quantity of a SKU can be promised by a date, per distribution centre and overall.',
})
export class AvailableToPromiseObject implements AvailableToPromise {
  @Field(() => ID)
  sku: string;

  @Field(() => Int)
  quantity: number;

  @Field({ description: 'The date asked about, YYYY-MM-DD.' })
  date: string;

  @Field({ description: 'False when the product master has no such SKU: then every figure is 0.' })
  skuKnown: boolean;

  @Field(() => Int, { description: 'Available now across the distribution centres answered for.' })
  totalAvailableNow: number;

  @Field(() => Int, { description: 'Available by the date (now + inbound due by then) across those DCs.' })
  totalAvailableByDate: number;

  @Field({ description: 'Whether a single distribution centre can fill the whole quantity by the date.' })
  fillableFromOneDcByDate: boolean;

  @Field(() => [ID], {
    description:
      'The DCs that can fill the whole quantity by the date, best first: fillable now before by the date only, then most available by the date, then code.',
  })
  dcsThatCanFillByDate: string[];

  @Field(() => [DcAvailableToPromiseObject], {
    description: 'Every known distribution centre (or those asked for), in code order.',
  })
  byDc: DcAvailableToPromiseObject[];
}
