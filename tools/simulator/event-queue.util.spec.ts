import { EventQueue } from './event-queue.util';

describe('EventQueue', () => {
  it('pops by time, ties in scheduling order', () => {
    const queue = new EventQueue<string>();
    for (const [at, item] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c1'],
      [3, 'c2'],
      [2, 'b'],
      [3, 'c3'],
    ] as const)
      queue.push(at, item);
    const order: string[] = [];
    while (queue.size > 0) order.push(queue.pop()!.item);
    expect(order).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'e']);
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekAt()).toBeUndefined();
  });
});
