import { OrdersSchema } from '../orders-schema.scope';
import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrderStatus } from '@ordex/contracts';
import { CustomerObject, ShipToObject } from '../customers/customer.object';

@ObjectType('OrderLine', {
  registerIn: OrdersSchema,
  description: 'A line of an order. Inventory and pricing add their checks to it.',
})
@Directive('@key(fields: "id")')
export class OrderLineObject {
  @Field(() => ID, { description: 'Order number and line number, "SO-1001:1".' })
  id: string;

  @Field(() => ID)
  orderNumber: string;

  @Field(() => Int)
  lineNo: number;

  @Field(() => ID)
  sku: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Float)
  unitPrice: number;

  @Field(() => ID, { description: "The order's customer (for checks made per line)." })
  customerId: string;

  @Field({ description: 'The day the order was placed (the pricing date).' })
  orderedOn: string;

  @Field({ description: "The order's requested delivery date." })
  requestedDate: string;
}

@ObjectType('Order', {
  registerIn: OrdersSchema,
  description: "ordex's mirror of an ERP order at its newest version (owned by orders).",
})
@Directive('@key(fields: "orderNumber")')
export class OrderObject {
  @Field(() => ID)
  orderNumber: string;

  @Field(() => Int, { description: 'ERP version; an older version never overwrites a newer one.' })
  erpVersion: number;

  @Field(() => ID)
  customerId: string;

  @Field(() => CustomerObject, { nullable: true, description: 'Null when the ERP sent an unknown customer.' })
  customer?: CustomerObject | null;

  @Field(() => ID, { nullable: true })
  shipToId: string | null;

  @Field(() => ShipToObject, {
    nullable: true,
    description: 'Where the order goes; null when the ERP sent none or one the customer master lacks.',
  })
  shipTo?: ShipToObject | null;

  @Field()
  orderedOn: string;

  @Field()
  requestedDate: string;

  @Field()
  currency: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "The free text the ERP holds on the order — the customer's remarks, the order desk's and the ERP's hold notes — as one text, trimmed, its first 2,000 characters; null when there is none. Typed by people: show it as plain text, never render it as markup (HTML, Markdown).",
  })
  notes: string | null;

  @Field(() => [OrderLineObject])
  lines?: OrderLineObject[];

  @Field(() => Float, { description: 'Sum of quantity × unit price over the lines, in the order currency.' })
  orderValue?: number;
}
