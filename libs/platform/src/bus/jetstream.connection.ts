import { jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import {
  ClosedConnectionError,
  connect,
  ConnectionError,
  DrainingConnectionError,
  NoRespondersError,
  RequestError,
  TimeoutError,
  type NatsConnection,
} from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusLogger } from './bus-logger';

/** A connection to NATS on which the streams have been set up: what publishing and pulling use. */
export interface JetStreamSession {
  readonly nc: NatsConnection;
  readonly jsm: JetStreamManager;
  readonly js: JetStreamClient;
}

/**
 * `connecting`: not connected yet, or connected and still setting up the streams;
 * `disconnected`: the connection was lost and the client is reconnecting;
 * `connected`: streams set up, publishing and pulling work; `closed`: closed by its owner.
 */
export type JetStreamConnectionState = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface JetStreamConnectionOptions {
  servers: string[];
  name: string;
  /** Runs after every (re)connection, before the session is handed out (creates the streams). */
  setUp(jsm: JetStreamManager): Promise<void>;
  /** Timeout of one attempt to open the connection. */
  connectTimeoutMs: number;
  /** Longest wait between connection attempts (the client's own reconnects use it too). */
  reconnectWaitMs: number;
  /** Timeout of JetStream API requests (stream and consumer set-up, dead-letter reads). */
  apiTimeoutMs: number;
  logger?: BusLogger;
}

/** NATS cannot be used right now; whoever was publishing should keep the event and retry. */
export class JetStreamUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JetStreamUnavailableError';
  }
}

/** Errors that say NATS could not be reached or did not answer, rather than that it refused. */
export function isUnavailableError(error: unknown): boolean {
  return (
    error instanceof JetStreamUnavailableError ||
    error instanceof TimeoutError ||
    error instanceof RequestError ||
    error instanceof NoRespondersError ||
    error instanceof ClosedConnectionError ||
    error instanceof ConnectionError ||
    error instanceof DrainingConnectionError
  );
}

/** Set-up failures are retried after this delay, doubling up to the reconnect wait. */
const FIRST_RETRY_MS = 250;
/** While NATS stays unreachable (or refuses the set-up), the failure is logged every this many attempts. */
const LOG_EVERY_ATTEMPTS = 30;
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * Keeps one NATS connection for a bus whether or not NATS is up. The first attempt happens in
 * {@link open}; when it fails, attempts continue in the background (backing off up to
 * `reconnectWaitMs`) until NATS answers. Once connected, the client reconnects by itself
 * (`maxReconnectAttempts: -1`), and after every (re)connection the streams are set up again
 * before the session is handed out, so a server that restarted without its store gets them back.
 */
export class JetStreamConnection {
  private state: JetStreamConnectionState = 'connecting';
  private nc?: NatsConnection;
  private session?: JetStreamSession;
  /** Bumped on every connection change, so set-up of a connection that is gone stops. */
  private generation = 0;
  private server?: string;
  private problem?: string;
  private downSince?: Date;
  private readonly closing = new AbortController();
  private readonly waiters = new Set<() => void>();
  private lifecycle?: Promise<void>;

  constructor(private readonly options: JetStreamConnectionOptions) {}

  /**
   * Makes the first connection attempt and, when it connects, the first stream set-up; resolves
   * whether or not they succeeded (see {@link current}), after which attempts go on in the
   * background until {@link close}. With `failIfUnreachable`, a first attempt that cannot reach
   * NATS rejects instead.
   */
  async open({ failIfUnreachable = false } = {}): Promise<void> {
    const first = await this.attempt(0, !failIfUnreachable);
    if ('error' in first) {
      if (failIfUnreachable) {
        this.state = 'closed';
        throw first.error;
      }
      this.lifecycle = this.maintain(undefined);
      return;
    }
    const ready = this.adopt(first.nc);
    this.lifecycle = this.maintain(first.nc);
    await ready;
  }

  /** The session when NATS is connected and the streams are set up. */
  current(): JetStreamSession | undefined {
    return this.session;
  }

  /**
   * Waits for a usable session: up to `waitMs` (then {@link JetStreamUnavailableError}), or
   * without limit until `signal` aborts (then the signal's reason).
   */
  async ready(waitMs?: number, signal?: AbortSignal): Promise<JetStreamSession> {
    const deadline = waitMs === undefined ? Infinity : Date.now() + waitMs;
    for (;;) {
      if (this.state === 'closed') throw new Error('JetStream bus is closed');
      if (this.session) return this.session;
      signal?.throwIfAborted();
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new JetStreamUnavailableError(`NATS JetStream is unavailable: ${this.describe()}`);
      await this.nextChange(remaining, signal);
    }
  }

  status(): { state: JetStreamConnectionState; detail: string; since?: string } {
    return {
      state: this.state,
      detail: this.describe(),
      ...(this.downSince && this.state !== 'connected' && this.state !== 'closed'
        ? { since: this.downSince.toISOString() }
        : {}),
    };
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return this.lifecycle;
    const wasReady = this.session !== undefined;
    this.state = 'closed';
    this.generation++;
    this.session = undefined;
    this.closing.abort();
    this.wake();
    const nc = this.nc;
    if (nc && !nc.isClosed()) {
      // Draining flushes what was published; it cannot complete without a server to talk to.
      if (wasReady) {
        await Promise.race([nc.drain(), sleep(DRAIN_TIMEOUT_MS, undefined, { ref: false })]).catch(
          () => undefined,
        );
      }
      if (!nc.isClosed()) await nc.close();
    }
    await this.lifecycle;
  }

