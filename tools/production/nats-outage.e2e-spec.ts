import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { createEvent, encodeEvent, OrderStatus, type EventEnvelope, type Order } from '@ordex/contracts';
import {
  createTestDatabase,
  eventually,
  freePort,
  graphql,
  ServiceProcess,
  startServiceProcess,
  TestDatabase,
} from '@ordex/testing';
import { testGatewayIdentity } from '../identity/test-gateway-identity';
import { Client } from 'pg';

jest.setTimeout(90_000);

/**
 * The event backbone degrades gracefully: with NATS unreachable the orders service starts, keeps
 * answering reads, keeps applying what it already received into its outbox and says on
 * /health/ready what is degraded; when NATS returns, the outbox drains in order with nothing lost
 * and nothing published twice.
 *
 * It runs its own nats-server (on a free port, with its own store) so that stopping it does not
 * disturb the machine's shared NATS, which other suites use.
 */
const NATS_SERVER = '/usr/sbin/nats-server';
const ORDERS_MAIN = join(__dirname, '../../dist/apps/orders/src/main.js');
const INTAKE_CONSUMER = 'orders-erp-intake';
// Large enough that the service cannot apply it all in the moments nats-server takes to shut down
// (a few thousand events: a fast machine applied 1,200 in that time).
const BURST_ORDERS = 80;
const BURST_VERSIONS = 40;

interface ReadinessBody {
  status: string;
  info: {
    eventBus: { status: string; connected: boolean; state?: string; detail?: string; degraded?: boolean };
    outbox: { status: string; backlog: number; lastError?: string; degraded: boolean };
  };
}

/** A private nats-server that the test stops and starts again on the same port and store. */
class PrivateNats {
  private child?: ChildProcess;
  private log = '';

  constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      NATS_SERVER,
      ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`nats-server exited: ${this.log.slice(-2000)}`);
        return (await acceptsConnections(this.port)) || undefined;
      },
      10_000,
      50,
    );
  }

  /** SIGTERM, as an orchestrator stops it; resolves once the process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  }
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function orderVersion(orderNumber: string, erpVersion: number): Order {
  return {
    orderNumber,
    erpVersion,
    customerId: 'C-OUTAGE',
    shipToId: null,
    orderedOn: '2026-03-02',
    requestedDate: '2026-03-09',
    currency: 'USD',
    status: OrderStatus.RECEIVED,
    lines: [{ lineNo: 1, sku: 'SKU-00001', quantity: erpVersion, unitPrice: 10 }],
  };
}

describe('NATS outage (orders service, private nats-server)', () => {
  let nats: PrivateNats;
  let storeDir: string;
  let database: TestDatabase;
  let db: Client;
  let service: ServiceProcess;
  let graphqlUrl: string;
  let readyUrl: string;
  /** The test's own client, as the ERP would publish; it reconnects across the outage. */
  let erp: NatsConnection | undefined;
  let js: JetStreamClient;
  const published: EventEnvelope<Order>[] = [];
  const gateway = testGatewayIdentity();

  const readiness = async (): Promise<{ status: number; body: ReadinessBody }> => {
    const response = await fetch(readyUrl);
    return { status: response.status, body: (await response.json()) as ReadinessBody };
  };
  const erpVersionOf = async (orderNumber: string): Promise<number | null | undefined> => {
    const response = await graphql<{ order: { erpVersion: number } | null }>(
      graphqlUrl,
      `
        query ($orderNumber: ID!) {
          order(orderNumber: $orderNumber) {
            erpVersion
          }
        }
      `,
      { orderNumber },
      await gateway.headers(),
    );
    expect(response.errors).toBeUndefined();
    return response.data?.order?.erpVersion ?? null;
  };
  const count = async (sql: string): Promise<number> => Number((await db.query(sql)).rows[0].count);
  const processedCount = () =>
    count(`SELECT count(*) FROM orders.processed_event WHERE consumer = '${INTAKE_CONSUMER}'`);
  const unpublishedCount = () => count(`SELECT count(*) FROM orders.outbox WHERE published_at IS NULL`);
  const publish = async (order: Order) => {
    const event = createEvent('erp.order.created.v1', order.orderNumber, order, { source: 'erp' });
    const hdrs = headers();
    hdrs.set('ordex-key', order.orderNumber);
    await js.publish(event.type, encodeEvent(event), { msgID: event.id, headers: hdrs });
    published.push(event);
  };

  beforeAll(async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'ordex-nats-outage-'));
    nats = new PrivateNats(await freePort(), storeDir);
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    const port = await freePort();
    graphqlUrl = `http://127.0.0.1:${port}/graphql`;
    readyUrl = `http://127.0.0.1:${port}/health/ready`;
  });

  afterAll(async () => {
    await service?.stop();
    await erp?.close().catch(() => undefined);
    await nats?.stop();
    await db?.end();
    await database?.drop();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  it('starts while NATS is unreachable, answers reads and reports the event bus as degraded', async () => {
    service = await startServiceProcess(
      'orders',
      ORDERS_MAIN,
      {
        ...gateway.subgraphEnv,
        DATABASE_URL: database.url,
        NATS_URL: nats.url,
        PORT: new URL(graphqlUrl).port,
        LOG_LEVEL: 'warn',
      },
      readyUrl,
    );
    const { status, body } = await readiness();
    expect(status).toBe(200);
    expect(body.info.eventBus).toMatchObject({
      status: 'up',
      adapter: 'jetstream',
      connected: false,
      state: 'connecting',
      degraded: true,
    });
    expect(body.info.eventBus.detail).toContain(nats.url);
    expect(body.info.outbox).toMatchObject({ status: 'up', backlog: 0 });
    expect(await erpVersionOf('SO-NOT-THERE')).toBeNull();
    expect(service.output()).toContain('starting without NATS');
  });

  it('connects once NATS starts, creates its streams and applies ERP events', async () => {
    await nats.start();
    await eventually(
      async () => ((await readiness()).body.info.eventBus.connected ? true : undefined),
      15_000,
    );
    erp = await connect({
      servers: nats.url,
      name: 'outage-test-erp',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    js = jetstream(erp);
    for (let n = 1; n <= 5; n++) await publish(orderVersion(`SO-EARLY-${n}`, 1));
    await eventually(async () => ((await erpVersionOf('SO-EARLY-5')) === 1 ? true : undefined), 15_000);
    const { body } = await readiness();
    expect(body.info.eventBus).toMatchObject({ connected: true, state: 'connected' });
    expect(body.info.eventBus.degraded).toBeUndefined();
  });

  it('keeps answering reads and keeps applied events in its outbox while NATS is down', async () => {
    // A burst, interleaved across orders and in version order per order (one round of publishes
    // per version, pipelined, so it is stored well before it is applied); NATS stops mid-way.
    const total = published.length + BURST_ORDERS * BURST_VERSIONS;
    for (let version = 1; version <= BURST_VERSIONS; version++) {
      await Promise.all(
        Array.from({ length: BURST_ORDERS }, (_, i) => publish(orderVersion(`SO-BURST-${i + 1}`, version))),
      );
    }
    // Early in the burst: stopping NATS takes a moment, and a fast machine applies hundreds meanwhile.
    const stopAt = published.length - Math.round(BURST_ORDERS * BURST_VERSIONS * 0.9);
    await eventually(async () => ((await processedCount()) >= stopAt ? true : undefined), 20_000, 5);
    await nats.stop();
    const processedAtStop = await processedCount();
    expect(processedAtStop).toBeLessThan(total);

    const degraded = await eventually(
      async () => {
        const { status, body } = await readiness();
        expect(status).toBe(200);
        return body.info.eventBus.connected === false && body.info.outbox.degraded ? body : undefined;
      },
      15_000,
      200,
    );
    expect(degraded.status).toBe('ok');
    expect(degraded.info.eventBus).toMatchObject({ status: 'up', state: 'disconnected', degraded: true });
    expect(degraded.info.outbox.backlog).toBeGreaterThan(0);
    expect(degraded.info.outbox.lastError).toMatch(/event bus unavailable|not published/);
    // Events it had already received were still applied after NATS went away; theirs and those
    // the relay had not sent yet wait in the outbox, committed with the state they describe.
    expect(await processedCount()).toBeGreaterThan(processedAtStop);
    expect(await unpublishedCount()).toBeGreaterThan(0);
    expect(await erpVersionOf('SO-EARLY-3')).toBe(1);
    expect(await erpVersionOf('SO-BURST-1')).toBeGreaterThanOrEqual(1);
    // Stay down a little longer: the relay keeps retrying, reads keep working.
    await delay(2_000);
    expect((await readiness()).status).toBe(200);
    expect(await erpVersionOf('SO-EARLY-1')).toBe(1);
  });

  it('drains its outbox once NATS is back: every applied version published once, in order per order', async () => {
    await nats.start();
    const total = published.length;
    await eventually(
      async () => {
        const { body } = await readiness();
        const settled =
          body.info.eventBus.connected &&
          !body.info.outbox.degraded &&
          body.info.outbox.backlog === 0 &&
          (await processedCount()) === total &&
          (await unpublishedCount()) === 0;
        return settled ? true : undefined;
      },
      60_000,
      250,
    );
    const { status, body } = await readiness();
    expect(status).toBe(200);
    expect(body.info.eventBus).toMatchObject({ connected: true, state: 'connected' });
    expect(body.info.eventBus.degraded).toBeUndefined();
    expect(body.info.outbox).toMatchObject({ backlog: 0, degraded: false });

    // Every ERP event was applied once (claimed once by the intake consumer).
    expect(await processedCount()).toBe(new Set(published.map((e) => e.id)).size);

    // Read the ORDERS stream from the beginning with a fresh ordered (ephemeral) consumer.
    const jsm = await jetstreamManager(erp!);
    const { messages: stored } = (await jsm.streams.info('ORDERS')).state;
    const consumer = await js.consumers.get('ORDERS', { filter_subjects: 'orders.order.*.v1' });
    const stream: EventEnvelope<Order>[] = [];
    const iterator = await consumer.consume({ expires: 5_000 });
    for await (const message of iterator) {
      stream.push(message.json<EventEnvelope<Order>>());
      if (message.info.pending === 0) break;
    }
    expect(stream).toHaveLength(stored);

    // JetStream drops a re-publish with the same Nats-Msg-Id; none may get through otherwise.
    const ids = stream.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    // None missing, none extra: the stream holds exactly what the outbox holds.
    const outbox = (await db.query(`SELECT event_id FROM orders.outbox`)).rows.map(
      (r) => r.event_id as string,
    );
    expect([...ids].sort()).toEqual([...outbox].sort());

    // Per order number, versions appear in increasing order, each applied version once.
    const versionsByOrder = new Map<string, number[]>();
    for (const event of stream) {
      versionsByOrder.set(event.subject, [
        ...(versionsByOrder.get(event.subject) ?? []),
        event.data.erpVersion,
      ]);
    }
    const publishedByOrder = new Map<string, number[]>();
    for (const event of published) {
      publishedByOrder.set(event.subject, [
        ...(publishedByOrder.get(event.subject) ?? []),
        event.data.erpVersion,
      ]);
    }
    expect(new Set(versionsByOrder.keys())).toEqual(new Set(publishedByOrder.keys()));
    for (const [orderNumber, versions] of publishedByOrder) {
      expect({ orderNumber, versions: versionsByOrder.get(orderNumber) }).toEqual({ orderNumber, versions });
    }
    const mirrored = await db.query(`SELECT order_number, erp_version FROM orders.order`);
    for (const row of mirrored.rows) {
      expect(row.erp_version).toBe(Math.max(...publishedByOrder.get(row.order_number)!));
    }
    expect(mirrored.rows).toHaveLength(publishedByOrder.size);
    // Each event says what it is: the first version received, later ones changed.
    for (const event of stream) {
      expect(event.type).toBe(
        event.data.erpVersion === 1 ? 'orders.order.received.v1' : 'orders.order.changed.v1',
      );
    }
    expect(service.output()).not.toMatch(/"level":"(error|fatal)"/);
  });
});
