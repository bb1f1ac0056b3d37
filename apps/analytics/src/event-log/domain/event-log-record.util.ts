import type {
  CaseActivity,
  CommandAcknowledgement,
  EventEnvelope,
  Order,
  OrderCancelled,
} from '@ordex/contracts';

export type EventAttributes = Record<string, string | number | boolean | null>;

/** An object an event touched, and its role in the event (an OCEL 2.0 qualifier). */
export interface LoggedObject {
  type: string;
  id: string;
  qualifier: string;
}

/** A row of the object-centric event log: one activity, when, who, and every object it touched. */
export interface EventLogRecord {
  eventId: string;
  occurredAt: Date;
  activity: string;
  /** A user, an ordex rule or a system; null when the source does not say. */
  actor: string | null;
  /** The team whose work it was, when it was a team's. */
  team: string | null;
  source: string;
  attributes: EventAttributes;
  /** The first is the object the event is chiefly about. */
  objects: LoggedObject[];
}

/** The activity names of the ERP's order events in the log. */
export const ERP_ACTIVITIES = {
  created: 'Order received',
  changed: 'Order changed',
  released: 'Order released',
  partiallyReleased: 'Order partially released',
  shipped: 'Order shipped',
  cancelled: 'Order cancelled',
  acknowledged: 'ERP acknowledged command',
} as const;

/** An order's line as an object of the log: unique across orders. */
export const lineObjectId = (orderNumber: string, lineNo: number): string => `${orderNumber}/${lineNo}`;

/** What a changed version says happened, by the status it reached: released and shipped are steps of their own. */
const STATUS_ACTIVITIES: Partial<Record<string, string>> = {
  RELEASED: ERP_ACTIVITIES.released,
  PARTIALLY_RELEASED: ERP_ACTIVITIES.partiallyReleased,
  SHIPPED: ERP_ACTIVITIES.shipped,
};

/**
 * A new order (or a newer version of one) from the ERP: the order, its customer and its lines. A
 * change that releases or ships the order is that step ('Order released', 'Order shipped'), and a
 * shipped order's shipment becomes an object of the log (one per order: the ERP ships an order
 * whole or says nothing of its parcels).
 */
export function orderVersionRecord(
  event: EventEnvelope<Order>,
  activity: typeof ERP_ACTIVITIES.created | typeof ERP_ACTIVITIES.changed,
): EventLogRecord {
  const order = event.data;
  const step = activity === ERP_ACTIVITIES.changed ? (STATUS_ACTIVITIES[order.status] ?? activity) : activity;
  return {
    eventId: event.id,
    occurredAt: new Date(event.time),
    activity: step,
    actor: null,
    team: null,
    source: event.source,
    attributes: { erpVersion: order.erpVersion, lines: order.lines.length, status: order.status },
    objects: [
      { type: 'order', id: order.orderNumber, qualifier: 'order' },
      { type: 'customer', id: order.customerId, qualifier: 'ordered by' },
      ...order.lines.map((line) => ({
        type: 'line',
        id: lineObjectId(order.orderNumber, line.lineNo),
        qualifier: 'order line',
      })),
      ...(step === ERP_ACTIVITIES.shipped
        ? [{ type: 'shipment', id: `${order.orderNumber}/shipment`, qualifier: 'shipment' }]
        : []),
    ],
  };
}

/** The ERP cancelled an order. */
export function orderCancelledRecord(event: EventEnvelope<OrderCancelled>): EventLogRecord {
  return {
    eventId: event.id,
    occurredAt: new Date(event.data.cancelledAt),
    activity: ERP_ACTIVITIES.cancelled,
    actor: null,
    team: null,
    source: event.source,
    attributes: { erpVersion: event.data.erpVersion, reason: event.data.reason ?? null },
    objects: [{ type: 'order', id: event.data.orderNumber, qualifier: 'order' }],
  };
}

/** The ERP's answer to a command ordex sent. */
export function commandAcknowledgedRecord(event: EventEnvelope<CommandAcknowledgement>): EventLogRecord {
  const ack = event.data;
  return {
    eventId: event.id,
    occurredAt: new Date(ack.acknowledgedAt),
    activity: ERP_ACTIVITIES.acknowledged,
    actor: 'erp',
    team: null,
    source: event.source,
    attributes: { commandType: ack.commandType, outcome: ack.outcome, reason: ack.reason ?? null },
    objects: [
      { type: 'command', id: ack.commandId, qualifier: 'command' },
      ...(ack.orderNumber ? [{ type: 'order', id: ack.orderNumber, qualifier: 'order' }] : []),
    ],
  };
}

/**
 * A step of a case's work as the cases service recorded it: the case first, then every object it
 * names. Attribute values arrive as text; numbers and booleans are read back.
 */
export function caseActivityRecord(event: EventEnvelope<CaseActivity>): EventLogRecord {
  const activity = event.data;
  const attributes: EventAttributes = {};
  for (const { name, value } of activity.attributes) attributes[name] = scalar(value);
  return {
    eventId: activity.activityId,
    occurredAt: new Date(activity.occurredAt),
    activity: activity.activity,
    actor: activity.actor,
    team: activity.team ?? null,
    source: event.source,
    attributes,
    objects: activity.objects.map(({ type, id, qualifier }) => ({ type, id, qualifier })),
  };
}

/**
 * 'true'/'false' and numbers as such — only text a number writes itself as, so an id such as
 * '0042' stays text; anything else stays text.
 */
function scalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return text !== '' && Number.isFinite(number) && String(number) === text ? number : text;
}
