import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { STREAMS } from '@ordex/contracts';
import {
  createLogger,
  generateInternalIdentityKeys,
  HELD_PER_SLOT_ORDERED,
  INTAKE_BATCH,
  JetStreamBus,
} from '@ordex/platform';
import { Client } from 'pg';
import { ADMIN_URL, adminQuery, freePort } from '../bench/deployment';
import { CORES, type CpuTimes, machineCpu, pidsNamed, processCpu, processesCpu } from './proc-cpu';
import {
  ORDERS_INTAKE_DURABLE,
  orderEvent,
  orderVersion,
  outgoing,
  type OutgoingMessage,
  percentile,
  seededRandom,
  send,
} from './order-events';

/**
 * `npm run bench:intake`: how many ERP order events per second the orders service (one process,
 * built) turns into committed effects on real PostgreSQL and NATS JetStream, and how long each
 * takes, from publish to the commit of its effect, at increasing offered rates.
 *
 * It creates a throwaway database and resets the ordex JetStream streams, as the end-to-end
 * suites do, so it refuses a PostgreSQL URL whose database name does not contain "test".
 *
 * Settings (environment): NATS_URL, DATABASE_URL (admin URL, default
 * postgres://postgres@127.0.0.1:5432/test), BENCH_RATES (events/s, comma-separated), BENCH_STEP_SECONDS,
 * BENCH_DRAIN_SECONDS, BENCH_TIMEOUT_SECONDS, and for the orders process DATABASE_POOL_SIZE and
 * LOG_LEVEL (warn); BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the orders process there.
 */
const env = process.env;
const NATS_URL = env.NATS_URL ?? 'nats://127.0.0.1:4222';
const RATES = (env.BENCH_RATES ?? '250,500,1000,1500,2000').split(',').map(Number);
const STEP_SECONDS = Number(env.BENCH_STEP_SECONDS ?? 10);
const DRAIN_SECONDS = Number(env.BENCH_DRAIN_SECONDS ?? 8);
const TIMEOUT_SECONDS = Number(env.BENCH_TIMEOUT_SECONDS ?? 170);
/** Longest wait for a saturated step's backlog before the half-rate step. */
const BACKLOG_WAIT_SECONDS = 30;
const LOG_LEVEL = env.LOG_LEVEL ?? 'warn';
const POOL_SIZE = env.DATABASE_POOL_SIZE ?? '10';
/** Share of events that are a new version of an order published earlier (the rest are new orders). */
const NEW_VERSION_SHARE = 0.25;
/** The issue's targets. */
const TARGET_EVENTS_PER_SECOND = 1000;
const TARGET_P99_MS = 250;
const CONSUMER_CONCURRENCY = `events in flight ${INTAKE_BATCH.maxInFlight} (pull batch too), held ${INTAKE_BATCH.maxInFlight * HELD_PER_SLOT_ORDERED} for per-key order; up to ${INTAKE_BATCH.maxBatch} events per transaction, ${INTAKE_BATCH.maxConcurrent} transactions at once`;

const mainJs = join(__dirname, '../../apps/orders/src/main.js');
const out = (line = '') => process.stdout.write(`${line}\n`);
/** Wall-clock milliseconds with sub-millisecond resolution (the database's now() is the same clock). */
const wallAnchor = Date.now() - performance.now();
const wall = () => wallAnchor + performance.now();

interface StepResult {
  targetRate: number;
  published: number;
  publishErrors: number;
  completed: number;
  incomplete: number;
  drained: boolean;
  seconds: number;
  completedPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Processor time per completed event (ms) and machine load while the step ran. */
  cpu?: StepCpu;
}

interface StepCpu {
  ordersMsPerEvent: number;
  ordersUserMs: number;
  ordersSystemMs: number;
  postgresMsPerEvent: number;
  natsMsPerEvent: number;
  benchMsPerEvent: number;
  machineBusyPct: number;
  /** Busy time of everything else on the machine (other processes, the kernel), % of all cores. */
  othersBusyPct: number;
}

interface CpuSnapshot {
  at: number;
  orders?: CpuTimes;
  postgres: CpuTimes;
  nats: CpuTimes;
  bench: NodeJS.CpuUsage;
  machine?: { busyMs: number; totalMs: number };
}

interface Resources {
  dbName?: string;
  orders?: ChildProcess;
  bus?: JetStreamBus;
  db?: Client;
}
const resources: Resources = {};

function adminUrl(): URL {
  const url = new URL(ADMIN_URL);
  if (!url.pathname.includes('test')) {
    throw new Error(
      `refusing to benchmark against database "${url.pathname.slice(1)}": it creates and drops databases and resets the ordex streams, so DATABASE_URL must name a database containing "test"`,
    );
  }
  return url;
}

