/**
 * Open-loop load: requests start on a fixed schedule whatever the latency, so slow answers cannot
 * hide queueing (no coordinated omission: latency is measured from the scheduled start). A failed
 * request counts as an error and its latency is the time until it failed (a timeout's included),
 * so an overloaded run shows its real latencies rather than only its lucky successes.
 */
export interface LoadResult {
  latenciesMs: number[];
  errors: number;
  firstError?: string;
  seconds: number;
}

export async function openLoop(
  ratePerSecond: number,
  seconds: number,
  request: () => Promise<void>,
  progress?: (done: number, total: number, errors: number) => void,
): Promise<LoadResult> {
  const total = Math.round(ratePerSecond * seconds);
  const intervalMs = 1000 / ratePerSecond;
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let lastReport = start;
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      request().then(
        () => void latenciesMs.push(performance.now() - scheduled),
        (error: unknown) => {
          latenciesMs.push(performance.now() - scheduled);
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
    if (progress && performance.now() - lastReport >= 1000) {
      lastReport = performance.now();
      progress(i + 1, total, errors);
    }
  }
  await Promise.all(inFlight);
  progress?.(total, total, errors);
  return { latenciesMs, errors, firstError, seconds: (performance.now() - start) / 1000 };
}

/** The q-quantiles (0..1) of samples, nearest rank, sorting them once. */
export function quantiles(samples: readonly number[], ...qs: number[]): number[] {
  const sorted = [...samples].sort((a, b) => a - b);
  return qs.map((q) => quantileOfSorted(sorted, q));
}

function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}
