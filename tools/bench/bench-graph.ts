import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { STREAMS } from '@ordex/contracts';
import { buildDemoDistributor, DEMO_SIZES, demoErpEvents, DemoSizeName, round } from '@ordex/demo-data';
import {
  createLogger,
  IDENTITY_HEADER,
  InternalIdentitySigner,
  JetStreamBus,
  publishEvent,
} from '@ordex/platform';
import { ORDER_CONTEXT_QUERY } from '../context/order-context.query';
import { Deployment, startDeployment } from './deployment';
import { openLoop, quantiles } from './open-loop';
import { RecordedRequest, startRecordingProxy } from './recording-proxy';

/**
 * `npm run bench:graph`: the 100-order context query (tools/context/order-context.query.ts) through
 * the gateway at a fixed rate, then the very requests the gateway's query plan sent to each
 * subgraph, sent directly at the same rate — the gateway's overhead shows as a ratio. Production
 * mode: one process per service on PostgreSQL and NATS JetStream, the demo distributor loaded.
 */
const CONTEXT = ['orders', 'inventory', 'pricing', 'logistics'] as const;
const REQUEST_TIMEOUT_MS = 5_000;
const CAPACITY_SECONDS = 10;
const CAPACITY_P99_MS = 500;
const SETTLE_TIMEOUT_MS = 120_000;
const out = (line: string) => process.stdout.write(`${line}\n`);
const dist = join(__dirname, '../..');
const mainOf = (app: string) => join(dist, 'apps', app, 'src', 'main.js');

interface Figures {
  p50: number;
  p99: number;
  max: number;
  errors: number;
  samples: number;
}

