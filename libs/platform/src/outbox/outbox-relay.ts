import type { EventEnvelope } from '@ordex/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EventBus } from '../bus/event-bus';
import { publishEvent } from '../events/publish-event';

export interface OutboxState {
  /** Events committed and not yet published. */
  backlog: number;
  /** Age of the oldest of them, in seconds (0 when none). */
  oldestSeconds: number;
  /** The last relay attempt's failure, cleared by the next success. */
  lastError?: string;
}

interface PendingRow {
  seq: string;
  envelope: EventEnvelope<unknown>;
}

const IDLE_POLL_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes a service's outbox in commit order. One relay at a time holds the outbox (a
 * transaction-scoped advisory lock), so events of one key leave in the order they were written
 * even with several instances running. A row is marked published in the same transaction that
 * read it, after the bus acknowledged it: a crash in between publishes it again under the same
 * message id, which JetStream's duplicate window and the consumers' processed-event records absorb.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private lastError?: string;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly onPublished: (count: number) => void = () => undefined,
    private readonly batchSize = 200,
  ) {}

  private get schema(): string {
    return this.dataSource.driver.schema ?? 'public';
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Publishes what is pending now, in order, stopping at the first event the bus refuses; returns
   * how many events left the outbox, or throws (after committing what did leave) on a refusal.
   */
  async relayOnce(): Promise<number> {
    // Without the bus every publish would wait out its timeout while holding the outbox.
    const bus = this.bus.health();
    if (!bus.connected) throw new Error(`event bus unavailable: ${bus.detail ?? 'disconnected'}`);
    const { published, failure } = await this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `ordex.outbox.${this.schema}`,
      ]);
      if (!locked) return { published: 0 };
      const rows: PendingRow[] = await tx.query(
        `SELECT seq, envelope FROM "${this.schema}"."outbox" WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.batchSize],
      );
      // Published pipelined, in order on one connection; only the unbroken prefix of acknowledged
      // rows counts as published, the rest is published again (same message ids) next time.
      const outcomes = await Promise.allSettled(rows.map((row) => publishEvent(this.bus, row.envelope)));
      const firstFailure = outcomes.findIndex((o) => o.status === 'rejected');
      const done = rows.slice(0, firstFailure === -1 ? rows.length : firstFailure).map((row) => row.seq);
      let failure: Error | undefined;
      if (firstFailure !== -1) {
        failure = (outcomes[firstFailure] as PromiseRejectedResult).reason as Error;
        await tx.query(
          `UPDATE "${this.schema}"."outbox" SET attempts = attempts + 1, last_error = $2 WHERE seq = $1`,
          [rows[firstFailure].seq, failure.message],
        );
      }
      if (done.length) {
        await tx.query(
          `UPDATE "${this.schema}"."outbox" SET published_at = now() WHERE seq = ANY($1::bigint[])`,
          [done],
        );
      }
      return { published: done.length, failure };
    });
    if (failure) throw failure;
    return published;
  }

  async state(): Promise<OutboxState> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS oldest
       FROM "${this.schema}"."outbox" WHERE published_at IS NULL`,
    );
    return {
      backlog: Number(row.backlog),
      oldestSeconds: Math.round(Number(row.oldest)),
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      let delay = IDLE_POLL_MS;
      try {
        const count = await this.relayOnce();
        if (count) this.onPublished(count);
        if (this.lastError) this.logger.info('outbox relay recovered');
        this.lastError = undefined;
        backoff = 0;
        if (count === this.batchSize) delay = 0;
      } catch (error) {
        this.lastError = (error as Error).message;
        backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : 250);
        delay = backoff;
        this.logger.warn({ err: error, retryInMs: backoff }, 'outbox relay could not publish; will retry');
      }
      if (this.running && delay) await new Promise<void>((resolve) => this.sleep(resolve, delay));
    }
  }

  private sleep(resolve: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.wake = undefined;
      resolve();
    }, ms);
    this.wake = () => {
      clearTimeout(timer);
      this.wake = undefined;
      resolve();
    };
  }
}
