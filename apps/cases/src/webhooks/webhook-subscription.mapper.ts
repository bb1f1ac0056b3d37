import type { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import type { WebhookSubscriptionObject } from './webhook-subscription.object';

export function toWebhookSubscriptionObject(entity: WebhookSubscriptionEntity): WebhookSubscriptionObject {
  return {
    id: entity.id,
    partnerId: entity.partnerId,
    url: entity.url,
    eventTypes: entity.eventTypes,
    active: entity.active,
    createdAt: entity.createdAt,
  };
}
