import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  type IBackoff,
  noJitterGenerator,
  retry,
  wrap,
} from 'cockatiel';

/** The resilience settings of sending commands to the connector. */
export interface CommandPublishSettings {
  publishRetries: number;
  /** First wait before a publish retry (doubling, up to 2 s). */
  publishRetryDelayMs: number;
  breakerThreshold: number;
  halfOpenAfterMs: number;
  resendAfterMs: number;
  resendMaxMs: number;
}

/**
 * How ordex puts a command on the bus, on cockatiel's policies: a publish the bus refuses is
 * retried with exponential backoff (`publishRetries` times); after `breakerThreshold` sends that
 * failed in a row, retries and all, the
 * circuit opens and sends are not even tried until `halfOpenAfterMs` has passed, when one trial
 * send decides whether it closes again. `resendDelay(n)` is how long to wait for an answer after
 * the n-th send of a command before sending it again: 1×, 2×, 4×… `resendAfterMs`, capped.
 */
export function commandPublishPolicy(settings: CommandPublishSettings) {
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.breakerThreshold),
  });
  const retries = retry(handleAll, {
    maxAttempts: settings.publishRetries,
    backoff: new ExponentialBackoff({ initialDelay: settings.publishRetryDelayMs, maxDelay: 2_000 }),
  });
  // The breaker outside the retries: one send, however often retried, is one success or failure.
  const publish = wrap(breaker, retries);
  const resend = new ExponentialBackoff({
    initialDelay: settings.resendAfterMs,
    maxDelay: settings.resendMaxMs,
    generator: noJitterGenerator,
  });
  return {
    /** Runs one send under the policies; throws when it failed (or the circuit is open). */
    execute: <T>(send: () => Promise<T>): Promise<T> => publish.execute(send),
    isOpen: () => breaker.state === CircuitState.Open,
    onStateChange: (listener: (state: 'closed' | 'open' | 'half-open') => void) =>
      breaker.onStateChange((state) =>
        listener(
          state === CircuitState.Open ? 'open' : state === CircuitState.HalfOpen ? 'half-open' : 'closed',
        ),
      ),
    resendDelay(attempt: number): number {
      let backoff: IBackoff<unknown> = resend.next();
      for (let i = 1; i < attempt; i++) backoff = backoff.next(undefined);
      return backoff.duration;
    },
  };
}

export type CommandPublishPolicy = ReturnType<typeof commandPublishPolicy>;
