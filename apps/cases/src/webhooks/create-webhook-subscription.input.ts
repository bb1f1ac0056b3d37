import { Field, ID, InputType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@InputType('CreateWebhookSubscriptionInput', { registerIn: CasesSchema })
export class CreateWebhookSubscriptionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The partner it is for; a partner system may leave it out (its own) and may name no other.',
  })
  partnerId?: string | null;

  @Field({ description: 'Where deliveries are POSTed: https, on a public host.' })
  url: string;

  @Field(() => [String], { description: "The event types to receive, e.g. 'cases.case.updated.v1'." })
  eventTypes: string[];
}
