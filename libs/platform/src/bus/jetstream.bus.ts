import type { BusLogger } from './bus-logger';
import { consumerHandle } from './consumer-handle';
import { resolveConsumerSpec, type ResolvedConsumerSpec } from './consumer-spec.util';
import { decodeDeadLetter, deadLetterEnvelope, DEFAULT_DEAD_LETTER_LIMIT } from './dead-letter.codec';
import { DeliveryProcessor } from './delivery-processor';
import type {
  BusHealth,
  BusMessage,
  ConsumerHandle,
  ConsumerSpec,
  DeadLetter,
  EventBus,
  LiveMessage,
  MessageHandler,
  PublishAck,
  PublishOptions,
} from './event-bus';
import { fromMsgHdrs, toMsgHdrs } from './jetstream.codec';
import {
  isUnavailableError,
  JetStreamConnection,
  JetStreamUnavailableError,
  type JetStreamConnectionState,
} from './jetstream.connection';
import { jetStreamListener } from './jetstream.listen';
import { jetStreamPump, type PreparedConsumer } from './jetstream.pump';
import { parseNatsServers } from './jetstream.servers';
import { ensureConsumer, ensureStream, groupByStream } from './jetstream.setup';
import { DEFAULT_DEAD_LETTER_STREAM, DEFAULT_DUPLICATE_WINDOW_MS, type StreamSpec } from './stream-spec';

export interface JetStreamBusOptions {
  servers: string | string[];
  /** Connection name shown by the server, usually the service name. */
  name: string;
  /** Streams this service needs; created or updated on every (re)connection. */
  streams: StreamSpec[];
  duplicateWindowMs?: number;
  /** Where dead letters go; its subjects must capture `dlq.<original subject>`. */
  deadLetterStream?: StreamSpec;
  logger?: BusLogger;
  /**
   * How long a publish (or a dead-letter read) may take, waiting for NATS included, before it
   * fails with the reason; the outbox keeps an event whose publish failed and retries. Default 5 s.
   */
  publishTimeoutMs?: number;
  /** Timeout of one attempt to open the connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Longest wait between attempts to reach NATS. Default 2 s. */
  reconnectWaitMs?: number;
  /**
   * Reject `connect()` when the first attempt cannot reach NATS, for one-shot tools. Services
   * leave it off: they start without NATS and connect in the background.
   */
  failIfUnreachable?: boolean;
}

/** {@link BusHealth} with the connection's state and, while it is not connected, since when. */
export interface JetStreamBusHealth extends BusHealth {
  adapter: 'jetstream';
  state: JetStreamConnectionState;
  since?: string;
}

export const JETSTREAM_BUS_DEFAULTS = {
  publishTimeoutMs: 5_000,
  connectTimeoutMs: 5_000,
  reconnectWaitMs: 2_000,
} as const;

/**
 * The production event bus: NATS JetStream streams and durable pull consumers.
 *
 * It does not need NATS to be up: `connect()` resolves after one attempt either way and keeps
 * connecting in the background; streams and durable consumers are (re)created whenever the
 * connection is (re)established, consumers start or resume pulling then, and `health()` says
 * which state the connection is in. Meanwhile a publish fails after `publishTimeoutMs` with the
 * reason instead of waiting for NATS, so its caller (the outbox relay) keeps the event.
 */
export class JetStreamBus implements EventBus {
  private readonly consumers = new Set<ConsumerHandle>();
  private closing?: Promise<void>;

