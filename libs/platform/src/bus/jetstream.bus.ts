import { jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { BusLogger } from './bus-logger';
import { consumerHandle } from './consumer-handle';
import { resolveConsumerSpec } from './consumer-spec.util';
import { decodeDeadLetter, deadLetterEnvelope, DEFAULT_DEAD_LETTER_LIMIT } from './dead-letter.codec';
import { DeliveryProcessor } from './delivery-processor';
import type {
  BusHealth,
  BusMessage,
  ConsumerHandle,
  ConsumerSpec,
  DeadLetter,
  EventBus,
  MessageHandler,
  PublishAck,
  PublishOptions,
} from './event-bus';
import { fromMsgHdrs, toMsgHdrs } from './jetstream.codec';
import { jetStreamPump } from './jetstream.pump';
import { ensureConsumer, ensureStream, groupByStream } from './jetstream.setup';
import { DEFAULT_DEAD_LETTER_STREAM, DEFAULT_DUPLICATE_WINDOW_MS, type StreamSpec } from './stream-spec';

export interface JetStreamBusOptions {
  servers: string | string[];
  /** Connection name shown by the server, usually the service name. */
  name: string;
  /** Streams this service needs; created or updated on connect. */
  streams: StreamSpec[];
  duplicateWindowMs?: number;
  /** Where dead letters go; its subjects must capture `dlq.<original subject>`. */
  deadLetterStream?: StreamSpec;
  logger?: BusLogger;
}

/** The production event bus: NATS JetStream streams and durable pull consumers. */
export class JetStreamBus implements EventBus {
  private readonly js: JetStreamClient;
  private readonly consumers = new Set<ConsumerHandle>();
  private connected = true;
  private closing?: Promise<void>;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly deadLetterStream: StreamSpec,
    private readonly logger?: BusLogger,
  ) {
    this.js = jsm.jetstream();
    this.watchStatus().catch((error: unknown) =>
      this.logger?.error({ err: error }, 'NATS status watch failed; health may be stale'),
    );
  }

  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const nc = await connect({ servers: options.servers, name: options.name, maxReconnectAttempts: -1 });
    const deadLetterStream = options.deadLetterStream ?? DEFAULT_DEAD_LETTER_STREAM;
    try {
      const jsm = await jetstreamManager(nc);
      for (const spec of [...options.streams, deadLetterStream]) {
        await ensureStream(jsm, spec, options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS);
      }
      return new JetStreamBus(nc, jsm, deadLetterStream, options.logger);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishAck> {
    this.assertOpen();
    const ack = await this.js.publish(subject, data, {
      msgID: options.msgId,
      headers: toMsgHdrs(options.headers),
    });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }

  async consume(spec: ConsumerSpec, handler: MessageHandler): Promise<ConsumerHandle> {
    this.assertOpen();
    const resolved = resolveConsumerSpec(spec);
    const sources = [];
    for (const [stream, subjects] of await groupByStream(this.jsm, resolved.subjects)) {
      await ensureConsumer(this.jsm, stream, resolved, subjects);
      sources.push({ stream, subjects, consumer: await this.js.consumers.get(stream, resolved.durable) });
    }
    const processor = new DeliveryProcessor(
      resolved,
      handler,
      (message, reason, consumer) => this.deadLetter(message, reason, consumer),
      this.logger,
    );
    const handle = consumerHandle(
      processor,
      sources.map(({ stream, subjects, consumer }) =>
        jetStreamPump(stream, consumer, subjects, processor, this.logger),
      ),
      () => this.consumers.delete(handle),
    );
    this.consumers.add(handle);
    return handle;
  }

  async deadLetters(limit = DEFAULT_DEAD_LETTER_LIMIT): Promise<DeadLetter[]> {
    const stream = this.deadLetterStream.name;
    const { messages, first_seq: firstSeq, last_seq: lastSeq } = (await this.jsm.streams.info(stream)).state;
    const letters: DeadLetter[] = [];
    if (messages === 0) return letters;
    let seq = firstSeq;
    // Sequences can have gaps (deleted messages), hence the loop around each batch of reads.
    while (seq <= lastSeq && letters.length < limit) {
      const batchEnd = Math.min(lastSeq, seq + limit - letters.length - 1);
      const batch = Array.from({ length: batchEnd - seq + 1 }, (_, i) => seq + i);
      const stored = await Promise.all(batch.map((at) => this.jsm.streams.getMessage(stream, { seq: at })));
      for (const message of stored) {
        if (message) letters.push(decodeDeadLetter(message.seq, message.data, fromMsgHdrs(message.header)));
      }
      seq = batchEnd + 1;
    }
    return letters;
  }

  health(): BusHealth {
    if (this.nc.isClosed()) return { adapter: 'jetstream', connected: false, detail: 'closed' };
    if (!this.connected) {
      return { adapter: 'jetstream', connected: false, detail: 'disconnected, reconnecting' };
    }
    return { adapter: 'jetstream', connected: true, detail: this.nc.getServer() };
  }

  /** Stops the consumers (running handlers finish), then drains the connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
      await this.nc.drain();
    })();
    return this.closing;
  }

  private async deadLetter(message: BusMessage, reason: string, consumer: string): Promise<void> {
    const envelope = deadLetterEnvelope(message, reason, consumer, new Date());
    await this.js.publish(envelope.subject, message.data, {
      msgID: envelope.msgId,
      headers: toMsgHdrs(envelope.headers),
    });
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger?.warn({ server: status.server }, 'NATS connection lost, reconnecting');
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger?.info({ server: status.server }, 'NATS connection restored');
      }
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('JetStream bus is closed');
  }
}
