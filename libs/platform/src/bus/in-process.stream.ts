import type { PublishAck, PublishOptions } from './event-bus';
import type { StreamSpec } from './stream-spec';
import { matchesAny } from './subject.util';

export interface StoredMessage {
  readonly seq: number;
  readonly subject: string;
  readonly msgId: string;
  readonly data: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
}

/** An in-memory stream: an append-only log with stream sequences and msgId de-duplication. */
export class MemoryStream {
  private readonly messages: StoredMessage[] = [];
  /** msgId → publish; insertion order is publish order, so expired entries sit at the front. */
  private readonly recentIds = new Map<string, { seq: number; at: number }>();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly spec: StreamSpec,
    private readonly duplicateWindowMs: number,
  ) {}

  captures(subject: string): boolean {
    return matchesAny(this.spec.subjects, subject);
  }

  get lastSeq(): number {
    return this.messages.length;
  }

  at(seq: number): StoredMessage | undefined {
    return this.messages[seq - 1];
  }

  append(subject: string, data: Uint8Array, options: PublishOptions): PublishAck {
    const now = Date.now();
    this.forgetIdsBefore(now - this.duplicateWindowMs);
    const previous = this.recentIds.get(options.msgId);
    if (previous) return { seq: previous.seq, duplicate: true };
    const seq = this.messages.length + 1;
    // Copies, like a real broker: later changes by the publisher must not reach consumers.
    this.messages.push({
      seq,
      subject,
      msgId: options.msgId,
      data: data.slice(),
      headers: { ...options.headers },
    });
    this.recentIds.set(options.msgId, { seq, at: now });
    this.listeners.forEach((listener) => listener());
    return { seq, duplicate: false };
  }

  /** Calls `listener` after each append; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private forgetIdsBefore(cutoff: number): void {
    for (const [msgId, { at }] of this.recentIds) {
      if (at > cutoff) return;
      this.recentIds.delete(msgId);
    }
  }
}
