import { BadRequestException } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { toWebhookSubscriptionObject } from './webhook-subscription.mapper';
import { WebhookSubscriptionObject } from './webhook-subscription.object';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@Resolver(() => WebhookSubscriptionObject)
export class WebhookSubscriptionResolver {
  constructor(private readonly subscriptionService: WebhookSubscriptionsService) {}

  @Query(() => [WebhookSubscriptionObject], {
    description: "A partner's webhook subscriptions, oldest first.",
  })
  async webhookSubscriptions(@Args('partnerId', { type: () => ID }) partnerId: string) {
    if (!partnerId.trim()) throw new BadRequestException('partnerId must not be blank');
    const rows = await this.subscriptionService.ofPartner(partnerId);
    return rows.map(toWebhookSubscriptionObject);
  }
}
