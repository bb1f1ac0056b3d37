import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type Order, STREAMS } from '@ordex/contracts';
import { createLogger, JetStreamBus, type PublishAck } from '@ordex/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  PrivateNats,
  startPrivateNats,
  ServiceProcess,
  startServiceProcess,
  TestDatabase,
} from '@ordex/testing';
import { testGatewayIdentity } from '../identity/test-gateway-identity';
import { Client } from 'pg';
import {
  ORDERS_INTAKE_DURABLE,
  orderEvent,
  orderVersion,
  outgoing,
  type OutgoingMessage,
  publishPipelined,
  seededRandom,
} from './order-events';

jest.setTimeout(150_000);

/**
 * The ERP order intake under the failures it is built for, on the built orders service (one
 * process), real PostgreSQL and NATS JetStream: 10,000 publishes of ~2,000 orders' versions with
 * same-id duplicates, re-sends past the duplicate window, out-of-version-order deliveries, and two
 * SIGKILLs of the service mid-stream. Every event must take effect exactly once.
 */
const mainOf = (app: string) => join(__dirname, '../../dist/apps', app, 'src/main.js');

const ORDERS = 2_000;
const DISTINCT_EVENTS = 9_500;
/** Same event id, same Nats-Msg-Id, shortly after the original: JetStream's duplicate window drops them. */
const SAME_ID_DUPLICATES = 250;
/** Same event id under a new Nats-Msg-Id (a re-send days later): only processed_event catches them. */
const RESENDS = 250;
/** Older versions published right after a newer version of the same order. */
const OUT_OF_ORDER = 500;
const MAX_VERSIONS = 8;
/** Where the orders process is SIGKILLed, as a share of the publishes. */
const CRASH_POINTS = [0.3, 0.65];
/** Events applied (since the last start) before each crash, so the consumer is busy when it dies. */
const APPLIED_BEFORE_CRASH = 400;

interface Planned {
  orderNumber: string;
  version: number;
  eventId: string;
}

interface Plan {
  messages: OutgoingMessage[];
  /** Every distinct event by id. */
  events: Map<string, Planned>;
  /** Versions per order and the payload of each. */
  payloads: Map<string, Order[]>;
  outOfOrder: number;
}

