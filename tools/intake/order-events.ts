import { createEvent, encodeEvent, type EventEnvelope, type Order, OrderStatus } from '@ordex/contracts';
import { CORRELATION_HEADER, EVENT_KEY_HEADER, type EventBus, type PublishAck } from '@ordex/platform';

/**
 * Shared by the intake durability suite and the intake benchmark: deterministic ERP order
 * versions and pipelined publishing to JetStream.
 */
export const ORDER_CREATED = 'erp.order.created.v1';
/** The orders service's durable consumer on the ERP stream (apps/orders/src/intake). */
export const ORDERS_INTAKE_DURABLE = 'orders-erp-intake';

/** mulberry32: a small, fast, seeded PRNG, so every run publishes the same events. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const STATUSES = [OrderStatus.RECEIVED, OrderStatus.VALIDATING, OrderStatus.ON_HOLD, OrderStatus.RELEASED];

/** Version `version` of order `orderNumber`: the same payload for the same arguments, every run. */
export function orderVersion(orderNumber: string, version: number): Order {
  const random = seededRandom(hashSeed(`${orderNumber}#${version}`));
  const pick = (n: number) => Math.floor(random() * n);
  const lineCount = 1 + pick(4);
  const day = 1 + pick(28);
  return {
    orderNumber,
    erpVersion: version,
    customerId: `C-${String(1 + (hashSeed(orderNumber) % 500)).padStart(4, '0')}`,
    shipToId: null,
    orderedOn: `2025-11-${String(day).padStart(2, '0')}`,
    requestedDate: `2025-12-${String(day).padStart(2, '0')}`,
    currency: 'USD',
    status: STATUSES[Math.min(version - 1, STATUSES.length - 1)],
    lines: Array.from({ length: lineCount }, (_, i) => ({
      lineNo: i + 1,
      sku: `SKU-${String(1 + pick(5000)).padStart(5, '0')}`,
      quantity: 1 + pick(200),
      unitPrice: (100 + pick(99_900)) / 100,
    })),
  };
}

export function orderEvent(
  order: Order,
  id: string,
  time = '2025-11-28T09:00:00.000Z',
): EventEnvelope<Order> {
  return createEvent(ORDER_CREATED, order.orderNumber, order, { source: 'erp', id, time });
}

/** One message as it goes onto the wire: the event plus the Nats-Msg-Id it is published under. */
export interface OutgoingMessage {
  event: EventEnvelope<Order>;
  msgId: string;
  bytes: Uint8Array;
  headers: Record<string, string>;
}

/**
 * `msgId` defaults to the event id (what publishEvent does). An ERP re-send days later, past
 * JetStream's duplicate window, is the same event under a new message id.
 */
export function outgoing(event: EventEnvelope<Order>, msgId = event.id): OutgoingMessage {
  return {
    event,
    msgId,
    bytes: encodeEvent(event),
    headers: { [EVENT_KEY_HEADER]: event.subject, [CORRELATION_HEADER]: event.correlationid },
  };
}

export function send(bus: EventBus, message: OutgoingMessage): Promise<PublishAck> {
  return bus.publish(ORDER_CREATED, message.bytes, { msgId: message.msgId, headers: message.headers });
}

/**
 * Publishes without awaiting each ack in turn: up to `window` publishes are outstanding at once.
 * One connection keeps them in call order on the stream. Resolves with the acks in call order.
 */
export async function publishPipelined(
  bus: EventBus,
  messages: readonly OutgoingMessage[],
  window = 512,
): Promise<PublishAck[]> {
  const acks: PublishAck[] = new Array(messages.length);
  let next = 0;
  const lane = async () => {
    while (next < messages.length) {
      const index = next++;
      acks[index] = await send(bus, messages[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, messages.length) }, lane));
  return acks;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
