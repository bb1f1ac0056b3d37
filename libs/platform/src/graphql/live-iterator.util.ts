/**
 * An async iterator over values pushed to it, for GraphQL subscriptions: `start` is called with a
 * push function and returns how to stop. Unlike an async generator, `return()` (the client
 * unsubscribed, or its connection closed) ends it at once, even while it waits for a value, and
 * stops the source. Values pushed faster than the client reads are queued up to `maxQueued`;
 * beyond that the oldest are dropped (a live feed, not a log).
 */
export function liveIterator<T>(
  start: (push: (value: T) => void) => () => void,
  maxQueued = 1_000,
): AsyncIterableIterator<T> {
  const queued: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;
  const stop = start((value) => {
    if (done) return;
    const next = waiting.shift();
    if (next) return next({ value, done: false });
    queued.push(value);
    if (queued.length > maxQueued) queued.shift();
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      stop();
      queued.length = 0;
      waiting.splice(0).forEach((resolve) => resolve({ value: undefined, done: true }));
    }
    return { value: undefined, done: true };
  };
  return {
    next: () => {
      if (queued.length) return Promise.resolve({ value: queued.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
