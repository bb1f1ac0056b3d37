import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrdersSchema } from '../orders-schema.scope';

@ObjectType('ErpEventRejection', { registerIn: OrdersSchema })
export class ErpEventRejectionObject {
  @Field({ description: 'INVALID_EVENT: the envelope, type or payload failed validation.' })
  code: string;

  @Field({ description: 'What is wrong, e.g. "invalid erp.order.created.v1 payload: lines.0.quantity: …".' })
  message: string;
}

@ObjectType('ErpEventReceipt', {
  registerIn: OrdersSchema,
  description: 'What became of one submitted ERP event.',
})
export class ErpEventReceiptObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Queued for the intake (published to NATS through the outbox).' })
  accepted: boolean;

  @Field({ description: 'An event with this id was already submitted; it is not queued again.' })
  duplicate: boolean;

  @Field(() => ErpEventRejectionObject, { nullable: true })
  rejection: ErpEventRejectionObject | null;
}
