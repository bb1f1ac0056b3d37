import type { DeliveryProcessor } from './delivery-processor';
import type { ConsumerHandle } from './event-bus';

/** A loop that pulls deliveries from one broker-side consumer into a processor. */
export interface DeliveryPump {
  /** Settles once the loop has exited. */
  readonly done: Promise<void>;
  /** Asks the loop to exit. */
  close(): void | Promise<void>;
}

/**
 * Stop order matters: the processor stops first so deliveries still arriving from the pumps are
 * handed back right away, then the pumps exit, then running handlers finish.
 */
export function consumerHandle(
  processor: DeliveryProcessor,
  pumps: readonly DeliveryPump[],
  onStopped: () => void,
): ConsumerHandle {
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const drained = processor.stop();
    await Promise.all(pumps.map((pump) => pump.close()));
    await Promise.all(pumps.map((pump) => pump.done));
    await drained;
    onStopped();
  };
  return { stop: () => (stopping ??= stop()) };
}
