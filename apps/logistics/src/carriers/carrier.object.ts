import { LogisticsSchema } from '../logistics-schema.scope';
import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Region } from '@ordex/contracts';

@ObjectType('Lane', {
  registerIn: LogisticsSchema,
  description: 'A route a carrier serves from a distribution centre into a region.',
})
export class LaneObject {
  @Field(() => ID, { description: 'Carrier, DC and region: "DHL:DC-NORTH:NORTH".' })
  id: string;

  @Field(() => ID)
  carrierCode: string;

  @Field(() => ID)
  dcCode: string;

  @Field(() => Region)
  region: Region;

  @Field(() => Int, { description: 'Working days (Monday–Friday) from ship date to delivery.' })
  transitDays: number;

  @Field(() => Float)
  costPerKg: number;

  @Field(() => Float, { description: 'The least a shipment on the lane costs.' })
  minimumCharge: number;
}

@ObjectType('CarrierDepot', {
  registerIn: LogisticsSchema,
  description: 'Where a carrier collects from a DC: its standard daily capacity and the daily cut-off.',
})
export class CarrierDepotObject {
  @Field(() => ID)
  dcCode: string;

  @Field(() => Float, {
    description: 'Weight the carrier takes Monday to Friday unless a capacity event says otherwise.',
  })
  dailyCapacityKg: number;

  @Field({
    description: 'HH:MM local time at the DC; an order ships that day up to and including this minute.',
  })
  cutoffLocalTime: string;

  @Field({ description: 'IANA time zone of the DC, e.g. Europe/Berlin.' })
  timeZone: string;
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

  @Field(() => [CarrierDepotObject], { description: 'The DCs the carrier collects from.' })
  depots?: CarrierDepotObject[];

  @Field(() => [LaneObject], { description: 'The lanes the carrier serves.' })
  lanes?: LaneObject[];
}
