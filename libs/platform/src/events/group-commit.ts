/** How a {@link GroupCommit} forms and runs batches. */
export interface GroupCommitOptions {
  /** Most items in one batch. */
  maxBatch: number;
  /** Batches running at once. */
  maxConcurrent: number;
}

interface Pending<I, R> {
  item: I;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Runs concurrently submitted items together, a batch per call of `apply` (group commit): while
 * `maxConcurrent` batches are running, new items queue, and the next free slot takes up to
 * `maxBatch` of them at once. Under light load a batch holds one item, so nothing waits for a
 * batch to fill; under heavy load the cost of a transaction is shared by many items.
 *
 * Each submitter still gets its own result or error. When a batch fails, every item in it is run
 * again alone, so one bad item fails by itself and the others are not held back by it.
 * `apply` must be all-or-nothing (a database transaction) and return one result per item, in order.
 */
export class GroupCommit<I, R> {
  private readonly queue: Pending<I, R>[] = [];
  private running = 0;

  constructor(
    private readonly apply: (items: I[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {
    if (!(options.maxBatch >= 1 && options.maxConcurrent >= 1)) {
      throw new Error('GroupCommit needs maxBatch and maxConcurrent of at least 1');
    }
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.running < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        this.startBatches();
      });
    }
  }

  private async runBatch(batch: Pending<I, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.apply(batch.map((pending) => pending.item));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One at a time: the items are independent, and isolating a failure must not flood the pool.
      for (const pending of batch) await this.runBatch([pending]);
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(`GroupCommit: ${results.length} results for ${batch.length} items`);
      batch.forEach((pending) => pending.reject(error));
      return;
    }
    batch.forEach((pending, index) => pending.resolve(results[index]));
  }
}
