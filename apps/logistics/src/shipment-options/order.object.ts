import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Region } from '@ordex/contracts';
import { LogisticsSchema } from '../logistics-schema.scope';
import { ShipmentOptionObject } from './shipment-option.object';

/** The orders subgraph's ShipTo: only the region logistics plans with. */
@ObjectType('ShipTo', { registerIn: LogisticsSchema })
export class ShipToObject {
  @Field(() => Region)
  @Directive('@external')
  region: Region;
}

/** The orders subgraph's OrderLine: only what weighs the order. Logistics does not resolve lines. */
@ObjectType('OrderLine', { registerIn: LogisticsSchema })
@Directive('@key(fields: "id", resolvable: false)')
export class OrderLineObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  @Directive('@external')
  sku: string;

  @Field(() => Int)
  @Directive('@external')
  quantity: number;
}

/** The orders subgraph's Order, extended with how it can ship. No description, so the owner's stands. */
@ObjectType('Order', { registerIn: LogisticsSchema })
@Directive('@key(fields: "orderNumber")')
export class OrderObject {
  @Field(() => ID)
  orderNumber: string;

  @Field(() => ID)
  @Directive('@external')
  customerId: string;

  @Field()
  @Directive('@external')
  requestedDate: string;

  @Field(() => ShipToObject, { nullable: true })
  @Directive('@external')
  shipTo: ShipToObject | null;

  @Field(() => [OrderLineObject])
  @Directive('@external')
  lines: OrderLineObject[];

  @Field(() => [ShipmentOptionObject], {
    description:
      'Every DC × carrier the order may ship by (routing rule, lanes into the ship-to region), each on its earliest ' +
      'workable date, best first; empty without a ship-to.',
  })
  @Directive('@requires(fields: "customerId requestedDate shipTo { region } lines { sku quantity }")')
  shipmentOptions?: ShipmentOptionObject[];
}
