import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { retryDelayAfter } from './domain/delivery-schedule.util';
import type { WebhookTarget } from './webhook-subscriptions.service';

/** A delivery leased for one attempt. */
export interface LeasedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
  /** Its position among the subscription's deliveries (the replay cursor), as text: a 64-bit integer. */
  seq: string;
}

/** A delivery as the partner sees it. */
export interface DeliveryView {
  seq: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** How long a leased delivery stays with the instance sending it before others may retry it. */
const LEASE_SECONDS = 60;

/**
 * The webhook delivery queue in the cases schema: one row per subscription and event (so an
 * event redelivered by the bus is queued once), leased with SKIP LOCKED so instances share the
 * sending without doubling it, retried on a schedule, given up after the last attempt.
 * Delivery is at least once: a receiver dedupes by `ordex-delivery-id`.
 */
@Injectable()
export class WebhookDeliveriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Queues `body` for each target; returns how many deliveries are new. Each subscription's row is
   * locked (in id order) before its delivery takes a cursor, so a subscription's cursors grow in
   * the order their deliveries commit: a partner that has seen cursor n never later finds a
   * delivery below n it had not seen.
   */
  async enqueue(
    targets: WebhookTarget[],
    eventId: string,
    eventType: string,
    body: string,
    db: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<number> {
    if (targets.length === 0) return 0;
    const rows: unknown[] = await db.query(
      `WITH locked AS (
         SELECT id FROM "cases"."webhook_subscription" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)
       INSERT INTO "cases"."webhook_delivery" (subscription_id, event_id, event_type, body)
       SELECT l.id, $2, $3, $4 FROM locked l
       ON CONFLICT (subscription_id, event_id) DO NOTHING
       RETURNING id`,
      [targets.map((t) => t.id), eventId, eventType, body],
    );
    return rows.length;
  }

  /** Takes up to `limit` due deliveries for one attempt each. */
  async lease(limit: number): Promise<LeasedDelivery[]> {
    // The partner's scope is checked again at every send, a replay's too: a delivery about a
    // customer its partner no longer acts for (or for a subscription switched off) is withheld,
    // never sent.
    await this.dataSource.query(
      `UPDATE "cases"."webhook_delivery" d
          SET status = 'failed', last_error = 'withheld: the partner no longer acts for this customer, or the subscription is off'
         FROM "cases"."webhook_subscription" s
        WHERE d.subscription_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= now()
          AND (NOT s.active OR NOT EXISTS (
                SELECT 1 FROM "cases"."partner_customer" pc
                 WHERE pc.partner_id = s.partner_id AND pc.customer_id = d.body::jsonb -> 'data' ->> 'customerId'))`,
    );
    // An UPDATE answers [rows, affected count].
    const [rows]: [LeasedDelivery[], number] = await this.dataSource.query(
      `UPDATE "cases"."webhook_delivery" d
          SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = d.attempts + 1
         FROM "cases"."webhook_subscription" s
        WHERE d.id IN (SELECT d2.id FROM "cases"."webhook_delivery" d2
                         JOIN "cases"."webhook_subscription" s2 ON s2.id = d2.subscription_id
                        WHERE d2.status = 'pending' AND d2.next_attempt_at <= now() AND s2.active
                          AND EXISTS (SELECT 1 FROM "cases"."partner_customer" pc
                                       WHERE pc.partner_id = s2.partner_id
                                         AND pc.customer_id = d2.body::jsonb -> 'data' ->> 'customerId')
                        ORDER BY d2.next_attempt_at, d2.created_at
                        LIMIT $1 FOR UPDATE OF d2 SKIP LOCKED)
          AND s.id = d.subscription_id
      RETURNING d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.body, d.attempts, s.url, s.secret,
                d.seq::text AS seq`,
      [limit],
    );
    return rows;
  }

  async delivered(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "cases"."webhook_delivery" SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed attempt: schedules the next one, or gives the delivery up. */
  async failed(delivery: LeasedDelivery, error: string): Promise<'retry' | 'given-up'> {
    const delayMs = retryDelayAfter(delivery.attempts);
    await this.dataSource.query(
      `UPDATE "cases"."webhook_delivery"
          SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
        WHERE id = $1`,
      [delivery.id, delayMs === undefined ? 'failed' : 'pending', error.slice(0, 500), (delayMs ?? 0) / 1000],
    );
    return delayMs === undefined ? 'given-up' : 'retry';
  }

  /** The subscription's deliveries after the cursor (all when null), oldest first. */
  async list(subscriptionId: string, after: string | null, first: number): Promise<DeliveryView[]> {
    return this.dataSource.query(
      `SELECT d.seq::text AS seq, d.event_id AS "eventId", d.event_type AS "eventType", d.status, d.attempts,
              d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"
         FROM "cases"."webhook_delivery" d
        WHERE d.subscription_id = $1 AND d.seq > $2::bigint
        ORDER BY d.seq LIMIT $3`,
      [subscriptionId, after ?? '0', first],
    );
  }

  /**
   * Sends the subscription's deliveries after the cursor again, whatever became of them
   * (delivered, given up): each is due now with a fresh set of attempts, under its own delivery
   * id and cursor, so the partner's de-duplication still works. Returns how many, and the last
   * cursor among them.
   */
  async replay(
    subscriptionId: string,
    after: string,
    first: number,
  ): Promise<{ requeued: number; lastCursor: string | null }> {
    const rows: { seq: string }[] = await this.dataSource.query(
      `WITH again AS (
         UPDATE "cases"."webhook_delivery"
            SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
          WHERE id IN (SELECT id FROM "cases"."webhook_delivery"
                        WHERE subscription_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3)
         RETURNING seq)
       SELECT a.seq::text AS seq FROM again a ORDER BY a.seq`,
      [subscriptionId, after, first],
    );
    return { requeued: rows.length, lastCursor: rows.at(-1)?.seq ?? null };
  }
}
