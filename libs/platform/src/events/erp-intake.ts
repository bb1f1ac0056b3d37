import {
  decodeEvent,
  ERP_EVENTS,
  ErpEventPayloads,
  ErpEventType,
  EventDecodeError,
  erpTypesDeliveredAs,
  ERP_UPCASTERS,
  EventEnvelope,
  isErpEventType,
  UpcastableErpEventType,
} from '@ordex/contracts';
import type { Logger } from 'pino';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { runWithCorrelationId } from '../correlation/correlation';
import { ConsumerObserver, EventBus, PermanentEventError } from '../bus/event-bus';
import { GroupCommit } from './group-commit';
import { claimEvents } from './processed-event';
import { EVENT_KEY_HEADER } from './publish-event';

/**
 * A handler applies one event's effect through `tx`, the transaction that also records the
 * event as processed: the effect and the record commit together or not at all.
 */
export type ErpEventHandler<K extends ErpEventType> = (
  payload: ErpEventPayloads[K],
  event: EventEnvelope<ErpEventPayloads[K]>,
  tx: EntityManager,
) => Promise<void>;

/**
 * A set-based handler: applies several events of one type at once, through `tx` as above. The
 * events carry different business keys (two events of one key are never applied together), in
 * the order they were delivered. Worth having where the intake is busy (order versions).
 */
export interface ErpBatchHandler<K extends ErpEventType> {
  batch(events: EventEnvelope<ErpEventPayloads[K]>[], tx: EntityManager): Promise<void>;
}

export type ErpEventHandlers = {
  [K in ErpEventType]?: ErpEventHandler<K> | ErpBatchHandler<K>;
};

export type ErpEventOutcome = 'applied' | 'duplicate';

/**
 * The largest ERP event ordex reads: 1 MiB, JetStream's default maximum payload. The largest
 * legitimate one, a DC's stock snapshot of 5,000 SKUs, is about 340 KB.
 */
export const MAX_ERP_EVENT_BYTES = 1024 * 1024;

/**
 * How the intake shares transactions between events: up to `INTAKE_BATCH.maxBatch` events that
 * arrive while `INTAKE_BATCH.maxConcurrent` transactions are busy are applied in the next one,
 * and the consumer works on up to `INTAKE_BATCH.maxInFlight` events (of different keys) at once.
 */
export const INTAKE_BATCH = { maxBatch: 64, maxConcurrent: 2, maxInFlight: 128 } as const;

export interface ErpConsumerOptions {
  bus: EventBus;
  dataSource: DataSource;
  /** Durable consumer name, shared by every instance of the service. */
  durable: string;
  handlers: ErpEventHandlers;
  logger: Logger;
  /** Told whether each event was applied or recognised as already processed. */
  onOutcome?: (outcome: ErpEventOutcome, type: ErpEventType) => void;
  /** Told about retries and dead letters. */
  observer?: ConsumerObserver;
}

type ReadErpEvent = ReturnType<typeof readErpEvent>;
type AnyErpHandler =
  | ((payload: unknown, event: ReadErpEvent, tx: EntityManager) => Promise<void>)
  | { batch(events: ReadErpEvent[], tx: EntityManager): Promise<void> };

/**
 * Subscribes a service to the ERP subjects it has handlers for, on one durable consumer
 * ({@link consumeClaimedEvents}): each message is decoded, checked against its generated payload
 * schema, raised to the version the handlers name and applied exactly once per consumer — by
 * type, set-based where the handler offers `batch`.
 */
export async function consumeErpEvents(options: ErpConsumerOptions): Promise<() => Promise<void>> {
  const { handlers, onOutcome = () => undefined } = options;
  // Handlers name current versions; older live versions of those types are delivered upcast.
  const subjects = (Object.keys(handlers) as ErpEventType[]).flatMap(erpTypesDeliveredAs);
  return consumeClaimedEvents<ReadErpEvent>({
    ...options,
    subjects,
    read: (data, subject) => upcastFor(handlers, readErpEvent(data, subject)),
    apply: (tx, fresh) => applyErpEvents(tx, handlers, fresh),
    onOutcome: (outcome, event) => onOutcome(outcome, event.type),
  });
}

/** What {@link consumeClaimedEvents} needs besides the bus and the database. */
export interface ClaimedConsumerOptions<E extends EventEnvelope<unknown>> {
  bus: EventBus;
  dataSource: DataSource;
  durable: string;
  subjects: string[];
  logger: Logger;
  observer?: ConsumerObserver;
  /** Decodes and validates a message; throws PermanentEventError for what cannot be read. */
  read: (data: Uint8Array, subject: string) => E;
  /** Applies the events not processed before, in the transaction that claims them. */
  apply: (tx: EntityManager, fresh: E[]) => Promise<void>;
  onOutcome?: (outcome: ErpEventOutcome, event: E) => void;
}

/**
 * The exactly-once intake every event consumer of ordex shares: one durable consumer, messages
 * read and validated by `read`, and the effect applied by `apply` in the transaction that claims
 * the event ids, so a redelivery or a re-send days later has no second effect. What cannot be read
 * goes to the dead-letter stream with the reason instead of being retried; so does an event whose
 * effect the database rejects as invalid data (a constraint or a value out of range), which no
 * retry can change.
 *
 * Events that are in flight together share transactions ({@link GroupCommit}): one claim
 * statement for all of them, then `apply`. If such a transaction fails, each of its events is
 * applied again alone, so a bad event fails by itself and takes the consumer's retry and
 * dead-letter path like any other.
 */
