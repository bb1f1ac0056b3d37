import type { Identity } from '../identity/identity';
import DataLoader from 'dataloader';

/**
 * Request-scoped DataLoaders. A GraphQL request gets a fresh registry in its context; each feature
 * asks for its loader by name with a factory, so every reference and cross-entity field of one
 * request is batched into one query per loader.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders a batch result to match the keys DataLoader asked for; missing keys map to `fallback`. */
export function byKeys<K, V, F>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: F): (V | F)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((k) => index.get(k) ?? fallback);
}

/** Groups a batch result per key (one-to-many), preserving the keys' order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

export interface GraphQLRequestContext {
  loaders: LoaderRegistry;
  correlationId?: string;
  /** The caller the gateway vouched for (every request that reaches a resolver has one). */
  identity: Identity;
}

/** Page sizes clients may ask for: at least 1, at most `max`. */
export function pageSize(first: number, max = 500): number {
  return Math.min(Math.max(Math.trunc(first), 1), max);
}
