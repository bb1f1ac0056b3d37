import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectRepository(WebhookSubscriptionEntity)
    private readonly subscriptions: Repository<WebhookSubscriptionEntity>,
  ) {}

  /** A partner's subscriptions, active or not, oldest first. */
  ofPartner(partnerId: string): Promise<WebhookSubscriptionEntity[]> {
    return this.subscriptions.find({ where: { partnerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
