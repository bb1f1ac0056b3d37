import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CaseUpdated, decodeEvent, DOMAIN_EVENTS } from '@ordex/contracts';
import { type ConsumerHandle, EVENT_BUS, type EventBus, SERVICE_LOGGER } from '@ordex/platform';
import type { Logger } from 'pino';

const SUBJECT = 'cases.case.updated.v1';

/**
 * Case changes as they are published, for this instance's subscribers: every instance listens
 * live (each client is connected to one of them). An event that does not read as a
 * cases.case.updated.v1 is logged and skipped; it is the stream, not this feed, that keeps them.
 */
@Injectable()
export class CaseUpdateFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly subscribers = new Set<(update: CaseUpdated) => void>();
  private listener?: ConsumerHandle;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = await this.bus.listen([SUBJECT], ({ data }) => {
      const update = this.read(data);
      if (update) this.subscribers.forEach((subscriber) => subscriber(update));
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
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
