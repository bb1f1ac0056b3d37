import { randomUUID } from 'node:crypto';
import { CloudEvent } from 'cloudevents';

/**
 * Every ordex event is a CloudEvents 1.0 JSON message. `type` is the subject it travels on,
 * `subject` the business key (e.g. the order number); correlation and causation ids are
 * extension attributes.
 */
export interface EventEnvelope<T> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  data: T;
}

export interface NewEventOptions {
  source: string;
  correlationId?: string;
  causationId?: string;
  id?: string;
  time?: string;
}

export function createEvent<T>(
  type: string,
  subject: string,
  data: T,
  options: NewEventOptions,
): EventEnvelope<T> {
  const id = options.id ?? randomUUID();
  const event = new CloudEvent<T>({
    specversion: '1.0',
    id,
    source: options.source,
    type,
    subject,
    time: options.time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: options.correlationId ?? id,
    ...(options.causationId ? { causationid: options.causationId } : {}),
    data,
  });
  return event.toJSON() as unknown as EventEnvelope<T>;
}

export function encodeEvent(event: EventEnvelope<unknown>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(event));
}

/** Why an incoming message could not be read as an event. */
export class EventDecodeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'EventDecodeError';
  }
}

/** Parses and validates the envelope (not the payload: each consumer validates its own types). */
export function decodeEvent(bytes: Uint8Array): EventEnvelope<unknown> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new EventDecodeError(`malformed JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new EventDecodeError('malformed envelope: not a JSON object');
  }
  try {
    const event = new CloudEvent(json as Record<string, unknown>, true);
    if (!event.subject) throw new Error('subject (the business key) is required');
    return event.toJSON() as unknown as EventEnvelope<unknown>;
  } catch (error) {
    const detail = (error as { errors?: unknown }).errors;
    throw new EventDecodeError(
      `invalid CloudEvent: ${(error as Error).message}${detail ? ` ${JSON.stringify(detail)}` : ''}`,
    );
  }
}
