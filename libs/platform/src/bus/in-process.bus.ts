import type { BusLogger } from './bus-logger';
import { consumerHandle, type DeliveryPump } from './consumer-handle';
import { resolveConsumerSpec } from './consumer-spec.util';
import { DeliveryProcessor } from './delivery-processor';
import type {
  BusHealth,
  ConsumerHandle,
  ConsumerSpec,
  DeadLetter,
  EventBus,
  MessageHandler,
  PublishAck,
  PublishOptions,
  LiveMessage,
} from './event-bus';
import type { InProcessBroker } from './in-process.broker';
import type { MemoryDurable } from './in-process.durable';

export interface InProcessBusOptions {
  logger?: BusLogger;
}

/** Embedded-mode event bus: one per service, all sharing the process's {@link InProcessBroker}. */
export class InProcessBus implements EventBus {
  private readonly consumers = new Set<ConsumerHandle>();
  private closed = false;

  constructor(
    private readonly broker: InProcessBroker,
    private readonly options: InProcessBusOptions = {},
  ) {}

  async publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishAck> {
    this.assertOpen();
    return this.broker.publish(subject, data, options);
  }

  async consume(spec: ConsumerSpec, handler: MessageHandler): Promise<ConsumerHandle> {
    this.assertOpen();
    const resolved = resolveConsumerSpec(spec);
    const durables = this.broker.durablesFor(resolved);
    const processor = new DeliveryProcessor(
      resolved,
      handler,
      (message, reason, consumer) => this.broker.deadLetter(message, reason, consumer),
      this.options.logger,
    );
    const handle = consumerHandle(
      processor,
      durables.map((durable) => pump(durable, processor)),
      () => this.consumers.delete(handle),
    );
    this.consumers.add(handle);
    return handle;
  }

  async consumerLag(durable: string): Promise<number> {
    return this.broker.lag(durable);
  }

  async deadLetters(limit?: number): Promise<DeadLetter[]> {
    return this.broker.deadLetters(limit);
  }

  health(): BusHealth {
    const connected = !this.closed && this.broker.isOpen;
    return { adapter: 'in-process', connected, detail: connected ? undefined : 'closed' };
  }

  /** Stops this service's consumers; the shared broker stays up for the others. */
  async listen(subjects: string[], handler: (message: LiveMessage) => void): Promise<ConsumerHandle> {
    this.assertOpen();
    const stop = this.broker.listen(subjects, handler);
    return { stop: async () => void stop() };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('In-process bus is closed');
  }
}

function pump(durable: MemoryDurable, processor: DeliveryProcessor): DeliveryPump {
  const abort = new AbortController();
  const done = (async () => {
    for (;;) {
      const delivery = await durable.pull(abort.signal);
      if (!delivery) return;
      await processor.accept(delivery);
    }
  })();
  return { done, close: () => abort.abort() };
}
