import { CasesSchema } from '../cases-schema.scope';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('WebhookSubscription', {
  registerIn: CasesSchema,
  description: "A partner system's subscription to case events, delivered to its URL as webhooks.",
})
export class WebhookSubscriptionObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnerId: string;

  @Field()
  url: string;

  @Field(() => [String], { description: "The event subjects it receives, e.g. 'cases.case.escalated.v1'." })
  eventTypes: string[];

  @Field(() => Boolean, { description: 'False while deliveries are paused.' })
  active: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