export async function consumeClaimedEvents<E extends EventEnvelope<unknown>>(
  options: ClaimedConsumerOptions<E>,
): Promise<() => Promise<void>> {
  const { bus, dataSource, durable, subjects, logger, observer, read, apply } = options;
  const onOutcome = options.onOutcome ?? (() => undefined);
  const spec = {
    durable,
    subjects,
    orderedByKey: EVENT_KEY_HEADER,
    maxInFlight: INTAKE_BATCH.maxInFlight,
    observer,
  };
  const applyTogether = async (events: E[]): Promise<ErpEventOutcome[]> => {
    try {
      return await dataSource.transaction(async (tx) => {
        const claimed = await claimEvents(tx, durable, events);
        // The same id twice in one batch (a re-send without an ordering key) is claimed once.
        const fresh = events.filter((event) => claimed.delete(event.id));
        await apply(tx, fresh);
        const applied = new Set(fresh);
        return events.map((event): ErpEventOutcome => (applied.has(event) ? 'applied' : 'duplicate'));
      });
    } catch (error) {
      throw events.length === 1 ? asPermanentIfInvalidData(error) : error;
    }
  };
  const batches = new GroupCommit(applyTogether, INTAKE_BATCH);
  const handle = await bus.consume(spec, async (message) => {
    const event = read(message.data, message.subject);
    const outcome = await batches.submit(event);
    onOutcome(outcome, event);
    logger.debug({ eventId: event.id, type: event.type, subject: event.subject, outcome }, 'event');
  });
  return () => handle.stop();
}

async function applyErpEvents(
  tx: EntityManager,
  handlers: ErpEventHandlers,
  fresh: ReadErpEvent[],
): Promise<void> {
  const byType = new Map<ErpEventType, ReadErpEvent[]>();
  for (const event of fresh) {
    const ofType = byType.get(event.type);
    if (ofType) ofType.push(event);
    else byType.set(event.type, [event]);
  }
  for (const [type, ofType] of byType) {
    const handler = handlers[type] as AnyErpHandler;
    if (typeof handler !== 'function') {
      await handler.batch(ofType, tx);
      continue;
    }
    for (const event of ofType) {
      await runWithCorrelationId(event.correlationid, () => handler(event.data, event, tx));
    }
  }
}

/**
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the database
 * refuses the event's data itself, e.g. a quantity its check forbids or a line number twice.
 */
const INVALID_DATA_SQLSTATE = /^2[23]/;

function asPermanentIfInvalidData(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const code = (error.driverError as { code?: unknown }).code;
  if (typeof code !== 'string' || !INVALID_DATA_SQLSTATE.test(code)) return error;
  return new PermanentEventError(`rejected by the database (SQLSTATE ${code}): ${error.message}`);
}

/**
 * Reads an ERP event as every entry point must (the NATS intake and the GraphQL intake alike):
 * a CloudEvents envelope whose type is in the ERP catalogue and matches `subject`, with a payload
 * that passes its generated schema. Anything else is a PermanentEventError naming the problem.
 */
export function readErpEvent(
  data: Uint8Array,
  subject: string,
): EventEnvelope<ErpEventPayloads[ErpEventType]> & { type: ErpEventType } {
  const event = decodeBounded(data);
  if (!isErpEventType(event.type)) throw new PermanentEventError(`unknown event type ${event.type}`);
  if (event.type !== subject) {
    throw new PermanentEventError(`event type ${event.type} does not match subject ${subject}`);
  }
  const parsed = ERP_EVENTS[event.type].schema().safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PermanentEventError(
      `invalid ${event.type} payload: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return { ...event, type: event.type, data: parsed.data } as EventEnvelope<
    ErpEventPayloads[ErpEventType]
  > & {
    type: ErpEventType;
  };
}

/**
 * A message as a CloudEvents envelope, within the size every intake accepts; anything else is a
 * PermanentEventError naming the problem.
 */
export function decodeBounded(data: Uint8Array): EventEnvelope<unknown> {
  if (data.byteLength > MAX_ERP_EVENT_BYTES) {
    throw new PermanentEventError(
      `oversized message: ${data.byteLength} bytes, the limit is ${MAX_ERP_EVENT_BYTES}`,
    );
  }
  try {
    return decodeEvent(data);
  } catch (error) {
    throw new PermanentEventError(error instanceof EventDecodeError ? error.message : String(error));
  }
}

/** Raises an event of an older live version to the version the consumer handles. */
function upcastFor(handlers: ErpEventHandlers, event: ReadErpEvent): ReadErpEvent {
  let current = event;
  while (!handlers[current.type] && current.type in ERP_UPCASTERS) {
    const { to, upcast } = ERP_UPCASTERS[current.type as UpcastableErpEventType];
    const parsed = ERP_EVENTS[to].schema().safeParse((upcast as (p: unknown) => unknown)(current.data));
    if (!parsed.success)
      throw new PermanentEventError(
        `cannot upcast ${current.type} to ${to}: ${parsed.error.issues[0].message}`,
      );
    current = { ...current, type: to, data: parsed.data } as ReadErpEvent;
  }
  return current;
}
