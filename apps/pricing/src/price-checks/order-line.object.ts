import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PricingSchema } from '../pricing-schema.scope';

@ObjectType('PriceCheck', {
  registerIn: PricingSchema,
  description: "An order line's price against its contract and its margin against the floor.",
})
export class PriceCheckObject {
  @Field({ description: 'Whether a contract for the SKU or its family is in force on the order date.' })
  hasContract: boolean;

  @Field(() => ID, { nullable: true })
  contractId: string | null;

  @Field(() => Float, { nullable: true })
  contractPrice: number | null;

  @Field(() => Float, { nullable: true, description: 'Null when the SKU is not on the price list.' })
  listPrice: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Signed: (unit price − contract price) / contract price × 100, two decimals.',
  })
  deviationPct: number | null;

  @Field(() => Float, { nullable: true })
  tolerancePct: number | null;

  @Field(() => Boolean, { nullable: true, description: 'A deviation equal to the tolerance is within it.' })
  withinTolerance: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: '(unit price − unit cost) / unit price × 100, two decimals; null without a unit cost.',
  })
  marginPct: number | null;

  @Field(() => Float, { nullable: true })
  marginFloorPct: number | null;

  @Field(() => Boolean, { nullable: true, description: 'A margin equal to the floor is above it.' })
  aboveMarginFloor: boolean | null;
}

/** The orders subgraph's OrderLine, extended with its price check. */
@ObjectType('OrderLine', { registerIn: PricingSchema })
@Directive('@key(fields: "id")')
export class OrderLineObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  @Directive('@external')
  sku: string;

  @Field(() => Float)
  @Directive('@external')
  unitPrice: number;

  @Field(() => ID)
  @Directive('@external')
  customerId: string;

  @Field()
  @Directive('@external')
  orderedOn: string;

  // Nullable like every field a subgraph adds to another's entity: an outage costs only this field.
  @Field(() => PriceCheckObject, {
    nullable: true,
    description: 'The line price against its contract; null when pricing cannot answer.',
  })
  @Directive('@requires(fields: "sku unitPrice customerId orderedOn")')
  priceCheck?: PriceCheckObject;
}
