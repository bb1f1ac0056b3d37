import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { decodeEvent, DOMAIN_EVENTS } from '@ordex/contracts';
import {
  type ConsumerHandle,
  EVENT_BUS,
  EVENT_KEY_HEADER,
  type EventBus,
  PermanentEventError,
  SERVICE_LOGGER,
} from '@ordex/platform';
import type { Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { signWebhook } from './domain/webhook-signature.util';
import { LeasedDelivery, WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** The event types partners can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['cases.case.updated.v1'] as const;

const DURABLE = 'cases-webhooks';
const IDLE_POLL_MS = 250;
const BATCH = 20;
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Delivers case events to partners' webhook subscriptions: a durable consumer (shared by the
 * service's instances) queues a delivery per subscription whose partner acts for the case's
 * customer, and a sender posts due deliveries, signed, with retries. A partner never receives a
 * delivery about another partner's customers: targets come from the partner directory.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer?: ConsumerHandle;
  private readonly stop = new AbortController();
  private sender?: Promise<void>;
  private wake?: () => void;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.consume(
      { durable: DURABLE, subjects: [...WEBHOOK_EVENT_TYPES], orderedByKey: EVENT_KEY_HEADER },
      async (message) => this.queue(message.data),
    );
    this.sender = this.send();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    this.wake?.();
    await this.consumer?.stop();
    await this.sender;
  }

  private async queue(data: Uint8Array): Promise<void> {
    let event;
    try {
      event = decodeEvent(data);
    } catch (error) {
      throw new PermanentEventError(`unreadable event: ${(error as Error).message}`);
    }
    const parsed = DOMAIN_EVENTS['cases.case.updated.v1'].schema().safeParse(event.data);
    if (!parsed.success)
      throw new PermanentEventError(`invalid ${event.type}: ${parsed.error.issues[0]?.message}`);
    const targets = await this.subscriptions.targetsFor(event.type, parsed.data.customerId);
    const queued = await this.deliveries.enqueue(
      targets,
      event.id,
      event.type,
      new TextDecoder().decode(data),
    );
    if (queued) this.wake?.();
  }

  private async send(): Promise<void> {
    while (!this.stop.signal.aborted) {
      let leased: LeasedDelivery[] = [];
      try {
        leased = await this.deliveries.lease(BATCH);
        await Promise.all(leased.map((delivery) => this.attempt(delivery)));
      } catch (error) {
        this.logger.error({ err: error }, 'webhook sender failed; will retry');
      }
      if (leased.length < BATCH) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      void sleep(IDLE_POLL_MS, undefined, { signal: this.stop.signal })
        .catch(() => undefined)
        .then(() => resolve());
    });
  }

  private async attempt(delivery: LeasedDelivery): Promise<void> {
    const timestamp = Math.floor(Date.now() / 1000);
    let failure: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          'content-type': 'application/cloudevents+json',
          'user-agent': 'ordex-webhooks/1',
          'ordex-delivery-id': delivery.id,
          'ordex-delivery-cursor': delivery.seq,
          'ordex-event-id': delivery.eventId,
          'ordex-event-type': delivery.eventType,
          'ordex-timestamp': String(timestamp),
          'ordex-signature': signWebhook(delivery.secret, timestamp, delivery.body),
        },
        body: delivery.body,
      });
      await response.body?.cancel();
      if (!response.ok) failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    if (failure === undefined) return this.deliveries.delivered(delivery.id);
    const outcome = await this.deliveries.failed(delivery, failure);
    this.logger.warn(
      { deliveryId: delivery.id, eventId: delivery.eventId, attempts: delivery.attempts, failure, outcome },
      'webhook delivery failed',
    );
  }
}
