import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LogisticsSchema } from '../logistics-schema.scope';
import { ShipmentBlocker } from './shipment-blocker.enum';
import type { ShipmentBlocker as ShipmentBlockerValue } from './domain/shipment-options.util';

@ObjectType('ShipmentOption', {
  registerIn: LogisticsSchema,
  description: 'One way an order can ship: a DC, a carrier and the earliest ship date that works.',
})
export class ShipmentOptionObject {
  @Field(() => ID)
  dcCode: string;

  @Field(() => ID)
  carrierCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the earliest date from the requested date within the horizon that works; null when none does.',
  })
  shipDate: string | null;

  @Field({ description: 'The ship date is the requested date.' })
  onRequestedDate: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Working days (Monday–Friday) after the requested date up to the ship date; null without a ship date.',
  })
  delayDays: number | null;

  @Field(() => Int, { description: "The lane's transit time in working days." })
  transitDays: number;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: ship date plus the transit days counted Monday to Friday; null without a ship date.',
  })
  deliveryDate: string | null;

  @Field(() => Float, { description: "The order's weight: Σ quantity × unit weight (unknown SKUs count 0)." })
  weightKg: number;

  @Field(() => Float, {
    description:
      "max(lane minimum charge, weight × cost per kg), rounded half up to cents (lane's tariff currency).",
  })
  cost: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The carrier's remaining capacity on the ship date before this order; null without a ship date.",
  })
  remainingKgOnShipDate: number | null;

  @Field({ description: "The DC is the customer's preferred DC." })
  preferredDc: boolean;

  @Field(() => [ShipmentBlocker], {
    description: 'Why the requested date itself does not work; empty when it does.',
  })
  requestedDateBlockers: ShipmentBlockerValue[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      "The delivery date's weekday is in the customer's delivery windows (true when it has none); null without a ship date.",
  })
  deliveryWindowMet: boolean | null;

  @Field(() => [ID], { description: 'SKUs of the order logistics knows no weight for (they count 0 kg).' })
  unknownSkus: string[];
}
