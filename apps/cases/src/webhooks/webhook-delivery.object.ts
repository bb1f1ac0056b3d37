import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('WebhookDelivery', {
  registerIn: CasesSchema,
  description: 'One event queued for a subscription, and what became of it.',
})
export class WebhookDeliveryObject {
  @Field({ description: 'Its replay cursor (the ordex-delivery-cursor header): a 64-bit integer, as text.' })
  cursor: string;

  @Field()
  eventId: string;

  @Field()
  eventType: string;

  @Field({ description: 'pending, delivered or failed (given up after the last attempt).' })
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt: Date | null;
}

@ObjectType('WebhookReplay', { registerIn: CasesSchema })
export class WebhookReplayObject {
  @Field(() => Int, { description: 'Deliveries queued to be sent again.' })
  requeued: number;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last one; null when there was none.',
  })
  lastCursor: string | null;
}
