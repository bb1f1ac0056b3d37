import { Field, ID, InputType } from '@nestjs/graphql';
import { OrdersSchema } from '../orders-schema.scope';

@InputType('ErpEventInput', {
  registerIn: OrdersSchema,
  description:
    'An ERP event as a partner would publish it to NATS: a CloudEvents 1.0 envelope (docs/events.md).',
})
export class ErpEventInput {
  @Field(() => ID, {
    description: 'The event id; the same id sent again is recognised and not applied twice.',
  })
  id: string;

  @Field({ description: 'The event type, one of the ERP intake subjects, e.g. erp.order.created.v1.' })
  type: string;

  @Field(() => ID, { description: 'The business key: order number, SKU, customer id…' })
  subject: string;

  @Field({ description: 'The sending system.' })
  source: string;

  @Field({ nullable: true, description: 'When it happened (ISO 8601); now when omitted.' })
  time?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The business request it belongs to; the event id when omitted.',
  })
  correlationId?: string;

  @Field({ description: 'The payload as JSON text, of the canonical type the event type names.' })
  data: string;
}
