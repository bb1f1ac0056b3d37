import { LogisticsSchema } from '../logistics-schema.scope';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CapacitySlot', {
  registerIn: LogisticsSchema,
  description: 'What one carrier can take from one DC on one ship date.',
})
export class CapacitySlotObject {
  @Field(() => ID)
  carrierCode: string;

  @Field(() => ID)
  dcCode: string;

  @Field({ description: 'YYYY-MM-DD.' })
  shipDate: string;

  @Field(() => Float)
  capacityKg: number;

  @Field(() => Float)
  bookedKg: number;

  @Field(() => Float, { description: 'Capacity still free; zero when the slot is full or overbooked.' })
  remainingKg: number;

  @Field({
    description:
      "True when no capacity event set this day: the depot's daily capacity Monday to Friday, nothing at weekends.",
  })
  defaulted: boolean;

  @Field({ description: 'Whether the carrier collects from the DC that day at all (capacity above zero).' })
  collects: boolean;
}
