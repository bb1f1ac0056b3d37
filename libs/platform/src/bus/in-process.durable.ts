import type { Delivery } from './delivery-processor';
import type { MemoryStream } from './in-process.stream';
import { matchesAny } from './subject.util';

type Waiter = (delivery: Delivery | undefined) => void;

/**
 * A durable pull consumer over a {@link MemoryStream}, mirroring JetStream's: it delivers every
 * stored message matching its filters from the first one on, each pull hands one delivery to one
 * puller, and a message stays owned by the durable until it is acked or terminated.
 */
export class MemoryDurable {
  private nextSeq = 1;
  /** Delivered and not yet acked or terminated: seq → deliveries so far. */
  private readonly deliveryCounts = new Map<number, number>();
  /** Nak'd messages whose delay has elapsed, lowest seq first. */
  private readonly redeliverable: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters: Waiter[] = [];
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly stream: MemoryStream,
    private filters: readonly string[],
  ) {
    this.unsubscribe = stream.onAppend(() => this.serve());
  }

  /** Like a JetStream consumer update: later deliveries use the new filters. */
  setFilters(filters: readonly string[]): void {
    this.filters = filters;
  }

  /** The next delivery, waiting for one if needed; undefined once aborted or closed. */
  pull(signal: AbortSignal): Promise<Delivery | undefined> {
    if (this.closed || signal.aborted) return Promise.resolve(undefined);
    const seq = this.take();
    if (seq !== undefined) return Promise.resolve(this.deliver(seq));
    return new Promise((resolve) => {
      const onAbort = () => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        resolve(undefined);
      };
      const waiter: Waiter = (delivery) => {
        signal.removeEventListener('abort', onAbort);
        resolve(delivery);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Matching messages not yet delivered, in flight, or waiting for redelivery. */
  pendingCount(): number {
    let undelivered = 0;
    for (let seq = this.nextSeq; seq <= this.stream.lastSeq; seq++) {
      if (matchesAny(this.filters, this.stream.at(seq)?.subject ?? '')) undelivered++;
    }
    return undelivered + this.deliveryCounts.size + this.redeliverable.length;
  }

  /** True while a matching message is undelivered, in flight or waiting for redelivery. */
  hasPending(): boolean {
    if (this.deliveryCounts.size > 0 || this.redeliverable.length > 0 || this.timers.size > 0) return true;
    for (let seq = this.nextSeq; seq <= this.stream.lastSeq; seq++) {
      if (matchesAny(this.filters, this.stream.at(seq)?.subject ?? '')) return true;
    }
    return false;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    this.waiters.splice(0).forEach((waiter) => waiter(undefined));
  }

  private serve(): void {
    while (this.waiters.length > 0) {
      const seq = this.take();
      if (seq === undefined) return;
      this.waiters.shift()?.(this.deliver(seq));
    }
  }

  private take(): number | undefined {
    if (this.redeliverable.length > 0) return this.redeliverable.shift();
    while (this.nextSeq <= this.stream.lastSeq) {
      const seq = this.nextSeq++;
      if (matchesAny(this.filters, this.stream.at(seq)?.subject ?? '')) return seq;
    }
    return undefined;
  }

  private deliver(seq: number): Delivery {
    const stored = this.stream.at(seq);
    if (!stored) throw new Error(`Stream ${this.stream.spec.name} has no message ${seq}`);
    const deliveryCount = (this.deliveryCounts.get(seq) ?? 0) + 1;
    this.deliveryCounts.set(seq, deliveryCount);
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      return true;
    };
    const finish = () => {
      if (settle()) this.deliveryCounts.delete(seq);
    };
    return {
      message: { ...stored, data: stored.data.slice(), headers: { ...stored.headers }, deliveryCount },
      ack: finish,
      term: finish,
      nak: (delayMs) => {
        if (settle()) this.redeliverAfter(seq, delayMs);
      },
      // Deliveries never expire in process: the consumer cannot die without the broker.
      working: () => undefined,
    };
  }

  private redeliverAfter(seq: number, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const index = this.redeliverable.findIndex((queued) => queued > seq);
      this.redeliverable.splice(index === -1 ? this.redeliverable.length : index, 0, seq);
      this.serve();
    }, delayMs);
    this.timers.add(timer);
  }
}
