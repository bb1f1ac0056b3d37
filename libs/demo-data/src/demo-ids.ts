import { SeededRandom } from './random.util';

export const sku = (n: number) => `SKU-${String(n).padStart(5, '0')}`;
export const customerId = (n: number) => `C-${String(n).padStart(4, '0')}`;

/** The ERP's "now" for the demo: events are stamped with it, ETAs and ship dates follow it. */
export const DEMO_TODAY = '2026-11-27';

/**
 * One random stream per concern, derived from the seed and the concern's name: adding data to
 * one concern (say routing rules) leaves every other concern's data as it was.
 */
export function streamFor(seed: number, concern: string): SeededRandom {
  let hash = 0x811c9dc5;
  for (const char of concern) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return new SeededRandom((seed ^ hash) >>> 0);
}

/** A random permutation of the items (Fisher–Yates). */
export function shuffled<T>(rnd: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Picks `count` distinct items at random, listed in their original order. */
export function pickDistinct<T>(rnd: SeededRandom, items: readonly T[], count: number): T[] {
  const chosen = new Set(
    shuffled(
      rnd,
      items.map((_, i) => i),
    ).slice(0, count),
  );
  return items.filter((_, i) => chosen.has(i));
}

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