/** The publish sequence, the same every run. */
function plan(): Plan {
  const random = seededRandom(20251128);
  const pick = (n: number) => Math.floor(random() * n);
  const orderNumbers = Array.from({ length: ORDERS }, (_, i) => `SO-${200_000 + i}`);
  const versions = orderNumbers.map(() => 2);
  for (let extra = DISTINCT_EVENTS - 2 * ORDERS; extra > 0;) {
    const o = pick(ORDERS);
    if (versions[o] < MAX_VERSIONS) {
      versions[o]++;
      extra--;
    }
  }
  // Interleave the orders at random; each order's versions first appear in ascending order.
  const slots = versions.flatMap((n, o) => Array.from({ length: n }, () => o));
  for (let i = slots.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  const seen = versions.map(() => 0);
  const sequence = slots.map((o) => ({ o, version: ++seen[o] }));
  const position = versions.map((n) => new Array<number>(n + 1));
  sequence.forEach(({ o, version }, index) => (position[o][version] = index));

  // Out of version order: swap disjoint pairs (v, v+1) of one order, so v arrives after v+1.
  const swapped = new Set<string>();
  for (let swaps = 0; swaps < OUT_OF_ORDER;) {
    const { o, version } = sequence[pick(sequence.length)];
    const [a, b] = [`${o}:${version}`, `${o}:${version + 1}`];
    if (version >= versions[o] || swapped.has(a) || swapped.has(b)) continue;
    swapped.add(a).add(b);
    const [pa, pb] = [position[o][version], position[o][version + 1]];
    [sequence[pa], sequence[pb]] = [sequence[pb], sequence[pa]];
    swaps++;
  }

  const payloads = new Map<string, Order[]>();
  orderNumbers.forEach((orderNumber, o) =>
    payloads.set(
      orderNumber,
      Array.from({ length: versions[o] }, (_, i) => orderVersion(orderNumber, i + 1)),
    ),
  );
  const events = new Map<string, Planned>();
  const base = sequence.map(({ o, version }) => {
    const orderNumber = orderNumbers[o];
    const eventId = `erp-${orderNumber}-v${version}`;
    events.set(eventId, { orderNumber, version, eventId });
    return outgoing(orderEvent(payloads.get(orderNumber)![version - 1], eventId));
  });

  // Extra publishes of chosen events, placed after their original (rank = index + 0.5 keeps them there).
  const ranked = base.map((message, index) => ({ rank: index, message }));
  const chosen = new Set<number>();
  const choose = () => {
    for (;;) {
      const index = pick(base.length);
      if (!chosen.has(index)) return chosen.add(index) && index;
    }
  };
  for (let i = 0; i < SAME_ID_DUPLICATES; i++) {
    const index = choose();
    const at = Math.min(base.length - 1, index + 1 + pick(20));
    ranked.push({ rank: at + 0.5 + i / 1e6, message: base[index] });
  }
  for (let i = 0; i < RESENDS; i++) {
    const index = choose();
    const at = index + 1 + pick(base.length - index);
    ranked.push({
      rank: at + 0.5 + i / 1e6,
      message: outgoing(base[index].event, `${base[index].event.id}:resent`),
    });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  const messages = ranked.map((r) => r.message);

  // An event is out of version order when its first publish follows a newer version of its order.
  let outOfOrder = 0;
  const highest = new Map<string, number>();
  const first = new Set<string>();
  for (const { event } of messages) {
    if (first.has(event.id)) continue;
    first.add(event.id);
    const top = highest.get(event.subject) ?? 0;
    if (event.data.erpVersion < top) outOfOrder++;
    highest.set(event.subject, Math.max(top, event.data.erpVersion));
  }
  return { messages, events, payloads, outOfOrder };
}

/** Per order, the versions that take effect when events arrive in `arrival` order (record highs). */
function appliedVersions(arrival: Iterable<{ orderNumber: string; version: number }>): Map<string, number[]> {
  const applied = new Map<string, number[]>();
  for (const { orderNumber, version } of arrival) {
    const versions = applied.get(orderNumber) ?? [];
    if (version > (versions.at(-1) ?? 0)) versions.push(version);
    applied.set(orderNumber, versions);
  }
  return applied;
}

/** JSON with sorted keys (jsonb does not keep key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

async function kill(service: ServiceProcess): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('ERP order intake durability (orders process, PostgreSQL, NATS JetStream)', () => {
  let database: TestDatabase;
  let nats: PrivateNats;
  let natsUrl: string;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let bus: JetStreamBus;
  let db: Client;
  let env: Record<string, string>;
  let readyUrl: string;
  const services: ServiceProcess[] = [];

  const startOrders = async () => {
    const service = await startServiceProcess('orders', mainOf('orders'), env, readyUrl);
    services.push(service);
    return service;
  };
  const processed = async () =>
    Number(
      (
        await db.query(`SELECT count(*) AS n FROM "orders"."processed_event" WHERE consumer = $1`, [
          ORDERS_INTAKE_DURABLE,
        ])
      ).rows[0].n,
    );
  const consumerInfo = () => jsm.consumers.info('ERP', ORDERS_INTAKE_DURABLE);

  beforeAll(async () => {
    nats = await startPrivateNats();
    natsUrl = nats.url;
    database = await createTestDatabase();
    const port = await freePort();
    env = {
      ...testGatewayIdentity().subgraphEnv,
      DATABASE_URL: database.url,
      NATS_URL: natsUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    readyUrl = `http://127.0.0.1:${port}/health/ready`;
    nc = await connect({ servers: natsUrl.split(',') });
    jsm = await jetstreamManager(nc);
    bus = await JetStreamBus.connect({
      servers: natsUrl.split(','),
      name: 'ordex-intake-durability-spec',
      streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
      logger: createLogger('intake-durability-spec', 'warn'),
    });
    db = new Client({ connectionString: database.url });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    for (const service of services) await service.stop();
    await bus?.close();
    await nc?.close();
    await db?.end();
    await database?.drop();
    await nats?.dispose();
  }, 60_000);

  it('applies every event exactly once through duplicates, re-sends, reordering and two SIGKILLs', async () => {
    const started = Date.now();
    const { messages, events, payloads, outOfOrder } = plan();
    expect(messages).toHaveLength(DISTINCT_EVENTS + SAME_ID_DUPLICATES + RESENDS);
    expect(outOfOrder).toBe(OUT_OF_ORDER);

    let orders = await startOrders();
    const acks: PublishAck[] = [];
    const crashes: Record<string, number>[] = [];
    let restarting: Promise<ServiceProcess> | undefined;
    let from = 0;
    let appliedAtStart = 0;
    for (const share of [...CRASH_POINTS, 1]) {
      const to = Math.round(messages.length * share);
      acks.push(...(await publishPipelined(bus, messages.slice(from, to))));
      from = to;
      if (share === 1) break;
      if (restarting) orders = await restarting;
      // Crash while the consumer works through a backlog, with effects already committed.
      await eventually(
        async () => ((await processed()) >= appliedAtStart + APPLIED_BEFORE_CRASH ? true : undefined),
        60_000,
        25,
      );
      await kill(orders);
      const info = await consumerInfo();
      appliedAtStart = await processed();
      crashes.push({
        afterPublishes: to,
        processedEventsAtCrash: appliedAtStart,
        deliveredUnackedAtCrash: info.num_ack_pending,
      });
      // Restart at once (same environment) while publishing goes on.
      restarting = startOrders();
      restarting.catch(() => undefined); // awaited below; a failed start fails the test there
    }
    const published = Date.now();
    if (restarting) orders = await restarting;

    // Caught up: every distinct event claimed, every stored message acknowledged (the re-sends
    // and redeliveries of what was in flight at the crashes, after their ack wait, included).
    await eventually(
      async () => {
        const info = await consumerInfo();
        const done =
          (await processed()) === events.size && info.num_pending === 0 && info.num_ack_pending === 0;
        return done ? info : undefined;
      },
      100_000,
      250,
    );
    const caughtUp = Date.now();
    const stream = await jsm.streams.info('ERP');

    // (a) processed_event: one row per distinct event id, none missing, none extra.
    const claims = (
      await db.query<{ event_id: string; subject: string; at: string }>(
        `SELECT event_id, subject, processed_at::text AS at FROM "orders"."processed_event"
         WHERE consumer = $1 ORDER BY subject, processed_at, event_id`,
        [ORDERS_INTAKE_DURABLE],
      )
    ).rows;
    const claimedIds = new Set(claims.map((c) => c.event_id));
    const missing = [...events.keys()].filter((id) => !claimedIds.has(id));
    const unknown = [...claimedIds].filter((id) => !events.has(id));

    // (b) the mirror holds each order's highest version with that version's lines.
    const mirrored = (
      await db.query<{
        order_number: string;
        erp_version: number;
        customer_id: string;
        status: string;
        ordered_on: string;
        requested_date: string;
      }>(
        `SELECT order_number, erp_version, customer_id, status,
                to_char(ordered_on, 'YYYY-MM-DD') AS ordered_on,
                to_char(requested_date, 'YYYY-MM-DD') AS requested_date
         FROM "orders"."order"`,
      )
    ).rows;
    const lineRows = (
      await db.query<{ order_number: string; line_no: number; sku: string; quantity: number; price: number }>(
        `SELECT order_number, line_no, sku, quantity, unit_price::float8 AS price
         FROM "orders"."order_line" ORDER BY order_number, line_no`,
      )
    ).rows;
    const linesOf = new Map<string, Order['lines']>();
    for (const l of lineRows) {
      const lines = linesOf.get(l.order_number) ?? [];
      lines.push({ lineNo: l.line_no, sku: l.sku, quantity: l.quantity, unitPrice: l.price });
      linesOf.set(l.order_number, lines);
    }
    const wrongOrders = mirrored.filter((row) => {
      const all = payloads.get(row.order_number);
      const latest = all?.at(-1);
      return (
        !latest ||
        row.erp_version !== latest.erpVersion ||
        row.customer_id !== latest.customerId ||
        row.status !== latest.status ||
        row.ordered_on !== latest.orderedOn ||
        row.requested_date !== latest.requestedDate ||
        JSON.stringify(linesOf.get(row.order_number) ?? []) !== JSON.stringify(latest.lines)
      );
    });

    // (c) the outbox: one `received` per order, one `changed` per version applied as newer.
    const outbox = (
      await db.query<{ seq: string; type: string; key: string; cause: string; version: number; data: Order }>(
        `SELECT seq, envelope->>'type' AS type, key, envelope->>'causationid' AS cause,
                (envelope->'data'->>'erpVersion')::int AS version, envelope->'data' AS data
         FROM "orders"."outbox" ORDER BY seq`,
      )
    ).rows;
    const received = outbox.filter((r) => r.type === 'orders.order.received.v1');
    const changed = outbox.filter((r) => r.type === 'orders.order.changed.v1');
    const outboxByOrder = new Map<string, typeof outbox>();
    for (const row of outbox) outboxByOrder.set(row.key, [...(outboxByOrder.get(row.key) ?? []), row]);
    const pairs = new Set(outbox.map((r) => `${r.key}#${r.version}`));

    // Exact expectation from the order the consumer actually applied events in (processed_at is
    // the claiming transaction's start; one key's transactions never overlap).
    const tiedClaims = claims.filter(
      (c, i) => i > 0 && claims[i - 1].subject === c.subject && claims[i - 1].at === c.at,
    ).length;
    const actualArrival = claims.map((c) => events.get(c.event_id)!).filter(Boolean);
    const expectedFromArrival = appliedVersions(actualArrival);
    // What the publish order alone would give, were nothing redelivered after the crashes.
    const expectedFromPublish = appliedVersions(
      messages.map((m) => ({ orderNumber: m.event.subject, version: m.event.data.erpVersion })),
    );
    const outboxMismatches: string[] = [];
    let differFromPublishOrder = 0;
    for (const [orderNumber, versions] of expectedFromArrival) {
      const rows = outboxByOrder.get(orderNumber) ?? [];
      const want = versions.map(
        (v, i) => `${i === 0 ? 'received' : 'changed'} v${v} by erp-${orderNumber}-v${v}`,
      );
      const got = rows.map(
        (r) =>
          `${r.type === 'orders.order.received.v1' ? 'received' : 'changed'} v${r.version} by ${r.cause}`,
      );
      if (JSON.stringify(want) !== JSON.stringify(got))
        outboxMismatches.push(`${orderNumber}: ${got} ≠ ${want}`);
      if (JSON.stringify(versions) !== JSON.stringify(expectedFromPublish.get(orderNumber)))
        differFromPublishOrder++;
    }
    // Per key, JetStream delivers in stream order; only what a crashed process held (redelivered
    // once its ack wait expired) may be applied after messages published later.
    const firstPublish = new Map<string, number>();
    messages.forEach((m, index) => {
      if (!firstPublish.has(m.event.id)) firstPublish.set(m.event.id, index);
    });
    let overtaken = 0;
    let latestPublished = -1;
    claims.forEach((c, i) => {
      const start = i === 0 || claims[i - 1].subject !== c.subject;
      const index = firstPublish.get(c.event_id)!;
      if (!start && index < latestPublished) overtaken++;
      latestPublished = start ? index : Math.max(latestPublished, index);
    });
    const wrongPayloads = outbox.filter(
      (r) => canonical(r.data) !== canonical(payloads.get(r.key)?.[r.version - 1]),
    ).length;
    const changedOverLimit = [...outboxByOrder].filter(
      ([orderNumber, rows]) =>
        rows.filter((r) => r.type === 'orders.order.changed.v1').length >
        payloads.get(orderNumber)!.length - 1,
    ).length;
    const expectedChangedByPublishOrder = [...expectedFromPublish.values()].reduce(
      (n, v) => n + v.length - 1,
      0,
    );

    // (d) nothing dead-lettered.
    const deadLetters = await bus.deadLetters();

    const report = {
      publishes: messages.length,
      distinctEventIds: events.size,
      orders: payloads.size,
      sameIdDuplicatesPublished: SAME_ID_DUPLICATES,
      dedupedByJetStream: acks.filter((a) => a.duplicate).length,
      resendsPublished: RESENDS,
      outOfVersionOrderPublishes: outOfOrder,
      erpStreamMessages: stream.state.messages,
      crashes,
      processedEventRows: claims.length,
      processedEventIdsMissing: missing.length,
      processedEventIdsUnknown: unknown.length,
      processedAtTiesWithinOrder: tiedClaims,
      ordersMirrored: mirrored.length,
      ordersNotAtMaxVersionOrWrongLines: wrongOrders.length,
      outboxReceived: received.length,
      outboxChanged: changed.length,
      outboxChangedExpectedByPublishOrder: expectedChangedByPublishOrder,
      eventsAppliedAfterLaterPublishedOnesOfTheirOrder: overtaken,
      ordersWhoseAppliedVersionsDifferFromPublishOrder: differFromPublishOrder,
      outboxMismatchesVsAppliedOrder: outboxMismatches.length,
      outboxDuplicateOrderVersions: outbox.length - pairs.size,
      outboxRowsWithWrongPayload: wrongPayloads,
      ordersWithChangedOverVersionsMinus1: changedOverLimit,
      deadLetters: deadLetters.length,
      errorLogLines: services.reduce(
        (n, s) => n + (s.output().match(/"level":"(error|fatal)"/g) ?? []).length,
        0,
      ),
      seconds: {
        publishingWithCrashes: (published - started) / 1000,
        untilCaughtUp: (caughtUp - started) / 1000,
      },
    };
    console.log(`intake durability:\n${JSON.stringify(report, null, 2)}`);

    expect(report.dedupedByJetStream).toBe(SAME_ID_DUPLICATES);
    expect(report.erpStreamMessages).toBe(messages.length - SAME_ID_DUPLICATES);
    expect(crashes).toHaveLength(2);
    expect(overtaken).toBeLessThanOrEqual(crashes.reduce((n, crash) => n + crash.deliveredUnackedAtCrash, 0));
    // (a)
    expect(claims.length).toBe(events.size);
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
    // (b)
    expect(mirrored.length).toBe(ORDERS);
    expect(wrongOrders.slice(0, 5)).toEqual([]);
    // (c) the weaker invariants, then the exact expectation from the applied order.
    expect(received.length).toBe(ORDERS);
    expect(new Set(received.map((r) => r.key)).size).toBe(ORDERS);
    expect(pairs.size).toBe(outbox.length);
    expect(changedOverLimit).toBe(0);
    expect(wrongPayloads).toBe(0);
    expect(tiedClaims).toBe(0);
    expect(outboxMismatches.slice(0, 5)).toEqual([]);
    expect(outbox.length).toBe(
      [...expectedFromArrival.values()].reduce((n, versions) => n + versions.length, 0),
    );
    // (d)
    expect(deadLetters.map((l) => `${l.msgId}: ${l.reason}`)).toEqual([]);
  });
});
