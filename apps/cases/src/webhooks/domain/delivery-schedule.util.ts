/** Delays before each retry of a failed delivery; after the last, the delivery is given up. */
export const DELIVERY_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];

/** Attempts a delivery gets in all: the first and one per retry delay (about 1.6 hours). */
export const MAX_DELIVERY_ATTEMPTS = DELIVERY_RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed attempts, or undefined when the delivery is given up. */
export function retryDelayAfter(attempts: number): number | undefined {
  return attempts >= MAX_DELIVERY_ATTEMPTS ? undefined : DELIVERY_RETRY_DELAYS_MS[attempts - 1];
}
