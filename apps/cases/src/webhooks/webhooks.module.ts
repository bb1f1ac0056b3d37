import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDispatcher } from './webhook-dispatcher.service';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';
import { WebhookReplayResolver } from './webhook-replay.resolver';
import { WebhookSubscriptionResolver } from './webhook-subscription.resolver';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

@Module({
  imports: [TypeOrmModule.forFeature([WebhookSubscriptionEntity])],
  providers: [
    WebhookSubscriptionsService,
    WebhookDeliveriesService,
    WebhookDispatcher,
    WebhookSubscriptionResolver,
    WebhookReplayResolver,
  ],
  exports: [WebhookSubscriptionsService],
})
export class WebhooksModule {}
