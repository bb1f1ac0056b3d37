import { Semaphore } from 'async-mutex';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusLogger } from './bus-logger';
import { retryDelayMs, type ResolvedConsumerSpec } from './consumer-spec.util';
import {
  HELD_PER_SLOT_ORDERED,
  PermanentEventError,
  type BusMessage,
  type MessageHandler,
} from './event-bus';
import { KeyedSerializer } from './keyed-serializer.util';

/** One delivery of a stored message, as handed out by a broker (JetStream or in-process). */
export interface Delivery {
  /** `deliveryCount` is the broker's count for this delivery. */
  readonly message: BusMessage;
  ack(): void;
  nak(delayMs: number): void;
  /** Settles a message that must not be delivered again. */
  term(): void;
  /** Restarts the ack-wait timer. */
  working(): void;
}

export type DeadLetterWriter = (message: BusMessage, reason: string, consumer: string) => Promise<void>;

/**
 * The broker-independent half of a consumer: runs the handler, acks, schedules redeliveries,
 * dead-letters, and serialises per ordering key. Both adapters feed it deliveries, which is what
 * keeps their semantics identical.
 *
 * Unordered consumers hand failed deliveries back to the broker with a delayed nak, so any
 * instance may pick up the retry. Ordered consumers retry in place instead: a nak would let the
 * next message of the key overtake the failing one.
 */
export class DeliveryProcessor {
  private readonly held: Semaphore;
  private readonly running: Semaphore;
  private readonly keyed = new KeyedSerializer();
  private readonly unsettled = new Set<Delivery>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly stopSignal = new AbortController();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly spec: ResolvedConsumerSpec,
    private readonly handler: MessageHandler,
    private readonly deadLetter: DeadLetterWriter,
    private readonly logger?: BusLogger,
  ) {
    this.running = new Semaphore(spec.maxInFlight);
    this.held = new Semaphore(spec.maxInFlight * (spec.orderedByKey ? HELD_PER_SLOT_ORDERED : 1));
    // Queued and running deliveries stay ours while this process lives; ack wait is for crashes.
    this.heartbeat = setInterval(
      () => this.unsettled.forEach((delivery) => delivery.working()),
      spec.ackWaitMs / 2,
    );
    this.heartbeat.unref();
  }

  private get stopping(): boolean {
    return this.stopSignal.signal.aborted;
  }

  /** Takes a delivery; resolves once it is queued, waiting while the consumer is at capacity. */
  async accept(delivery: Delivery): Promise<void> {
    const [, release] = await this.held.acquire();
    if (this.stopping) {
      release();
      delivery.nak(0);
      return;
    }
    this.unsettled.add(delivery);
    const key =
      this.spec.orderedByKey === undefined ? undefined : delivery.message.headers[this.spec.orderedByKey];
    const run = () => this.running.runExclusive(() => this.process(delivery));
    const task = (key === undefined ? run() : this.keyed.run(key, run))
      .catch((error: unknown) =>
        this.logger?.error({ err: error, consumer: this.spec.durable }, 'event bus delivery failed'),
      )
      .finally(() => {
        this.unsettled.delete(delivery);
        this.tasks.delete(task);
        release();
      });
    this.tasks.add(task);
  }

  /** Naks what has not started yet and waits for running handlers to finish. */
  async stop(): Promise<void> {
    this.stopSignal.abort();
    clearInterval(this.heartbeat);
    while (this.tasks.size > 0) await Promise.all(this.tasks);
  }

  private async process(delivery: Delivery): Promise<void> {
    const { maxDeliver, backoffMs, durable } = this.spec;
    let message = delivery.message;
    if (message.deliveryCount > maxDeliver) {
      // Earlier deliveries expired unacknowledged, e.g. the handler crashed the process.
      return this.moveToDeadLetter(delivery, message, `not acknowledged after ${maxDeliver} deliveries`);
    }
    for (;;) {
      if (this.stopping) return delivery.nak(0);
      const failure = await this.invoke(message);
      if (failure === undefined) return delivery.ack();
      const reason = describeError(failure.error);
      if (failure.error instanceof PermanentEventError) {
        return this.moveToDeadLetter(delivery, message, reason);
      }
      if (message.deliveryCount >= maxDeliver) {
        return this.moveToDeadLetter(
          delivery,
          message,
          `failed ${message.deliveryCount} deliveries, last: ${reason}`,
        );
      }
      const delayMs = retryDelayMs(backoffMs, message.deliveryCount);
      this.spec.observer?.retried(message.subject, message.deliveryCount);
      this.logger?.warn(
        {
          consumer: durable,
          subject: message.subject,
          msgId: message.msgId,
          deliveryCount: message.deliveryCount,
          delayMs,
          reason,
        },
        'event handler failed, will retry',
      );
      if (this.spec.orderedByKey === undefined || !(await this.pause(delayMs))) return delivery.nak(delayMs);
      message = { ...message, deliveryCount: message.deliveryCount + 1 };
    }
  }

  private async invoke(message: BusMessage): Promise<{ error: unknown } | undefined> {
    try {
      await this.handler(message);
      return undefined;
    } catch (error) {
      return { error };
    }
  }

  /** Resolves false when the consumer stopped during the pause. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.stopSignal.signal });
      return true;
    } catch {
      return false;
    }
  }

  private async moveToDeadLetter(delivery: Delivery, message: BusMessage, reason: string): Promise<void> {
    const { durable, backoffMs } = this.spec;
    try {
      await this.deadLetter(message, reason, durable);
    } catch (error) {
      // The redelivery retries; once past maxDeliver it skips the handler and comes straight here.
      this.logger?.error(
        { err: error, consumer: durable, msgId: message.msgId },
        'dead-lettering failed, will retry',
      );
      delivery.nak(retryDelayMs(backoffMs, message.deliveryCount));
      return;
    }
    this.logger?.warn(
      {
        consumer: durable,
        subject: message.subject,
        msgId: message.msgId,
        deliveryCount: message.deliveryCount,
        reason,
      },
      'event dead-lettered',
    );
    this.spec.observer?.deadLettered(message.subject, reason);
    delivery.term();
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
