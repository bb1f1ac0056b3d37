import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** A subscription a delivery goes to, with the secret that signs it. */
export interface WebhookTarget {
  id: string;
  url: string;
  secret: string;
}

@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectRepository(WebhookSubscriptionEntity)
    private readonly subscriptions: Repository<WebhookSubscriptionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A partner's subscriptions, active or not, oldest first. */
  ofPartner(partnerId: string): Promise<WebhookSubscriptionEntity[]> {
    return this.subscriptions.find({ where: { partnerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** How many active subscriptions a partner has. */
  activeCount(partnerId: string): Promise<number> {
    return this.subscriptions.countBy({ partnerId, active: true });
  }

  /** Creates an active subscription with a fresh signing secret, which is returned only here. */
  async create(
    partnerId: string,
    url: string,
    eventTypes: string[],
  ): Promise<{ subscription: WebhookSubscriptionEntity; secret: string }> {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const inserted = await this.subscriptions.insert({
      partnerId,
      url,
      eventTypes: [...new Set(eventTypes)],
      secret,
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    return { subscription: await this.subscriptions.findOneByOrFail({ id }), secret };
  }

  /** A subscription; with `partnerId`, only one of that partner's (another's is as if it did not exist). */
  find(id: string, partnerId?: string): Promise<WebhookSubscriptionEntity | null> {
    return this.subscriptions.findOneBy(partnerId ? { id, partnerId } : { id });
  }

  /** Deletes a subscription; with `partnerId`, only one of that partner's. False when there was none. */
  async delete(id: string, partnerId?: string): Promise<boolean> {
    const result = await this.subscriptions.delete(partnerId ? { id, partnerId } : { id });
    return (result.affected ?? 0) > 0;
  }

  /** Active subscriptions to `eventType` of partners that act for `customerId`. */
  targetsFor(eventType: string, customerId: string): Promise<WebhookTarget[]> {
    return this.dataSource.query(
      `SELECT s.id, s.url, s.secret
         FROM "cases"."webhook_subscription" s
         JOIN "cases"."partner_customer" pc ON pc.partner_id = s.partner_id AND pc.customer_id = $2
        WHERE s.active AND $1 = ANY(s.event_types)
        ORDER BY s.created_at, s.id`,
      [eventType, customerId],
    );
  }
}
