/**
 * A min-heap of timed tasks. Ties run in the order they were scheduled, so a simulation that
 * schedules the same things in the same order replays identically.
 */
export class EventQueue<T> {
  private readonly heap: { at: number; tie: number; item: T }[] = [];
  private ties = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, item: T): void {
    this.heap.push({ at, tie: this.ties++, item });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  pop(): { at: number; item: T } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let smallest = i;
        if (l < this.heap.length && this.before(l, smallest)) smallest = l;
        if (r < this.heap.length && this.before(r, smallest)) smallest = r;
        if (smallest === i) break;
        [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
        i = smallest;
      }
    }
    return { at: top.at, item: top.item };
  }

  private before(a: number, b: number): boolean {
    const [x, y] = [this.heap[a], this.heap[b]];
    return x.at < y.at || (x.at === y.at && x.tie < y.tie);
  }
}
