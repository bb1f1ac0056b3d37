import { LogisticsSchema } from '../logistics-schema.scope';
import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Region } from '@ordex/contracts';

@ObjectType('Lane', {
  registerIn: LogisticsSchema,
  description: 'A route a carrier serves from a distribution centre into a region.',
})
export class LaneObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  carrierCode: string;

  @Field(() => ID)
  dcCode: string;

  @Field(() => Region)
  region: Region;

  @Field(() => Int)
  transitDays: number;

  @Field(() => Float)
  costPerKg: number;
}

@ObjectType('Carrier', {
  registerIn: LogisticsSchema,
  description: 'A transport carrier (owned by logistics).',
})
@Directive('@key(fields: "code")')
export class CarrierObject {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field(() => [LaneObject])
  lanes?: LaneObject[];
}
