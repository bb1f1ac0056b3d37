import { BUS_DEFAULTS, MAX_IN_FLIGHT, type ConsumerObserver, type ConsumerSpec } from './event-bus';

export interface ResolvedConsumerSpec {
  readonly durable: string;
  readonly subjects: readonly string[];
  readonly maxDeliver: number;
  readonly backoffMs: readonly number[];
  readonly ackWaitMs: number;
  readonly maxInFlight: number;
  readonly orderedByKey?: string;
  readonly observer?: ConsumerObserver;
}

// JetStream durable names may not contain `.`, `*`, `>` or whitespace; stay stricter than that.
const DURABLE_NAME = /^[A-Za-z0-9_-]+$/;

export function resolveConsumerSpec(spec: ConsumerSpec): ResolvedConsumerSpec {
  const resolved = {
    durable: spec.durable,
    subjects: [...new Set(spec.subjects)],
    maxDeliver: spec.maxDeliver ?? BUS_DEFAULTS.maxDeliver,
    backoffMs: spec.backoffMs ?? BUS_DEFAULTS.backoffMs,
    ackWaitMs: spec.ackWaitMs ?? BUS_DEFAULTS.ackWaitMs,
    maxInFlight: spec.maxInFlight ?? MAX_IN_FLIGHT,
    orderedByKey: spec.orderedByKey,
    observer: spec.observer,
  };
  if (!DURABLE_NAME.test(resolved.durable)) {
    throw new Error(`Durable name "${resolved.durable}" must match ${DURABLE_NAME}`);
  }
  if (resolved.subjects.length === 0)
    throw new Error(`Consumer "${resolved.durable}" needs at least one subject`);
  if (!Number.isInteger(resolved.maxDeliver) || resolved.maxDeliver < 1) {
    throw new Error(`Consumer "${resolved.durable}": maxDeliver must be a positive integer`);
  }
  if (resolved.backoffMs.some((delay) => !(delay >= 0))) {
    throw new Error(`Consumer "${resolved.durable}": backoffMs entries must be >= 0`);
  }
  if (!Number.isInteger(resolved.maxInFlight) || resolved.maxInFlight < 1) {
    throw new Error(`Consumer "${resolved.durable}": maxInFlight must be a positive integer`);
  }
  if (!(resolved.ackWaitMs > 0)) throw new Error(`Consumer "${resolved.durable}": ackWaitMs must be > 0`);
  return resolved;
}

/** Delay before the redelivery that follows failed delivery number `deliveryCount`. */
export function retryDelayMs(backoffMs: readonly number[], deliveryCount: number): number {
  if (backoffMs.length === 0) return 0;
  return backoffMs[Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1];
}
