import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CaseUpdated, decodeEvent, DOMAIN_EVENTS, ERP_EVENTS, Partner } from '@ordex/contracts';
import { type ConsumerHandle, EVENT_BUS, type EventBus, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';

const SUBJECT = 'cases.case.updated.v1';
const PARTNER_SUBJECT = 'erp.partner.changed.v1';

/**
 * Case changes as they are published, for this instance's subscribers: every instance listens
 * live (each client is connected to one of them). An event that does not read as a
 * cases.case.updated.v1 is logged and skipped; it is the stream, not this feed, that keeps them.
 */
@Injectable()
export class CaseUpdateFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly subscribers = new Set<(update: CaseUpdated) => void>();
  private readonly partnerSubscribers = new Set<(partner: Partner) => void>();
  private listeners: ConsumerHandle[] = [];

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listeners = [
      await this.bus.listen([SUBJECT], ({ data }) => {
        const update = this.read(data);
        if (update) this.subscribers.forEach((subscriber) => subscriber(update));
      }),
      // A partner's new customer list, as the ERP publishes it: open subscriptions of that
      // partner narrow to it at once, without waiting for the directory to be rewritten.
      await this.bus.listen([PARTNER_SUBJECT], ({ data }) => {
        const partner = this.readPartner(data);
        if (partner) this.partnerSubscribers.forEach((subscriber) => subscriber(partner));
      }),
    ];
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.listeners.map((listener) => listener.stop()));
  }

  /** Calls `subscriber` with each partner change until the returned function is called. */
  subscribePartners(subscriber: (partner: Partner) => void): () => void {
    this.partnerSubscribers.add(subscriber);
    return () => this.partnerSubscribers.delete(subscriber);
  }

  private readPartner(data: Uint8Array): Partner | undefined {
    try {
      const parsed = ERP_EVENTS[PARTNER_SUBJECT].schema().safeParse(decodeEvent(data).data);
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Calls `subscriber` with each update until the returned function is called. */
  subscribe(subscriber: (update: CaseUpdated) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private read(data: Uint8Array): CaseUpdated | undefined {
    try {
      const event = decodeEvent(data);
      const parsed = DOMAIN_EVENTS[SUBJECT].schema().safeParse(event.data);
      if (parsed.success) return parsed.data;
      this.logger.warn(
        { eventId: event.id, issue: parsed.error.issues[0]?.message },
        'unreadable case update skipped',
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'unreadable case update skipped');
    }
    return undefined;
  }
}
