import type { ResolvedConsumerSpec } from './consumer-spec.util';
import { decodeDeadLetter, deadLetterEnvelope, DEFAULT_DEAD_LETTER_LIMIT } from './dead-letter.codec';
import type { BusMessage, DeadLetter, LiveMessage, PublishAck, PublishOptions } from './event-bus';
import { MemoryDurable } from './in-process.durable';
import { MemoryStream } from './in-process.stream';
import { DEFAULT_DEAD_LETTER_STREAM, DEFAULT_DUPLICATE_WINDOW_MS, type StreamSpec } from './stream-spec';
import { assertPublishSubject, filtersOverlap, matchesAny } from './subject.util';

export interface InProcessBrokerOptions {
  streams: StreamSpec[];
  duplicateWindowMs?: number;
}

/**
 * The broker of embedded mode: one instance per process, shared by the {@link InProcessBus} of
 * every service in it, so they publish to and consume from common streams. It is configured
 * with the same stream list as JetStream, plus the dead-letter stream.
 */
export class InProcessBroker {
  private readonly streams: MemoryStream[];
  private readonly deadLetterStream: MemoryStream;
  /** Keyed by stream and durable name: consume() calls with the same durable share it. */
  private readonly durables = new Map<string, MemoryDurable>();
  private closed = false;
  private readonly listeners = new Set<{ subjects: string[]; handler: (message: LiveMessage) => void }>();

  constructor(options: InProcessBrokerOptions) {
    const duplicateWindowMs = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
    const specs = [...options.streams, DEFAULT_DEAD_LETTER_STREAM];
    assertDisjoint(specs);
    this.streams = specs.map((spec) => new MemoryStream(spec, duplicateWindowMs));
    this.deadLetterStream = this.streams[this.streams.length - 1];
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  publish(subject: string, data: Uint8Array, options: PublishOptions): PublishAck {
    this.assertOpen();
    assertPublishSubject(subject);
    const stream = this.streams.find((candidate) => candidate.captures(subject));
    if (!stream) throw new Error(`No stream captures subject "${subject}"`);
    const ack = stream.append(subject, data, options);
    if (!ack.duplicate) {
      const message: LiveMessage = { subject, data, headers: { ...options.headers } };
      for (const listener of this.listeners) {
        if (matchesAny(listener.subjects, subject)) queueMicrotask(() => listener.handler(message));
      }
    }
    return ack;
  }

  /** Live listeners see each stored message once, after it is stored; see EventBus.listen. */
  listen(subjects: string[], handler: (message: LiveMessage) => void): () => void {
    this.assertOpen();
    const listener = { subjects, handler };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The durables a consumer reads from: one per stream its subjects fall in. */
  durablesFor(spec: ResolvedConsumerSpec): MemoryDurable[] {
    this.assertOpen();
    return [...this.groupByStream(spec.subjects)].map(([stream, subjects]) => {
      const key = `${stream.spec.name}/${spec.durable}`;
      const existing = this.durables.get(key);
      if (existing) {
        existing.setFilters(subjects);
        return existing;
      }
      const durable = new MemoryDurable(stream, subjects);
      this.durables.set(key, durable);
      return durable;
    });
  }

  async deadLetter(message: BusMessage, reason: string, consumer: string): Promise<void> {
    const envelope = deadLetterEnvelope(message, reason, consumer, new Date());
    this.publish(envelope.subject, message.data, { msgId: envelope.msgId, headers: envelope.headers });
  }

  deadLetters(limit = DEFAULT_DEAD_LETTER_LIMIT): DeadLetter[] {
    const letters: DeadLetter[] = [];
    for (let seq = 1; seq <= Math.min(limit, this.deadLetterStream.lastSeq); seq++) {
      const stored = this.deadLetterStream.at(seq);
      if (stored) letters.push(decodeDeadLetter(seq, stored.data.slice(), stored.headers));
    }
    return letters;
  }

  /** What a durable (across the streams it reads) has not settled yet. */
  lag(durable: string): number {
    let pending = 0;
    for (const [key, memory] of this.durables)
      if (key.endsWith(`/${durable}`)) pending += memory.pendingCount();
    return pending;
  }

  /**
   * Resolves once every durable has settled every message it matches (embedded start-up uses it
   * to know the demo data has been applied by every service).
   */
  async idle(pollMs = 10): Promise<void> {
    while (!this.closed && [...this.durables.values()].some((durable) => durable.hasPending())) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.durables.forEach((durable) => durable.close());
  }

  private groupByStream(subjects: readonly string[]): Map<MemoryStream, string[]> {
    const groups = new Map<MemoryStream, string[]>();
    for (const subject of subjects) {
      const matching = this.streams.filter((stream) =>
        stream.spec.subjects.some((captured) => filtersOverlap(captured, subject)),
      );
      if (matching.length !== 1) {
        throw new Error(
          `Subject filter "${subject}" must fall in exactly one stream, found ${matching.length}`,
        );
      }
      groups.set(matching[0], [...(groups.get(matching[0]) ?? []), subject]);
    }
    return groups;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('In-process broker is closed');
  }
}

function assertDisjoint(specs: readonly StreamSpec[]): void {
  const seen: Array<{ stream: string; subject: string }> = [];
  for (const spec of specs) {
    for (const subject of spec.subjects) {
      const clash = seen.find((other) => filtersOverlap(other.subject, subject));
      if (clash)
        throw new Error(
          `Stream ${spec.name} subject "${subject}" overlaps stream ${clash.stream} ("${clash.subject}")`,
        );
      seen.push({ stream: spec.name, subject });
    }
  }
}
