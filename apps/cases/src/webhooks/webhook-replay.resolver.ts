import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLRequestContext, pageSize } from '@ordex/platform';
import { isUuid } from '../common/uuid.util';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryObject, WebhookReplayObject } from './webhook-delivery.object';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const CURSOR = /^(0|[1-9][0-9]{0,17})$/;

/**
 * What a subscription was sent, and sending it again from a cursor: a partner whose receiver was
 * down or lost data replays everything after the last delivery it processed. A partner system sees
 * and replays only its own subscriptions.
 */
@Resolver()
export class WebhookReplayResolver {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Query(() => [WebhookDeliveryObject], {
    description:
      "A subscription's deliveries after a cursor, oldest first. Errors: NOT_FOUND, BAD_USER_INPUT.",
  })
  async webhookDeliveries(
    @Context() ctx: GraphQLRequestContext,
    @Args('subscriptionId', { type: () => ID }) subscriptionId: string,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<WebhookDeliveryObject[]> {
    await this.subscription(ctx, subscriptionId);
    const rows = await this.deliveries.list(subscriptionId, checkedCursor(after), pageSize(first, 500));
    return rows.map(({ seq, ...row }) => ({ cursor: seq, ...row }));
  }

  @Mutation(() => WebhookReplayObject, {
    description:
      'Sends again (signed, retried, under their own delivery ids and cursors) up to `first` of the subscription’s deliveries after `after`, delivered or given up. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  async replayWebhookDeliveries(
    @Context() ctx: GraphQLRequestContext,
    @Args('subscriptionId', { type: () => ID }) subscriptionId: string,
    @Args('after', { description: 'The cursor of the last delivery processed; "0" for all.' }) after: string,
    @Args('first', { type: () => Int, defaultValue: 500 }) first: number,
  ): Promise<WebhookReplayObject> {
    await this.subscription(ctx, subscriptionId);
    return this.deliveries.replay(subscriptionId, checkedCursor(after) ?? '0', pageSize(first, 5_000));
  }

  private async subscription(ctx: GraphQLRequestContext, id: string) {
    const found = isUuid(id) ? await this.subscriptions.find(id, ctx.identity.partnerId) : null;
    if (!found) throw clientError('NOT_FOUND', `no webhook subscription ${id}`);
    return found;
  }
}

function checkedCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  if (!CURSOR.test(cursor)) throw clientError('BAD_USER_INPUT', 'a cursor is a whole number, as text');
  return cursor;
}
