import type { EventEnvelope, Order } from '@ordex/contracts';

export type EventAttributes = Record<string, string | number | boolean | null>;

/** A row of the event log: which activity happened to which object, when, and where it was seen. */
export interface EventLogRecord {
  eventId: string;
  occurredAt: Date;
  activity: string;
  objectType: string;
  objectId: string;
  source: string;
  attributes: EventAttributes;
}

/** The ERP's new order (or new version of one) as the 'Order received' activity of that order. */
export function orderReceivedRecord(event: EventEnvelope<Order>): EventLogRecord {
  return {
    eventId: event.id,
    occurredAt: new Date(event.time),
    activity: 'Order received',
    objectType: 'order',
    objectId: event.data.orderNumber,
    source: event.source,
    attributes: { erpVersion: event.data.erpVersion, lines: event.data.lines.length },
  };
}