async function resetOrdexStreams(): Promise<void> {
  const nc = await connect({ servers: NATS_URL.split(','), timeout: 3000 });
  const jsm = await jetstreamManager(nc);
  for (const name of [...STREAMS.map((s) => s.name), 'DLQ'])
    await jsm.streams.delete(name).catch(() => undefined);
  await nc.close();
}

async function startOrders(databaseUrl: string): Promise<ChildProcess> {
  const port = await freePort();
  const args = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...args, mainJs], {
    env: {
      ...env,
      // Nothing calls its GraphQL endpoint; it only needs a key to start in production mode.
      IDENTITY_VERIFY_KEY: generateInternalIdentityKeys().publicKeyPem,
      DATABASE_URL: databaseUrl,
      NATS_URL,
      PORT: String(port),
      LOG_LEVEL,
      DATABASE_POOL_SIZE: POOL_SIZE,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  resources.orders = child;
  let output = '';
  let errorLines = 0;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    errorLines += (text.match(/"level":"(error|fatal)"/g) ?? []).length;
    output = (output + text).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', () => {
    if (errorLines) out(`orders logged ${errorLines} error line(s); last output:\n${output}`);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`orders exited with code ${child.exitCode}: ${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    if (ready?.ok) return child;
    await sleep(200);
  }
  throw new Error(`orders did not become ready within 60 s: ${output}`);
}

async function stopOrders(): Promise<void> {
  const child = resources.orders;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** New orders and new versions of earlier ones, the same sequence every run. */
class Workload {
  private readonly random = seededRandom(1128);
  private readonly recent: { orderNumber: string; version: number }[] = [];
  private orders = 0;

  constructor(private readonly runId: string) {}

  next(count: number): OutgoingMessage[] {
    return Array.from({ length: count }, () => {
      let order: { orderNumber: string; version: number };
      if (this.recent.length > 0 && this.random() < NEW_VERSION_SHARE) {
        order = this.recent[Math.floor(this.random() * this.recent.length)];
        order.version++;
      } else {
        order = { orderNumber: `BO-${this.runId}-${++this.orders}`, version: 1 };
        this.recent.push(order);
        if (this.recent.length > 2000) this.recent.shift();
      }
      const payload = orderVersion(order.orderNumber, order.version);
      return outgoing(
        orderEvent(payload, `bench-${order.orderNumber}-v${order.version}`, new Date().toISOString()),
      );
    });
  }
}

async function processedCount(db: Client): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*) AS n FROM "orders"."processed_event" WHERE consumer = $1`,
    [ORDERS_INTAKE_DURABLE],
  );
  return Number(rows[0].n);
}

let publishedTotal = 0;

function reportStep(step: StepResult, steps: StepResult[]): StepResult {
  steps.push(step);
  out(
    `step ${step.targetRate} events/s: completed ${step.completed}/${step.published} in ${step.seconds} s = ${step.completedPerSecond}/s,` +
      ` p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms, max ${step.maxMs} ms${step.drained ? '' : ` (${step.incomplete} not committed by the end of the drain)`}`,
  );
  const cpu = step.cpu;
  if (cpu) {
    out(
      `  cpu per event: orders ${cpu.ordersMsPerEvent} ms (user ${cpu.ordersUserMs} + system ${cpu.ordersSystemMs}),` +
        ` postgres ${cpu.postgresMsPerEvent} ms, nats-server ${cpu.natsMsPerEvent} ms, bench ${cpu.benchMsPerEvent} ms;` +
        ` machine ${cpu.machineBusyPct}% busy (${CORES} cores), other work ${cpu.othersBusyPct}%`,
    );
  }
  return step;
}

/** Waits (bounded) until every event published so far has been applied. */
async function waitForBacklog(db: Client, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let next = Date.now() + 1000;
  for (;;) {
    const done = await processedCount(db);
    if (done >= publishedTotal || Date.now() > deadline) {
      out(`  backlog ${publishedTotal - done}`);
      return;
    }
    if (Date.now() >= next) {
      next += 1000;
      out(`  backlog ${publishedTotal - done}`);
    }
    await sleep(200);
  }
}

