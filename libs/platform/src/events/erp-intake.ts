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
import type { DataSource, EntityManager } from 'typeorm';
import { runWithCorrelationId } from '../correlation/correlation';
import { ConsumerObserver, EventBus, PermanentEventError } from '../bus/event-bus';
import { claimEvent } from './processed-event';
import { EVENT_KEY_HEADER } from './publish-event';

/**
 * A handler applies one event's effect through `tx`, the transaction that also records the
 * event as processed: the effect and the record commit together or not at all.
 */
export type ErpEventHandlers = {
  [K in ErpEventType]?: (
    payload: ErpEventPayloads[K],
    event: EventEnvelope<ErpEventPayloads[K]>,
    tx: EntityManager,
  ) => Promise<void>;
};

export type ErpEventOutcome = 'applied' | 'duplicate';

/**
 * The largest ERP event ordex reads: 1 MiB, JetStream's default maximum payload. The largest
 * legitimate one, a DC's stock snapshot of 5,000 SKUs, is about 340 KB.
 */
export const MAX_ERP_EVENT_BYTES = 1024 * 1024;

/**
 * Subscribes a service to the ERP subjects it has handlers for, on one durable consumer.
 * Each message is decoded, checked against its generated payload schema and applied inside the
 * event's correlation id, exactly once per consumer: the event id is claimed in the same
 * transaction as the effect, so a redelivery or a re-send days later has no second effect.
 * What cannot be read goes to the dead-letter stream with the reason instead of being retried.
 */
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

export async function consumeErpEvents(options: ErpConsumerOptions): Promise<() => Promise<void>> {
  const { bus, dataSource, durable, handlers, logger, onOutcome = () => undefined, observer } = options;
  // Handlers name current versions; older live versions of those types are delivered upcast.
  const subjects = (Object.keys(handlers) as ErpEventType[]).flatMap(erpTypesDeliveredAs);
  const spec = { durable, subjects, orderedByKey: EVENT_KEY_HEADER, observer };
  const handle = await bus.consume(spec, async (message) => {
    const event = upcastFor(handlers, readErpEvent(message.data, message.subject));
    const handler = handlers[event.type] as (
      p: unknown,
      e: EventEnvelope<unknown>,
      tx: EntityManager,
    ) => Promise<void>;
    const outcome = await runWithCorrelationId(event.correlationid, () =>
      dataSource.transaction(async (tx): Promise<ErpEventOutcome> => {
        if (!(await claimEvent(tx, durable, event))) return 'duplicate';
        await handler(event.data, event, tx);
        return 'applied';
      }),
    );
    onOutcome(outcome, event.type);
    logger.debug({ eventId: event.id, type: event.type, subject: event.subject, outcome }, 'erp event');
  });
  return () => handle.stop();
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
  if (data.byteLength > MAX_ERP_EVENT_BYTES) {
    throw new PermanentEventError(
      `oversized message: ${data.byteLength} bytes, the limit is ${MAX_ERP_EVENT_BYTES}`,
    );
  }
  let event: EventEnvelope<unknown>;
  try {
    event = decodeEvent(data);
  } catch (error) {
    throw new PermanentEventError(error instanceof EventDecodeError ? error.message : String(error));
  }
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

type ReadErpEvent = ReturnType<typeof readErpEvent>;

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
