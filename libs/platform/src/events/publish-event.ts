import { encodeEvent, EventEnvelope } from '@ordex/contracts';
import { CORRELATION_HEADER } from '../correlation/correlation';
import type { EventBus, PublishAck } from '../bus/event-bus';

/** Header carrying an event's business key; consumers that need per-key order serialise on it. */
export const EVENT_KEY_HEADER = 'ordex-key';

export function publishEvent(bus: EventBus, event: EventEnvelope<unknown>): Promise<PublishAck> {
  return bus.publish(event.type, encodeEvent(event), {
    msgId: event.id,
    headers: { [EVENT_KEY_HEADER]: event.subject, [CORRELATION_HEADER]: event.correlationid },
  });
}