/** This database's backends (the orders pool) and PostgreSQL's own background processes. */
async function postgresPids(db: Client): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL`,
  );
  return rows.map((r) => r.pid);
}

async function cpuSnapshot(db: Client, pgPids?: number[]): Promise<CpuSnapshot & { pgPids: number[] }> {
  const pids = pgPids ?? (await postgresPids(db));
  return {
    at: wall(),
    orders: processCpu(resources.orders?.pid),
    postgres: processesCpu(pids),
    nats: processesCpu(pidsNamed('nats-server')),
    bench: process.cpuUsage(),
    machine: machineCpu(),
    pgPids: pids,
  };
}

function cpuPerEvent(before: CpuSnapshot, after: CpuSnapshot, events: number): StepCpu | undefined {
  if (!before.orders || !after.orders || !before.machine || !after.machine || events === 0) return undefined;
  const ms = (a: CpuTimes, b: CpuTimes) => b.userMs + b.systemMs - a.userMs - a.systemMs;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const orders = ms(before.orders, after.orders);
  const postgres = ms(before.postgres, after.postgres);
  const nats = ms(before.nats, after.nats);
  const bench = (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1000;
  const machineTotal = after.machine.totalMs - before.machine.totalMs;
  const machineBusy = after.machine.busyMs - before.machine.busyMs;
  return {
    ordersMsPerEvent: round(orders / events),
    ordersUserMs: round((after.orders.userMs - before.orders.userMs) / events),
    ordersSystemMs: round((after.orders.systemMs - before.orders.systemMs) / events),
    postgresMsPerEvent: round(postgres / events),
    natsMsPerEvent: round(nats / events),
    benchMsPerEvent: round(bench / events),
    machineBusyPct: Math.round((100 * machineBusy) / machineTotal),
    othersBusyPct: Math.max(
      0,
      Math.round((100 * (machineBusy - orders - postgres - nats - bench)) / machineTotal),
    ),
  };
}

/** Offers `rate` events/s for `seconds`, waits up to the drain time, and measures each event. */
async function runStep(
  bus: JetStreamBus,
  db: Client,
  messages: OutgoingMessage[],
  rate: number,
  label: string,
): Promise<StepResult> {
  const total = messages.length;
  const baseline = await processedCount(db);
  const cpuBefore = await cpuSnapshot(db);
  const sentAt = new Float64Array(total);
  let sent = 0;
  let acked = 0;
  let publishErrors = 0;
  let completed = 0;
  let counting = false;
  const start = wall();
  let nextReport = start + 1000;
  const progress = (phase: string) => {
    if (wall() < nextReport) return;
    nextReport += 1000;
    if (!counting) {
      counting = true;
      processedCount(db)
        .then((n) => (completed = n - baseline))
        .catch(() => undefined)
        .finally(() => (counting = false));
    }
    out(
      `  ${label.padEnd(10)} ${phase.padEnd(10)} t=${((wall() - start) / 1000).toFixed(1).padStart(5)}s` +
        `  published ${String(sent).padStart(6)}  acked ${String(acked).padStart(6)}  completed ${String(completed).padStart(6)}`,
    );
  };

  const publishes: Promise<void>[] = [];
  while (sent < total) {
    const due = Math.min(total, Math.floor((rate * (wall() - start)) / 1000) + 1);
    while (sent < due) {
      const index = sent++;
      sentAt[index] = wall();
      publishes.push(
        send(bus, messages[index]).then(
          () => void acked++,
          () => void publishErrors++,
        ),
      );
    }
    progress('publishing');
    await sleep(2);
  }
  const publishedAt = wall();
  await Promise.all(publishes);
  publishedTotal += total - publishErrors;

  const drainDeadline = publishedAt + DRAIN_SECONDS * 1000;
  while (wall() < drainDeadline) {
    completed = (await processedCount(db)) - baseline;
    if (completed >= total - publishErrors) break;
    progress('draining');
    await sleep(100);
  }
  const stoppedAt = wall();
  const cpuAfter = await cpuSnapshot(db, cpuBefore.pgPids);

  const { rows } = await db.query<{ event_id: string; at: number }>(
    `SELECT event_id, (extract(epoch FROM processed_at) * 1000)::float8 AS at
     FROM "orders"."processed_event" WHERE consumer = $1 AND event_id = ANY($2::text[])`,
    [ORDERS_INTAKE_DURABLE, messages.map((m) => m.event.id)],
  );
  const committedAt = new Map(rows.map((r) => [r.event_id, r.at]));
  const latencies: number[] = [];
  let lastCommit = publishedAt;
  let done = 0;
  messages.forEach((m, i) => {
    const at = committedAt.get(m.event.id);
    if (at !== undefined) {
      done++;
      lastCommit = Math.max(lastCommit, at);
      latencies.push(at - sentAt[i]);
    } else {
      // Not committed by the end of the drain: its latency is at least this (counted as such).
      latencies.push(stoppedAt - sentAt[i]);
    }
  });
  latencies.sort((a, b) => a - b);
  const drained = done === total;
  const seconds = ((drained ? lastCommit : stoppedAt) - start) / 1000;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    targetRate: rate,
    published: total,
    publishErrors,
    completed: done,
    incomplete: total - done,
    drained,
    seconds: round(seconds),
    completedPerSecond: Math.round(done / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1]),
    cpu: cpuPerEvent(cpuBefore, cpuAfter, done),
  };
}

async function settings(db: Client) {
  const nc = await connect({ servers: NATS_URL.split(',') });
  try {
    const jsm = await jetstreamManager(nc);
    const stream = (await jsm.streams.info('ERP')).config;
    const consumer = (await jsm.consumers.info('ERP', ORDERS_INTAKE_DURABLE)).config;
    const pg: Record<string, string> = {};
    for (const name of ['server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay']) {
      pg[name] = (await db.query(`SHOW ${name}`)).rows[0][name];
    }
    return {
      jetstream: {
        server: nc.info?.version,
        stream: 'ERP',
        storage: stream.storage,
        replicas: stream.num_replicas,
        duplicateWindowSeconds: stream.duplicate_window / 1e9,
        consumer: ORDERS_INTAKE_DURABLE,
        ackPolicy: consumer.ack_policy,
        ackWaitSeconds: (consumer.ack_wait ?? 0) / 1e9,
        maxAckPending: consumer.max_ack_pending,
      },
      postgres: pg,
      orders: {
        instances: 1,
        poolSize: Number(POOL_SIZE),
        logLevel: LOG_LEVEL,
        consumer: CONSUMER_CONCURRENCY,
        perTransaction:
          'the events in flight together (one per order): one claim of their processed_event rows, one version-guarded upsert of the orders, one delete and one insert of their lines, one insert of their outbox rows',
      },
    };
  } finally {
    await nc.close();
  }
}

async function cleanup(): Promise<void> {
  await stopOrders().catch(() => undefined);
  await resources.bus?.close().catch(() => undefined);
  await resources.db?.end().catch(() => undefined);
  if (resources.dbName)
    await adminQuery(`DROP DATABASE IF EXISTS ${resources.dbName} WITH (FORCE)`).catch(() => undefined);
  await resetOrdexStreams().catch(() => undefined);
}

async function main(): Promise<void> {
  const began = Date.now();
  const admin = adminUrl();
  out(`ordex intake benchmark: orders service (dist), PostgreSQL ${admin.host}, NATS ${NATS_URL}`);
  out(
    `steps ${RATES.join(', ')} events/s × ${STEP_SECONDS} s (+ up to ${DRAIN_SECONDS} s drain); resetting the ordex streams`,
  );
  await resetOrdexStreams();
  const runId = randomBytes(3).toString('hex');
  resources.dbName = `ordex_test_bench_${runId}`;
  await adminQuery(`CREATE DATABASE ${resources.dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${resources.dbName}`;
  await startOrders(url.toString());
  out(`orders ready after ${((Date.now() - began) / 1000).toFixed(1)} s`);
  const bus = await JetStreamBus.connect({
    servers: NATS_URL.split(','),
    name: 'ordex-intake-bench',
    streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
    logger: createLogger('intake-bench', 'warn'),
  });
  resources.bus = bus;
  const db = new Client({ connectionString: url.toString() });
  resources.db = db;
  await db.connect();

  const workload = new Workload(runId);
  const warmup = await runStep(bus, db, workload.next(200), 100, 'warm-up');
  out(
    `warm-up (not counted): ${warmup.completed}/${warmup.published} at 100/s, p50 ${warmup.p50Ms} ms, p99 ${warmup.p99Ms} ms`,
  );
  const config = await settings(db);

  const steps: StepResult[] = [];
  for (const rate of RATES) {
    const messages = workload.next(Math.round(rate * STEP_SECONDS));
    const step = reportStep(await runStep(bus, db, messages, rate, `${rate}/s`), steps);
    if (!step.drained || step.completedPerSecond < 0.9 * rate) {
      const rest = RATES.slice(RATES.indexOf(rate) + 1);
      if (rest.length)
        out(`saturated at ${rate} events/s: skipping ${rest.join(', ')} (their backlog would carry over)`);
      break;
    }
  }

  const best = steps.reduce((a, b) => (b.completedPerSecond > a.completedPerSecond ? b : a));
  const closestToHalf = () =>
    steps
      .filter((s) => s.drained)
      .reduce<StepResult | undefined>(
        (a, b) =>
          !a ||
          Math.abs(b.completedPerSecond - best.completedPerSecond / 2) <
            Math.abs(a.completedPerSecond - best.completedPerSecond / 2)
            ? b
            : a,
        undefined,
      );
  let half = closestToHalf();
  if (
    !half ||
    Math.abs(half.completedPerSecond - best.completedPerSecond / 2) > 0.2 * (best.completedPerSecond / 2)
  ) {
    // No step ran near half the best rate: measure one there, once the backlog is gone.
    const rate = Math.max(25, Math.round(best.completedPerSecond / 2 / 25) * 25);
    out(
      `no step near half the best rate (${best.completedPerSecond / 2}/s): waiting for the backlog, then ${rate}/s`,
    );
    await waitForBacklog(db, BACKLOG_WAIT_SECONDS);
    const messages = workload.next(Math.round(rate * STEP_SECONDS));
    reportStep(await runStep(bus, db, messages, rate, `${rate}/s`), steps);
    half = closestToHalf();
  }

  out();
  out(
    'target/s  completed/s    completed   p50 ms   p95 ms   p99 ms   max ms  drained  orders cpu ms/ev  pg cpu ms/ev  machine busy  other work',
  );
  for (const s of steps) {
    out(
      `${String(s.targetRate).padStart(8)}  ${String(s.completedPerSecond).padStart(11)}  ${`${s.completed}/${s.published}`.padStart(11)}` +
        `  ${s.p50Ms.toFixed(1).padStart(7)}  ${s.p95Ms.toFixed(1).padStart(7)}  ${s.p99Ms.toFixed(1).padStart(7)}  ${s.maxMs.toFixed(1).padStart(7)}` +
        `  ${(s.drained ? 'yes' : 'no').padStart(7)}  ${String(s.cpu?.ordersMsPerEvent ?? '-').padStart(16)}  ${String(s.cpu?.postgresMsPerEvent ?? '-').padStart(12)}` +
        `  ${`${s.cpu?.machineBusyPct ?? '-'}%`.padStart(12)}  ${`${s.cpu?.othersBusyPct ?? '-'}%`.padStart(10)}`,
    );
  }
  out();
  out('latency = processed_event.processed_at (the claiming transaction start, now(); the commit follows');
  out('within that transaction, a few ms later) minus the publish call time; both read this host clock.');
  out('an event not committed by the end of its drain counts with its age at that moment.');
  const others = steps.map((s) => s.cpu?.othersBusyPct).filter((n): n is number => n !== undefined);
  if (others.length) {
    out(
      `other work on the machine while the steps ran: ${Math.min(...others)}–${Math.max(...others)}% of all ${CORES} cores` +
        ' (processes other than orders, PostgreSQL, NATS and this benchmark; the figures are pessimistic when it is high)',
    );
  }
  out(`durability: ${JSON.stringify(config)}`);
  const throughputMet = best.completedPerSecond >= TARGET_EVENTS_PER_SECOND;
  const latencyMet = half !== undefined && half.p99Ms <= TARGET_P99_MS;
  out(
    `best sustained: ${best.completedPerSecond} events/s (target ≥ ${TARGET_EVENTS_PER_SECOND}: ${throughputMet ? 'met' : 'NOT met'});` +
      ` at ~half (${half?.targetRate ?? '-'}/s step): p50 ${half?.p50Ms ?? '-'} ms, p99 ${half?.p99Ms ?? '-'} ms` +
      ` (target ≤ ${TARGET_P99_MS} ms: ${latencyMet ? 'met' : 'NOT met'}); total ${((Date.now() - began) / 1000).toFixed(0)} s`,
  );
  out(
    JSON.stringify({
      benchmark: 'intake',
      eventsPerSecond: best.completedPerSecond,
      p50Ms: half?.p50Ms ?? null,
      p99Ms: half?.p99Ms ?? null,
      halfRateStep: half?.targetRate ?? null,
      targets: {
        eventsPerSecond: TARGET_EVENTS_PER_SECOND,
        p99Ms: TARGET_P99_MS,
        throughputMet,
        latencyMet,
      },
      steps,
      settings: config,
    }),
  );
}

const watchdog = setTimeout(() => {
  process.stderr.write(`bench-intake: stopped after ${TIMEOUT_SECONDS} s (BENCH_TIMEOUT_SECONDS)\n`);
  resources.orders?.kill('SIGKILL');
  void Promise.race([cleanup(), sleep(5000)]).finally(() => process.exit(2));
}, TIMEOUT_SECONDS * 1000);

main()
  .then(
    () => 0,
    (error: unknown) => {
      process.stderr.write(`bench-intake: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    clearTimeout(watchdog);
    process.exit(code);
  });
