import { GroupCommit } from './group-commit';

/** A controllable `apply`: records each batch and settles it when the test says so. */
function recorder(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const apply = async (items: number[]): Promise<string[]> => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (fail(items)) throw new Error(`batch ${items.join(',')} failed`);
    return items.map((item) => `done ${item}`);
  };
  const openGates = async () => {
    // Settle every batch, including those that start while earlier ones settle.
    for (let round = 0; round < 50; round += 1) {
      gates.splice(0).forEach((open) => open());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { apply, batches, openGates };
}

describe('GroupCommit', () => {
  it('runs an item at once when nothing else is running', async () => {
    const { apply, batches, openGates } = recorder();
    const group = new GroupCommit(apply, { maxBatch: 10, maxConcurrent: 1 });
    const result = group.submit(1);
    expect(batches).toEqual([[1]]);
    await openGates();
    await expect(result).resolves.toBe('done 1');
  });

  it('gathers what arrives while the slots are busy into the next batch, up to maxBatch', async () => {
    const { apply, batches, openGates } = recorder();
    const group = new GroupCommit(apply, { maxBatch: 3, maxConcurrent: 2 });
    const results = Promise.all([1, 2, 3, 4, 5, 6, 7].map((item) => group.submit(item)));
    // Two slots: the first two items start alone; the rest wait for a slot, three at a time.
    expect(batches).toEqual([[1], [2]]);
    await openGates();
    expect(batches).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
    await expect(results).resolves.toEqual([1, 2, 3, 4, 5, 6, 7].map((item) => `done ${item}`));
  });

  it('isolates a failing item: its batch runs again one item at a time', async () => {
    const { apply, batches, openGates } = recorder((items) => items.includes(4));
    const group = new GroupCommit(apply, { maxBatch: 10, maxConcurrent: 1 });
    const results = [1, 2, 3, 4, 5].map((item) =>
      group.submit(item).then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      ),
    );
    await openGates();
    expect(await Promise.all(results)).toEqual([
      { value: 'done 1' },
      { value: 'done 2' },
      { value: 'done 3' },
      { error: 'batch 4 failed' },
      { value: 'done 5' },
    ]);
    expect(batches).toEqual([[1], [2, 3, 4, 5], [2], [3], [4], [5]]);
  });

  it('fails every item of a batch whose apply returns the wrong number of results', async () => {
    const group = new GroupCommit(async (items: number[]) => items.slice(1), {
      maxBatch: 5,
      maxConcurrent: 1,
    });
    await expect(group.submit(1)).rejects.toThrow('GroupCommit: 0 results for 1 items');
  });

  it('refuses settings that could never run a batch', () => {
    expect(() => new GroupCommit(async () => [], { maxBatch: 0, maxConcurrent: 1 })).toThrow('at least 1');
    expect(() => new GroupCommit(async () => [], { maxBatch: 1, maxConcurrent: 0 })).toThrow('at least 1');
  });
});
