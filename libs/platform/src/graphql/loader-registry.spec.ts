import { byKeys, groupByKeys, LoaderRegistry } from './loader-registry';

describe('LoaderRegistry', () => {
  it('batches every load of one request into one call per loader', async () => {
    const calls: (readonly string[])[] = [];
    const registry = new LoaderRegistry();
    const batch = async (keys: readonly string[]) => {
      calls.push(keys);
      return keys.map((k) => k.toUpperCase());
    };
    const results = await Promise.all(['a', 'b', 'a', 'c'].map((k) => registry.get('upper', batch).load(k)));
    expect(results).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('orders and groups rows by the requested keys', () => {
    const rows = [
      { k: 2, v: 'two' },
      { k: 1, v: 'one' },
      { k: 2, v: 'deux' },
    ];
    expect(byKeys([1, 2, 3], rows, (r) => r.k, null).map((r) => r?.v ?? null)).toEqual(['one', 'deux', null]);
    expect(groupByKeys([2, 3, 1], rows, (r) => r.k).map((g) => g.map((r) => r.v))).toEqual([
      ['two', 'deux'],
      [],
      ['one'],
    ]);
  });
});
