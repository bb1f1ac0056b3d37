import { liveIterator } from './live-iterator.util';

describe('liveIterator', () => {
  it('yields pushed values in order, whether they come before or after next()', async () => {
    let push!: (value: number) => void;
    const iterator = liveIterator<number>((p) => {
      push = p;
      return () => undefined;
    });
    push(1);
    const pending = iterator.next();
    expect(await pending).toEqual({ value: 1, done: false });
    const waiting = iterator.next();
    push(2);
    expect(await waiting).toEqual({ value: 2, done: false });
  });

  it('ends at once on return(), even while waiting, and stops its source', async () => {
    const stop = jest.fn();
    const iterator = liveIterator<number>(() => stop);
    const waiting = iterator.next();
    await expect(iterator.return!()).resolves.toEqual({ value: undefined, done: true });
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(stop).toHaveBeenCalledTimes(1);
    await iterator.return!();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('keeps the newest values when the reader falls behind', async () => {
    let push!: (value: number) => void;
    const iterator = liveIterator<number>((p) => {
      push = p;
      return () => undefined;
    }, 2);
    [1, 2, 3].forEach((value) => push(value));
    expect((await iterator.next()).value).toBe(2);
    expect((await iterator.next()).value).toBe(3);
  });
});
