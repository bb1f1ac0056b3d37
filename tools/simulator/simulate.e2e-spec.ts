import { mkdtempSync, readFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEvent,
  decodeEvent,
  ErpCommandType,
  STREAMS,
  type CommandAcknowledgement,
} from '@ordex/contracts';
import { createLogger, JetStreamBus, publishEvent } from '@ordex/platform';
import { eventually, startPrivateNats, type PrivateNats } from '@ordex/testing';
import { GRAPHQL_BATCH, GraphqlSink, NatsSink } from './event-sink';
import { parseRunOptions } from './run-options';
import { runSimulation } from './run-simulation';
import { SimulatedErpConnector } from './simulated-erp-connector';

const connect = (url: string) =>
  JetStreamBus.connect({
    servers: url,
    name: 'simulator-e2e',
    failIfUnreachable: true,
    streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
    logger: createLogger('simulator-e2e', 'error'),
  });
const quiet = { write: () => true, isTTY: false };

describe('npm run simulate (private NATS JetStream)', () => {
  let nats: PrivateNats;
  let bus: JetStreamBus;

  beforeAll(async () => {
    nats = await startPrivateNats();
    bus = await connect(nats.url);
  }, 30_000);

  afterAll(async () => {
    await bus?.close();
    await nats?.dispose();
  });

  it('publishes the master data and the order stream, writes the labels and summarises', async () => {
    const labelsPath = join(mkdtempSync(join(tmpdir(), 'ordex-sim-')), 'labels.ndjson');
    const labels = createWriteStream(labelsPath);
    const options = parseRunOptions(
      ['--nats', nats.url, '--orders', '60', '--as-fast-as-possible', '--seed', '4'],
      {},
    );
    const summary = await runSimulation(
      options,
      new NatsSink(bus),
      undefined,
      labels,
      new AbortController().signal,
      quiet,
    );
    await new Promise((resolve) => labels.end(resolve));
    expect(summary.orders).toBe(60);
    expect(summary.publishErrors).toBe(0);
    expect(summary.accepted + summary.alreadyKnown).toBe(summary.events);
    // Duplicates sent within the stream's duplicate window are recognised by JetStream.
    expect(summary.alreadyKnown).toBeGreaterThanOrEqual(summary.duplicates);
    const lines = readFileSync(labelsPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(60);
    expect(lines[0]).toMatchObject({ orderNumber: 'SO-S4-000001', categories: expect.any(Array) });
    const created: string[] = [];
    const consumer = await bus.consume(
      { durable: 'e2e-orders', subjects: ['erp.order.created.v1'] },
      async (m) => {
        created.push((decodeEvent(m.data).data as { orderNumber: string }).orderNumber);
      },
    );
    await eventually(async () =>
      created.filter((n) => n.startsWith('SO-S4-')).length >= 60 ? true : undefined,
    );
    await consumer.stop();
    // Running it again publishes the same ids: nothing new.
    const again = await runSimulation(
      { ...options, skipMasterData: true },
      new NatsSink(bus),
      undefined,
      undefined,
      new AbortController().signal,
      quiet,
    );
    expect(again.accepted).toBe(0);
  });

  it('answers a command over JetStream, and after a restart one it had not answered', async () => {
    const acks: CommandAcknowledgement[] = [];
    const watcher = await bus.consume(
      { durable: 'e2e-acks', subjects: ['erp.command.acknowledged.v1'] },
      async (m) => {
        acks.push(decodeEvent(m.data).data as CommandAcknowledgement);
      },
    );
    const command = (commandId: string) =>
      createEvent(
        'orders.command.requested.v1',
        'SO-E2E',
        {
          commandId,
          commandType: ErpCommandType.PLACE_HOLD,
          orderNumber: 'SO-E2E',
          erpVersion: 1,
          holdId: `H-${commandId}`,
          holdType: 'CREDIT',
          reason: 'over limit',
          requestedBy: 'analyst',
          requestedAt: new Date().toISOString(),
        },
        { source: 'orders', id: `cmd-${commandId}` },
      );
    const slow = new SimulatedErpConnector(bus, {
      seed: 1,
      rejectShare: 0,
      loseShare: 0,
      delayMedianMs: 60_000,
      delaySigma: 0,
      backoffMs: [100],
    });
    await slow.start();
    await publishEvent(bus, command('e2e-1'));
    await eventually(async () => (slow.stats.received === 1 ? true : undefined));
    await slow.stop();
    expect(acks).toEqual([]);
    const quick = new SimulatedErpConnector(bus, {
      seed: 1,
      rejectShare: 0,
      loseShare: 0,
      delayMedianMs: 20,
      delaySigma: 0,
      backoffMs: [100],
    });
    await quick.start();
    await eventually(async () => (acks.length === 1 ? true : undefined));
    expect(acks[0]).toMatchObject({ commandId: 'e2e-1', outcome: 'ACCEPTED', orderNumber: 'SO-E2E' });
    await quick.stop();
    await watcher.stop();
  });
});

describe('GraphqlSink', () => {
  it('takes batches of up to 500 events (the mutation limit) and reads each receipt', async () => {
    const calls: { auth: string | null; count: number }[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      const events = body.variables.events as { id: string; data: string }[];
      calls.push({ auth: new Headers(init.headers).get('authorization'), count: events.length });
      const receipts = events.map((e, i) => ({
        id: e.id,
        accepted: i % 3 === 0,
        duplicate: i % 3 === 1,
        rejection: i % 3 === 2 ? { code: 'INVALID_EVENT', message: 'bad' } : null,
      }));
      return new Response(JSON.stringify({ data: { submitErpEvents: receipts } }));
    }) as typeof fetch;
    const sink = new GraphqlSink('http://gateway/graphql', 'tok', fakeFetch);
    expect(sink.batchSize).toBe(GRAPHQL_BATCH);
    const events = Array.from({ length: 3 }, (_, i) =>
      createEvent(
        'erp.dc.changed.v1',
        `DC-${i}`,
        { code: `DC-${i}`, name: 'x', region: 'NORTH' },
        { source: 's' },
      ),
    );
    expect(await sink.send(events)).toEqual(['accepted', 'duplicate', { error: 'INVALID_EVENT: bad' }]);
    expect(calls).toEqual([{ auth: 'Bearer tok', count: 3 }]);
    const failing = new GraphqlSink(
      'http://gateway/graphql',
      undefined,
      (async () =>
        new Response(JSON.stringify({ errors: [{ message: 'forbidden' }] }), {
          status: 403,
        })) as typeof fetch,
    );
    expect(await failing.send(events.slice(0, 1))).toEqual([{ error: 'forbidden' }]);
  });
});
