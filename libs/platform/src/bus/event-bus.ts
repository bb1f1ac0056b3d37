/**
 * The event bus contract every ordex service codes against. Two adapters implement it with the
 * same semantics: JetStream (production) and the in-process broker (embedded mode).
 *
 * Semantics both adapters guarantee:
 * - publish is de-duplicated by `msgId` within the stream's duplicate window;
 * - a consumer is durable and named: instances that share a durable name share its work
 *   (each message goes to one of them);
 * - a handler that resolves acks the message; one that throws is redelivered after a backoff,
 *   up to `maxDeliver` deliveries; a handler that throws a {@link PermanentEventError}, or a
 *   message that exhausts its deliveries, is moved to the dead-letter stream with the reason;
 * - messages that share an ordering key are handled one at a time, in publish order, when the
 *   consumer asks for `orderedByKey`; a failing message holds back the later ones of its key
 *   until it is acknowledged or dead-lettered. The guarantee holds within one consuming
 *   instance: instances that share a durable name also share the keys between them.
 */
export interface BusMessage {
  readonly subject: string;
  readonly msgId: string;
  readonly data: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
  /** Stream sequence, increasing in publish order. */
  readonly seq: number;
}

export interface PublishOptions {
  /** De-duplication id (the event id). */
  msgId: string;
  headers?: Record<string, string>;
}

export interface PublishAck {
  seq: number;
  duplicate: boolean;
}

export interface ConsumerSpec {
  /** Durable consumer name, shared by every instance of the consuming service. */
  durable: string;
  /** Subject filters (NATS wildcards `*` and `>` are allowed); each must fall in one stream. */
  subjects: string[];
  /** Deliveries before a failing message is dead-lettered. */
  maxDeliver?: number;
  /** Redelivery delays in ms, one per retry (the last one repeats). */
  backoffMs?: number[];
  /**
   * How long a delivery may go without an ack or a progress signal before it is redelivered.
   * A live consumer keeps signalling progress for the messages it holds, so this only expires
   * for consumers that died or lost their connection.
   */
  ackWaitMs?: number;
  /**
   * Handlers running at once in one consuming instance (default {@link MAX_IN_FLIGHT}); also the
   * size of each pull from the broker. An ordered consumer holds up to four times as many
   * deliveries while their keys are busy.
   */
  maxInFlight?: number;
  /** Header whose value serialises handling (e.g. the order number); messages without it run freely. */
  orderedByKey?: string;
  /** Told about retries and dead letters (metrics). */
  observer?: ConsumerObserver;
}

export interface ConsumerObserver {
  retried(subject: string, deliveryCount: number): void;
  deadLettered(subject: string, reason: string): void;
}

export type MessageHandler = (message: BusMessage) => Promise<void>;

/** A message as it is published, seen by a live listener. */
export interface LiveMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ConsumerHandle {
  stop(): Promise<void>;
}

export interface DeadLetter {
  seq: number;
  originalSubject: string;
  msgId: string;
  reason: string;
  consumer: string;
  deliveryCount: number;
  failedAt: string;
  data: Uint8Array;
  headers: Readonly<Record<string, string>>;
}

export interface BusHealth {
  adapter: 'jetstream' | 'in-process';
  connected: boolean;
  detail?: string;
}

export interface EventBus {
  publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishAck>;
  consume(spec: ConsumerSpec, handler: MessageHandler): Promise<ConsumerHandle>;
  /**
   * Calls `handler` for every message published on `subjects` (wildcards allowed) from now on,
   * in this instance: at most once, no acknowledgement, no history, nothing while disconnected.
   * For pushing changes to connected clients (GraphQL subscriptions), never for state.
   */
  listen(subjects: string[], handler: (message: LiveMessage) => void): Promise<ConsumerHandle>;
  /** Messages a durable consumer has not settled yet: not yet delivered, or delivered and unacked. */
  consumerLag(durable: string): Promise<number>;
  /** Reads dead letters, oldest first. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  health(): BusHealth;
  close(): Promise<void>;
}

/** Thrown by a handler when redelivery cannot help (bad payload, unknown type). */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

export const DEAD_LETTER_SUBJECT_PREFIX = 'dlq';
export const BUS_DEFAULTS = { maxDeliver: 5, backoffMs: [250, 1000, 5000], ackWaitMs: 10_000 } as const;

/** Handlers running at once per consumer instance, unless its spec says otherwise. */
export const MAX_IN_FLIGHT = 16;
/** Deliveries an ordered consumer may hold per handler slot while their keys are busy. */
export const HELD_PER_SLOT_ORDERED = 4;
