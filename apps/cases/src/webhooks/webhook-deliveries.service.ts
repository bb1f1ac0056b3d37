import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

  /** Queues `body` for each target; returns how many deliveries are new. */
  async enqueue(targets: WebhookTarget[], eventId: string, eventType: string, body: string): Promise<number> {
    if (targets.length === 0) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO "cases"."webhook_delivery" (subscription_id, event_id, event_type, body)
       SELECT unnest($1::uuid[]), $2, $3, $4
       ON CONFLICT (subscription_id, event_id) DO NOTHING
       RETURNING id`,
      [targets.map((t) => t.id), eventId, eventType, body],
    );
    return rows.length;
  }

  /** Takes up to `limit` due deliveries for one attempt each. */
  async lease(limit: number): Promise<LeasedDelivery[]> {
    // An UPDATE answers [rows, affected count].
    const [rows]: [LeasedDelivery[], number] = await this.dataSource.query(
      `UPDATE "cases"."webhook_delivery" d
          SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = d.attempts + 1
         FROM "cases"."webhook_subscription" s
        WHERE d.id IN (SELECT id FROM "cases"."webhook_delivery"
                        WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at, created_at
                        LIMIT $1 FOR UPDATE SKIP LOCKED)
          AND s.id = d.subscription_id
      RETURNING d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.body, d.attempts, s.url, s.secret`,
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
}
