import { DOMAIN_EVENTS, DomainEventPayloads, DomainEventType, EventEnvelope } from '@ordex/contracts';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { ConsumerObserver, EventBus, PermanentEventError } from '../bus/event-bus';
import { runWithCorrelationId } from '../correlation/correlation';
import { consumeClaimedEvents, decodeBounded, ErpEventOutcome } from './erp-intake';

/** Applies one of ordex's own events through `tx`, the transaction that records it as processed. */
export type DomainEventHandler<K extends DomainEventType> = (
  payload: DomainEventPayloads[K],
  event: EventEnvelope<DomainEventPayloads[K]>,
  tx: EntityManager,
) => Promise<void>;

export type DomainEventHandlers = { [K in DomainEventType]?: DomainEventHandler<K> };

type ReadDomainEvent = EventEnvelope<DomainEventPayloads[DomainEventType]> & { type: DomainEventType };

export interface DomainConsumerOptions {
  bus: EventBus;
  dataSource: DataSource;
  /** Durable consumer name, shared by every instance of the service. */
  durable: string;
  handlers: DomainEventHandlers;
  logger: Logger;
  onOutcome?: (outcome: ErpEventOutcome, type: DomainEventType) => void;
  observer?: ConsumerObserver;
}

/**
 * Subscribes a service to other services' events (e.g. analytics to `cases.activity.recorded.v1`)
 * with the same guarantees as the ERP intake: validated against the generated schema, applied
 * exactly once per consumer in the transaction that claims the event, unreadable events dead-lettered
 * with their reason.
 */
export function consumeDomainEvents(options: DomainConsumerOptions): Promise<() => Promise<void>> {
  const { handlers, onOutcome = () => undefined } = options;
  return consumeClaimedEvents<ReadDomainEvent>({
    ...options,
    subjects: Object.keys(handlers),
    read: readDomainEvent,
    apply: async (tx, fresh) => {
      for (const event of fresh) {
        const handler = handlers[event.type] as DomainEventHandler<DomainEventType>;
        await runWithCorrelationId(event.correlationid, () => handler(event.data, event, tx));
      }
    },
    onOutcome: (outcome, event) => onOutcome(outcome, event.type),
  });
}

/** Reads one of ordex's own events: a known type matching its subject, with a valid payload. */
export function readDomainEvent(data: Uint8Array, subject: string): ReadDomainEvent {
  const event = decodeBounded(data);
  if (!Object.hasOwn(DOMAIN_EVENTS, event.type))
    throw new PermanentEventError(`unknown event type ${event.type}`);
  if (event.type !== subject)
    throw new PermanentEventError(`event type ${event.type} does not match subject ${subject}`);
  const type = event.type as DomainEventType;
  const parsed = (DOMAIN_EVENTS[type].schema() as { safeParse(v: unknown): SafeParse }).safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PermanentEventError(
      `invalid ${type} payload: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return { ...event, type, data: parsed.data } as ReadDomainEvent;
}

type SafeParse =
  | { success: true; data: unknown }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
