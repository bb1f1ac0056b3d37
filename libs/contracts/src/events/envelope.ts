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
  const attributes = json as Record<string, unknown>;
  // The CloudEvents SDK fills in a missing id or specversion instead of refusing the message;
  // an event without its own id could not be recognised when it arrives again.
  if (attributes.specversion !== '1.0')
    throw new EventDecodeError('invalid CloudEvent: specversion must be "1.0"');
  for (const name of ['id', 'source', 'type', 'subject'] as const) {
    if (typeof attributes[name] !== 'string' || attributes[name] === '') {
      throw new EventDecodeError(`invalid CloudEvent: ${name} must be a non-empty string`);
    }
  }
  for (const name of ['correlationid', 'causationid'] as const) {
    if (attributes[name] !== undefined && (typeof attributes[name] !== 'string' || attributes[name] === '')) {
      throw new EventDecodeError(`invalid CloudEvent: ${name} must be a non-empty string`);
    }
  }
  if (attributes.datacontenttype !== undefined && attributes.datacontenttype !== 'application/json') {
    throw new EventDecodeError('invalid CloudEvent: datacontenttype must be application/json');
  }
  try {
    const event = new CloudEvent({ correlationid: attributes.id, ...attributes }, true);
    return event.toJSON() as unknown as EventEnvelope<unknown>;
  } catch (error) {
    const detail = (error as { errors?: unknown }).errors;
    throw new EventDecodeError(
      `invalid CloudEvent: ${(error as Error).message}${detail ? ` ${JSON.stringify(detail)}` : ''}`,
    );
  }
}
