import { BadRequestException, Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  clientError,
  type GraphQLRequestContext,
  SERVICE_CONFIG,
  type SubgraphConfig,
} from '@ordex/platform';
import { isUuid } from '../common/uuid.util';
import { CreateWebhookSubscriptionInput } from './create-webhook-subscription.input';
import { webhookUrlRefusal } from './domain/webhook-url.util';
import { WEBHOOK_EVENT_TYPES } from './webhook-dispatcher.service';
import { WebhookSubscriptionCreatedObject } from './webhook-subscription-created.object';
import { toWebhookSubscriptionObject } from './webhook-subscription.mapper';
import { WebhookSubscriptionObject } from './webhook-subscription.object';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const MAX_URL_LENGTH = 2_000;
/** Each subscription multiplies the deliveries of every event: a partner gets a handful. */
export const MAX_ACTIVE_SUBSCRIPTIONS_PER_PARTNER = 10;

@Resolver(() => WebhookSubscriptionObject)
export class WebhookSubscriptionResolver {
  constructor(
    private readonly subscriptionService: WebhookSubscriptionsService,
    @Inject(SERVICE_CONFIG) private readonly config: SubgraphConfig,
  ) {}

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

  @Mutation(() => WebhookSubscriptionCreatedObject, {
    description:
      'Subscribes a partner system to case events, delivered as signed webhooks (docs/security.md). Errors: BAD_USER_INPUT, WEBHOOK_URL_REFUSED, UNKNOWN_EVENT_TYPE.',
  })
  async createWebhookSubscription(
    @Args('input') input: CreateWebhookSubscriptionInput,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<WebhookSubscriptionCreatedObject> {
    const own = ctx.identity.partnerId;
    const partnerId = input.partnerId?.trim() || own;
    if (!partnerId) throw clientError('BAD_USER_INPUT', 'partnerId is required');
    if (own !== undefined && partnerId !== own) {
      throw clientError('BAD_USER_INPUT', 'a partner system can subscribe only itself');
    }
    if (input.url.length > MAX_URL_LENGTH)
      throw clientError('BAD_USER_INPUT', `url is over ${MAX_URL_LENGTH} characters`);
    const refusal = webhookUrlRefusal(input.url, this.config.WEBHOOK_ALLOW_INSECURE_URLS);
    if (refusal) throw clientError('WEBHOOK_URL_REFUSED', `url ${refusal}`);
    if (input.eventTypes.length === 0)
      throw clientError('BAD_USER_INPUT', 'eventTypes must name at least one type');
    const unknown = input.eventTypes.filter(
      (type) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type),
    );
    if (unknown.length) {
      throw clientError(
        'UNKNOWN_EVENT_TYPE',
        `unknown event types ${unknown.join(', ')}; partners can receive ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      );
    }
    if ((await this.subscriptionService.activeCount(partnerId)) >= MAX_ACTIVE_SUBSCRIPTIONS_PER_PARTNER) {
      throw clientError(
        'BAD_USER_INPUT',
        `partner ${partnerId} has ${MAX_ACTIVE_SUBSCRIPTIONS_PER_PARTNER} active webhook subscriptions, the most allowed`,
      );
    }
    const { subscription, secret } = await this.subscriptionService.create(
      partnerId,
      input.url,
      input.eventTypes,
    );
    return { subscription: toWebhookSubscriptionObject(subscription), secret };
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a webhook subscription (a partner system: one of its own). Errors: NOT_FOUND.',
  })
  async deleteWebhookSubscription(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<boolean> {
    if (!isUuid(id) || !(await this.subscriptionService.delete(id, ctx.identity.partnerId))) {
      throw clientError('NOT_FOUND', `no webhook subscription ${id}`);
    }
    return true;
  }
}
