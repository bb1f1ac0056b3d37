import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscribed<T> {
  /** Results received so far (data or errors), in order. */
  results: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }[];
  /** Set when the connection or the subscription failed (e.g. refused authentication). */
  failure?: unknown;
  completed: boolean;
  dispose(): Promise<void>;
}

/** Subscribes through the gateway's WebSocket endpoint as a client with `token` would. */
export function subscribe<T>(httpUrl: string, token: string | undefined, query: string): Subscribed<T> {
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    // Failures are reported through `failure`, not the console.
    onNonLazyError: () => undefined,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => void (subscribed.failure ??= event) },
  });
  const subscribed: Subscribed<T> = {
    results: [],
    completed: false,
    dispose: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
  const unsubscribe = client.subscribe<T>(
    { query },
    {
      next: (result) => void subscribed.results.push(result as Subscribed<T>['results'][number]),
      error: (error) => void (subscribed.failure = error),
      complete: () => void (subscribed.completed = true),
    },
  );
  return subscribed;
}
