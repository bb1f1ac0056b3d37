import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PricingSchema } from '../pricing-schema.scope';
import { ContractKindEnum } from './contract-kind.enum';

@ObjectType('PriceCheck', {
  registerIn: PricingSchema,
  description: "An order line's price against its contract and its margin against the floor.",
})
export class PriceCheckObject {
  @Field({ description: 'Whether the SKU is on the price list (pricing has its list price and cost).' })
  skuKnown: boolean;

  @Field({ description: 'Whether a contract for the SKU or its family is in force on the order date.' })
  hasContract: boolean;

  @Field(() => ContractKindEnum, {
    nullable: true,
    description:
      'Which contract prices the line: SKU beats FAMILY; among one kind the latest start, then the greatest id. Null without a contract.',
  })
  contractKind: ContractKindEnum | null;

  @Field(() => ID, { nullable: true, description: 'The contract in force on the order date.' })
  contractId: string | null;

  @Field(() => Float, { nullable: true, description: "The contract's price; null without a contract." })
  contractPrice: number | null;

  @Field(() => Float, { nullable: true, description: 'Null when the SKU is not on the price list.' })
  listPrice: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Signed: (unit price − contract price) / contract price × 100, rounded half away from zero to two decimals; null without a contract or with a zero contract price.',
  })
  deviationPct: number | null;

  @Field(() => Float, { nullable: true, description: "The contract's allowed deviation, in percent." })
  tolerancePct: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '|unit price − contract price| ≤ tolerance % × contract price, decided exactly on the stored decimals (not on the rounded deviation): a price exactly at the tolerance is within, one cent beyond is not. Null without a contract.',
  })
  withinTolerance: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '(unit price − unit cost) / unit price × 100, rounded half away from zero to two decimals; null when the SKU is not on the price list or the price is not positive.',
  })
  marginPct: number | null;

  @Field(() => Float, { nullable: true, description: "The contract's lowest acceptable margin, in percent." })
  marginFloorPct: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Margin ≥ floor, decided exactly: a margin exactly at the floor is above it. Null without a contract (no floor) or without a margin.',
  })
  aboveMarginFloor: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "When no contract is in force on the order date: the last day (YYYY-MM-DD) of the customer's most recent contract for the SKU or its family that ended before it (a contract that expired yesterday gives yesterday). Null otherwise.",
  })
  lastContractEndedOn: string | null;
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
