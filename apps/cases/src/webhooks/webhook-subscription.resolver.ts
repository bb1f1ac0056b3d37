import { BadRequestException } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { toWebhookSubscriptionObject } from './webhook-subscription.mapper';
import { WebhookSubscriptionObject } from './webhook-subscription.object';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@Resolver(() => WebhookSubscriptionObject)
export class WebhookSubscriptionResolver {
  constructor(private readonly subscriptionService: WebhookSubscriptionsService) {}

  @Query(() => [WebhookSubscriptionObject], {
    description: "A partner's webhook subscriptions, oldest first.",
  })
  async webhookSubscriptions(
    @Args('partnerId', { type: () => ID }) partnerId: string,
    @Context() ctx: GraphQLRequestContext,
  ) {
    if (!partnerId.trim()) throw new BadRequestException('partnerId must not be blank');
    // A partner system sees its own subscriptions only; another partner's look like none.
    const own = ctx.identity.partnerId;
    if (own !== undefined && own !== partnerId) return [];
    const rows = await this.subscriptionService.ofPartner(partnerId);
    return rows.map(toWebhookSubscriptionObject);
  }
}
