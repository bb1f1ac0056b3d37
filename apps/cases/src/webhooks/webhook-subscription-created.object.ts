import { Field, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';
import { WebhookSubscriptionObject } from './webhook-subscription.object';

@ObjectType('WebhookSubscriptionCreated', { registerIn: CasesSchema })
export class WebhookSubscriptionCreatedObject {
  @Field(() => WebhookSubscriptionObject)
  subscription: WebhookSubscriptionObject;

  @Field({
    description:
      'Signs every delivery (ordex-signature: v1=HMAC-SHA256 of "<ordex-timestamp>.<body>"). Shown only now: keep it.',
  })
  secret: string;
}