  private constructor(
    private readonly connection: JetStreamConnection,
    private readonly deadLetterStream: StreamSpec,
    private readonly publishTimeoutMs: number,
    private readonly logger?: BusLogger,
  ) {}

  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const servers = parseNatsServers(options.servers);
    const deadLetterStream = options.deadLetterStream ?? DEFAULT_DEAD_LETTER_STREAM;
    const duplicateWindowMs = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
    const streams = [...options.streams, deadLetterStream];
    const publishTimeoutMs = options.publishTimeoutMs ?? JETSTREAM_BUS_DEFAULTS.publishTimeoutMs;
    const connection = new JetStreamConnection({
      servers,
      name: options.name,
      setUp: async (jsm) => {
        for (const spec of streams) await ensureStream(jsm, spec, duplicateWindowMs);
      },
      connectTimeoutMs: options.connectTimeoutMs ?? JETSTREAM_BUS_DEFAULTS.connectTimeoutMs,
      reconnectWaitMs: options.reconnectWaitMs ?? JETSTREAM_BUS_DEFAULTS.reconnectWaitMs,
      apiTimeoutMs: publishTimeoutMs,
      logger: options.logger,
    });
    await connection.open({ failIfUnreachable: options.failIfUnreachable });
    return new JetStreamBus(connection, deadLetterStream, publishTimeoutMs, options.logger);
  }

  async publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishAck> {
    this.assertOpen();
    const started = Date.now();
    try {
      const { js } = await this.connection.ready(this.publishTimeoutMs);
      const ack = await js.publish(subject, data, {
        msgID: options.msgId,
        headers: toMsgHdrs(options.headers),
        timeout: Math.max(1, this.publishTimeoutMs - (Date.now() - started)),
      });
      return { seq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      // Without an ack the message may still be stored (the ack was lost, or the client resends
      // it on reconnecting): a retry under the same msgId is absorbed by the duplicate window.
      const reason =
        error instanceof JetStreamUnavailableError
          ? error.message
          : `no acknowledgement from NATS JetStream (${(error as Error).message}; ${this.connection.status().detail})`;
      throw new JetStreamUnavailableError(`${subject} not published: ${reason}`, { cause: error });
    }
  }

  async consume(spec: ConsumerSpec, handler: MessageHandler): Promise<ConsumerHandle> {
    this.assertOpen();
    const resolved = resolveConsumerSpec(spec);
    const prepared = await this.prepareConsumer(resolved);
    const processor = new DeliveryProcessor(
      resolved,
      handler,
      (message, reason, consumer) => this.deadLetter(message, reason, consumer),
      this.logger,
    );
    const handle = consumerHandle(
      processor,
      [jetStreamPump(this.connection, resolved, processor, this.logger, prepared)],
      () => this.consumers.delete(handle),
    );
    this.consumers.add(handle);
    return handle;
  }

  async consumerLag(durable: string): Promise<number> {
    const { jsm } = await this.connection.ready(this.publishTimeoutMs);
    let pending = 0;
    for await (const stream of jsm.streams.list()) {
      const info = await jsm.consumers.info(stream.config.name, durable).catch(() => undefined);
      if (info) pending += info.num_pending + info.num_ack_pending;
    }
    return pending;
  }

  async deadLetters(limit = DEFAULT_DEAD_LETTER_LIMIT): Promise<DeadLetter[]> {
    const { jsm } = await this.connection.ready(this.publishTimeoutMs);
    const stream = this.deadLetterStream.name;
    const { messages, first_seq: firstSeq, last_seq: lastSeq } = (await jsm.streams.info(stream)).state;
    const letters: DeadLetter[] = [];
    if (messages === 0) return letters;
    let seq = firstSeq;
    // Sequences can have gaps (deleted messages), hence the loop around each batch of reads.
    while (seq <= lastSeq && letters.length < limit) {
      const batchEnd = Math.min(lastSeq, seq + limit - letters.length - 1);
      const batch = Array.from({ length: batchEnd - seq + 1 }, (_, i) => seq + i);
      const stored = await Promise.all(batch.map((at) => jsm.streams.getMessage(stream, { seq: at })));
      for (const message of stored) {
        if (message) letters.push(decodeDeadLetter(message.seq, message.data, fromMsgHdrs(message.header)));
      }
      seq = batchEnd + 1;
    }
    return letters;
  }

  health(): JetStreamBusHealth {
    const { state, detail, since } = this.connection.status();
    return {
      adapter: 'jetstream',
      connected: state === 'connected',
      state,
      detail,
      ...(since ? { since } : {}),
    };
  }

  /** Stops the consumers (running handlers finish), then drains the connection. */
  async listen(subjects: string[], handler: (message: LiveMessage) => void): Promise<ConsumerHandle> {
    this.assertOpen();
    const listener = jetStreamListener(this.connection, subjects, handler, this.logger);
    const handle: ConsumerHandle = {
      stop: async () => {
        await listener.stop();
        this.consumers.delete(handle);
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
      await this.connection.close();
    })();
    return this.closing;
  }

  /**
   * With NATS connected, creates the consumer's durables now, so that a consumer NATS refuses
   * (a subject in no stream, say) fails here. Otherwise, or when NATS goes away meanwhile, the
   * pump creates them once connected.
   */
  private async prepareConsumer(spec: ResolvedConsumerSpec): Promise<PreparedConsumer | undefined> {
    const session = this.connection.current();
    if (!session) return undefined;
    try {
      const groups = await groupByStream(session.jsm, spec.subjects);
      for (const [stream, subjects] of groups) await ensureConsumer(session.jsm, stream, spec, subjects);
      return { session, groups };
    } catch (error) {
      if (!isUnavailableError(error) && this.connection.current() === session) throw error;
      this.logger?.warn(
        { err: error, consumer: spec.durable },
        'NATS unavailable while creating a JetStream consumer; it starts once connected',
      );
      return undefined;
    }
  }

  private async deadLetter(message: BusMessage, reason: string, consumer: string): Promise<void> {
    const envelope = deadLetterEnvelope(message, reason, consumer, new Date());
    const { js } = await this.connection.ready(this.publishTimeoutMs);
    await js.publish(envelope.subject, message.data, {
      msgID: envelope.msgId,
      headers: toMsgHdrs(envelope.headers),
      timeout: this.publishTimeoutMs,
    });
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('JetStream bus is closed');
  }
}