  private describe(): string {
    const servers = this.options.servers.join(',');
    switch (this.state) {
      case 'closed':
        return 'closed';
      case 'connected':
        return `connected to ${this.server ?? servers}`;
      case 'disconnected':
        return `disconnected from ${this.server ?? servers}, reconnecting${this.problem ? ` (${this.problem})` : ''}`;
      case 'connecting':
        return this.nc
          ? `connecting: connected to ${this.server ?? servers}, setting up streams${this.problem ? ` (${this.problem})` : ''}`
          : `connecting to ${servers}${this.problem ? ` (${this.problem})` : ''}`;
    }
  }

  /** Reconnects from scratch whenever the connection closes without being asked to. */
  private async maintain(first: NatsConnection | undefined): Promise<void> {
    let nc = first;
    let failures = nc ? 0 : 1;
    while (!this.closing.signal.aborted) {
      if (!nc) {
        const waitMs = Math.min(this.options.reconnectWaitMs, FIRST_RETRY_MS * 2 ** (failures - 1));
        await sleep(waitMs, undefined, { signal: this.closing.signal }).catch(() => undefined);
        if (this.closing.signal.aborted) return;
        const next = await this.attempt(failures);
        if ('error' in next) {
          failures++;
          continue;
        }
        nc = next.nc;
        if (failures > 0) {
          this.options.logger?.info({ server: nc.getServer(), attempts: failures + 1 }, 'NATS reached');
        }
        void this.adopt(nc);
      }
      failures = 0;
      const error = await nc.closed();
      if (this.closing.signal.aborted) return;
      this.options.logger?.error({ err: error }, 'NATS connection closed unexpectedly; connecting again');
      this.markDown('connecting', error instanceof Error ? error.message : 'connection closed');
      this.nc = undefined;
      nc = undefined;
      failures = 1;
    }
  }

  /** One attempt to open the connection. */
  private async attempt(failures: number, log = true): Promise<{ nc: NatsConnection } | { error: unknown }> {
    const { servers, name, connectTimeoutMs, reconnectWaitMs, logger } = this.options;
    try {
      const nc = await connect({
        servers,
        name,
        timeout: connectTimeoutMs,
        maxReconnectAttempts: -1,
        reconnectTimeWait: reconnectWaitMs,
      });
      if (this.closing.signal.aborted) {
        await nc.close();
        return { error: new Error('JetStream bus is closed') };
      }
      return { nc };
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.downSince ??= new Date();
      if (log && failures % LOG_EVERY_ATTEMPTS === 0 && !this.closing.signal.aborted) {
        logger?.warn(
          { err: error, servers: servers.join(','), attempts: failures + 1 },
          failures === 0
            ? 'NATS is not reachable; connecting in the background'
            : 'NATS is still not reachable; connecting in the background',
        );
      }
      return { error };
    }
  }

  /** Takes a new connection into use; resolves after its first stream set-up attempt. */
  private adopt(nc: NatsConnection): Promise<void> {
    this.nc = nc;
    this.server = nc.getServer();
    this.watch(nc).catch((error: unknown) =>
      this.options.logger?.error({ err: error }, 'NATS status watch failed; health may be stale'),
    );
    return this.setUp(nc);
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (this.state === 'closed') return;
      if (status.type === 'disconnect') {
        this.options.logger?.warn({ server: status.server }, 'NATS connection lost, reconnecting');
        this.server = status.server;
        this.markDown('disconnected', undefined);
      } else if (status.type === 'reconnect') {
        this.server = status.server;
        void this.setUp(nc);
      }
    }
  }

  private markDown(state: 'connecting' | 'disconnected', problem: string | undefined): void {
    this.generation++;
    this.session = undefined;
    this.state = state;
    this.problem = problem;
    this.downSince ??= new Date();
    this.wake();
  }

  /**
   * Sets the streams up on a fresh (re)connection, retrying until it works or the connection
   * changes; resolves after the first attempt.
   */
  private setUp(nc: NatsConnection): Promise<void> {
    const generation = ++this.generation;
    const { logger, apiTimeoutMs, reconnectWaitMs } = this.options;
    const downSince = this.downSince;
    this.state = 'connecting';
    this.session = undefined;
    let firstAttempt: () => void = () => undefined;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    void (async () => {
      for (let attempt = 0; generation === this.generation && !nc.isClosed(); attempt++) {
        try {
          const jsm = await jetstreamManager(nc, { timeout: apiTimeoutMs });
          await this.options.setUp(jsm);
          if (generation !== this.generation) break;
          this.session = { nc, jsm, js: jsm.jetstream() };
          this.state = 'connected';
          this.problem = undefined;
          if (downSince) {
            logger?.info(
              { server: this.server, downSeconds: Math.round((Date.now() - downSince.getTime()) / 1000) },
              'NATS JetStream available again',
            );
          }
          this.downSince = undefined;
          this.wake();
          break;
        } catch (error) {
          if (generation !== this.generation) break;
          this.problem = `stream set-up failed: ${error instanceof Error ? error.message : String(error)}`;
          this.downSince ??= new Date();
          if (attempt % LOG_EVERY_ATTEMPTS === 0) {
            logger?.warn({ err: error, attempts: attempt + 1 }, 'JetStream stream set-up failed; will retry');
          }
          firstAttempt();
          const waitMs = Math.min(reconnectWaitMs, FIRST_RETRY_MS * 2 ** attempt);
          await sleep(waitMs, undefined, { signal: this.closing.signal }).catch(() => undefined);
        }
      }
      firstAttempt();
    })();
    return attempted;
  }

  private nextChange(waitMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = Number.isFinite(waitMs) ? setTimeout(done, waitMs) : undefined;
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
