import { encodeEvent, EventEnvelope } from '@ordex/contracts';
import { CORRELATION_HEADER } from '../correlation/correlation';
import type { EventBus, PublishAck } from '../bus/event-bus';

/** Header carrying an event's business key; consumers that need per-key order serialise on it. */
export const EVENT_KEY_HEADER = 'ordex-key';

/**
 * Publishes an event on its subject. The message id (de-duplication within the stream's window)
 * is the event id unless the caller says otherwise, as a re-send from another system would.
 */
export function publishEvent(
  bus: EventBus,
  event: EventEnvelope<unknown>,
  msgId = event.id,
): Promise<PublishAck> {
  return bus.publish(event.type, encodeEvent(event), {
    msgId,
    headers: { [EVENT_KEY_HEADER]: event.subject, [CORRELATION_HEADER]: event.correlationid },
  });
}