async function loadDemo(deployment: Deployment, size: DemoSizeName): Promise<void> {
  const bus = await JetStreamBus.connect({
    servers: [deployment.natsUrl],
    name: 'ordex-bench-loader',
    failIfUnreachable: true,
    streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
    logger: createLogger('bench-loader', 'warn'),
  });
  const events = demoErpEvents(buildDemoDistributor(DEMO_SIZES[size]));
  const started = Date.now();
  for (const [index, event] of events.entries()) {
    await publishEvent(bus, event);
    if ((index + 1) % 2000 === 0 || index + 1 === events.length)
      out(`  published ${index + 1}/${events.length}`);
  }
  await bus.close();
  // Done when every service's ERP consumer has nothing pending or unacknowledged, twice in a row.
  const nc = await connect({ servers: deployment.natsUrl });
  const jsm = await jetstreamManager(nc);
  let quietChecks = 0;
  while (quietChecks < 2) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const consumers = await jsm.consumers.list('ERP').next();
    const backlog = consumers.reduce((sum, c) => sum + c.num_pending + c.num_ack_pending, 0);
    quietChecks = backlog === 0 && consumers.length >= CONTEXT.length ? quietChecks + 1 : 0;
    if (backlog) out(`  applying: ${backlog} events pending across ${consumers.length} consumers`);
  }
  await nc.close();
  out(
    `  demo distributor (${size}) applied: ${events.length} ERP events in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function figures(latencies: number[], errors: number): Figures {
  const [p50, p99, max] = quantiles(latencies, 0.5, 0.99, 1).map((ms) => round(ms, 2));
  return {
    p50,
    p99,
    max,
    errors,
    samples: latencies.length,
  };
}

async function postJson(url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    // An overloaded run fails its requests after this long instead of waiting without end.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as { errors?: { message: string }[] };
  if (parsed.errors?.length) throw new Error(`GraphQL error: ${parsed.errors[0].message}`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      orders: { type: 'string', default: '100' },
      size: { type: 'string', default: 'full' },
      'capacity-steps': { type: 'string', default: '1,2,3,4,6,8,10,12,16,20' },
    },
  });
  const capacitySteps = values['capacity-steps'].split(',').filter(Boolean).map(Number);
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  const first = Number(values.orders);
  const size = values.size as DemoSizeName;
  if (!(size in DEMO_SIZES)) throw new Error(`--size must be one of ${Object.keys(DEMO_SIZES).join(', ')}`);

  out(
    `bench:graph — ${first}-order context query, ${rate} requests/s for ${seconds} s (after ${warmup} s warm-up)`,
  );
  const deployment = await startDeployment(out);
  try {
    const subgraphEnv = {
      DATABASE_URL: deployment.databaseUrl,
      NATS_URL: deployment.natsUrl,
      IDENTITY_VERIFY_KEY: deployment.identityKeys.publicKeyPem,
    };
    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      CONTEXT.map(async (name) => {
        subgraphUrls[name] = `${await deployment.start(name, mainOf(name), subgraphEnv)}/graphql`;
        out(`  ${name} ready`);
      }),
    );
    await loadDemo(deployment, size);
    if (process.env.BENCH_CPU_PROF) {
      // Profiles of the query phase alone: the loading is in the profiles these restarts write.
      for (const name of CONTEXT) await deployment.restart(name);
      out('  subgraphs restarted for the query-phase profiles');
    }

    const gatewayEnv = (urls: Record<string, string>) => ({
      OIDC_ISSUER: deployment.issuer.url,
      OIDC_JWKS_URI: `${deployment.issuer.url}/jwks`,
      OIDC_AUDIENCE: 'ordex',
      IDENTITY_SIGNING_KEY: deployment.identityKeys.privateKeyPem,
      // One benchmark identity sends every request; the per-identity limit is not under test.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...Object.fromEntries(CONTEXT.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, urls[name]])),
    });
    const gateway = `${await deployment.start('gateway', mainOf('gateway'), gatewayEnv(subgraphUrls))}/graphql`;
    const recorded: RecordedRequest[] = [];
    const proxies = await Promise.all(
      CONTEXT.map((name) => startRecordingProxy(name, subgraphUrls[name], recorded)),
    );
    const proxied = Object.fromEntries(CONTEXT.map((name, i) => [name, proxies[i].url]));
    const capture = `${await deployment.start('gateway (recording)', mainOf('gateway'), gatewayEnv(proxied))}/graphql`;

    const auth = { authorization: `Bearer ${await deployment.issuer.token(['admin'])}` };
    const body = JSON.stringify({
      query: ORDER_CONTEXT_QUERY,
      variables: { first, asOf: '2026-11-30T08:00:00Z' },
      operationName: 'OrderContext',
    });
    const answer = (await postJson(capture, auth, body)) as { data: { orders: { lines: unknown[] }[] } };
    const orders = answer.data.orders.length;
    const lines = answer.data.orders.reduce((n, o) => n + o.lines.length, 0);
    const responseBytes = JSON.stringify(answer).length;
    for (const proxy of proxies) await proxy.close();
    out(
      `query plan: ${orders} orders, ${lines} lines, ${Math.round(responseBytes / 1024)} KiB answer; subgraph requests: ${CONTEXT.map((n) => `${n} ${recorded.filter((r) => r.subgraph === n).length}`).join(', ')}`,
    );
    if (orders < first) throw new Error(`only ${orders} orders are loaded; use --size full`);

    const unloadedP50: Record<string, number> = {};
    const unloaded = async (label: string, request: () => Promise<void>) => {
      const latencies: number[] = [];
      for (let i = 0; i < 30; i++) {
        const started = performance.now();
        await request();
        latencies.push(performance.now() - started);
      }
      unloadedP50[label] = round(quantiles(latencies, 0.5)[0], 2);
      out(`  ${label} one at a time: p50 ${unloadedP50[label]} ms`);
    };
    const viaGateway = async () => void (await postJson(gateway, auth, body));
    const signer = InternalIdentitySigner.fromPem(deployment.identityKeys.privateKeyPem);
    // The plan's requests to one subgraph, sent together: the least time that subgraph needs.
    const directTo = (name: string) => async () => {
      const headers = { [IDENTITY_HEADER]: await signer.sign({ subject: 'bench.user', roles: ['admin'] }) };
      const requests = recorded.filter((r) => r.subgraph === name);
      await Promise.all(requests.map((r) => postJson(subgraphUrls[name], headers, r.body)));
    };
    // Before any load: each path one request at a time.
    await unloaded('gateway', viaGateway);
    for (const name of CONTEXT) await unloaded(`direct ${name}`, directTo(name));

    // After an overloaded phase the services still work off what queued: wait until a request is
    // answered about as fast as unloaded again, so the next phase starts from a quiet system.
    const settle = async () => {
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      while (Date.now() < deadline) {
        const started = performance.now();
        const ok = await viaGateway().then(
          () => true,
          () => false,
        );
        if (ok && performance.now() - started < 2 * unloadedP50.gateway) return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      out('  (the services did not settle; the next figures start from a busy system)');
    };
    const run = async (label: string, request: () => Promise<void>): Promise<Figures> => {
      await openLoop(rate, warmup, request);
      const result = await openLoop(rate, seconds, request, (done, total, errors) =>
        out(`  ${label}: ${done}/${total} requests${errors ? `, ${errors} errors` : ''}`),
      );
      if (result.firstError) out(`  ${label}: first error: ${result.firstError}`);
      await settle();
      return figures(result.latenciesMs, result.errors);
    };

    // The highest offered rate this machine sustains: no errors and p99 within CAPACITY_P99_MS.
    let sustainedRps = 0;
    for (const step of capacitySteps) {
      const result = await openLoop(step, CAPACITY_SECONDS, viaGateway);
      const f = figures(result.latenciesMs, result.errors);
      out(`  capacity: ${step} requests/s → p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.errors} errors`);
      if (f.errors > 0 || f.p99 > CAPACITY_P99_MS) {
        await settle();
        break;
      }
      sustainedRps = step;
    }
    const gatewayFigures = await run('gateway', viaGateway);
    const direct: Record<string, Figures> = {};
    for (const name of CONTEXT) direct[name] = await run(`direct ${name}`, directTo(name));

    out('');
    out('                 p50 ms    p99 ms    max ms   errors');
    const row = (label: string, f: Figures) =>
      out(
        `${label.padEnd(16)}${String(f.p50).padStart(7)}${String(f.p99).padStart(10)}${String(f.max).padStart(10)}${String(f.errors).padStart(9)}`,
      );
    row('gateway', gatewayFigures);
    for (const name of CONTEXT) row(`  ${name}`, direct[name]);
    const slowest = CONTEXT.reduce((a, b) => (direct[a].p50 >= direct[b].p50 ? a : b));
    const ratioP50 = round(gatewayFigures.p50 / direct[slowest].p50, 2);
    const slowestUnloaded = Math.max(...CONTEXT.map((n) => unloadedP50[`direct ${n}`]));
    const unloadedRatioP50 = round(unloadedP50.gateway / slowestUnloaded, 2);
    out(
      `one request at a time: gateway p50 ${unloadedP50.gateway} ms, slowest subgraph p50 ${slowestUnloaded} ms, ratio ${unloadedRatioP50}`,
    );
    out(
      `sustained without errors and p99 ≤ ${CAPACITY_P99_MS} ms: ${sustainedRps} requests/s through the gateway`,
    );
    out(
      `gateway p50 / slowest direct subgraph p50 (${slowest}) = ${ratioP50}  (target ≤ 1.3; p99 target ≤ 50 ms)`,
    );
    out(
      JSON.stringify({
        gatewayP50Ms: gatewayFigures.p50,
        gatewayP99Ms: gatewayFigures.p99,
        directP50Ms: direct[slowest].p50,
        directP99Ms: direct[slowest].p99,
        ratioP50,
        slowestSubgraph: slowest,
        direct: Object.fromEntries(CONTEXT.map((n) => [n, { p50Ms: direct[n].p50, p99Ms: direct[n].p99 }])),
        unloadedGatewayP50Ms: unloadedP50.gateway,
        unloadedDirectP50Ms: slowestUnloaded,
        unloadedRatioP50,
        sustainedRps,
        ratePerSecond: rate,
        seconds,
        orders,
        lines,
        errors: gatewayFigures.errors + CONTEXT.reduce((n, c) => n + direct[c].errors, 0),
      }),
    );
  } finally {
    await deployment.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:graph: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
