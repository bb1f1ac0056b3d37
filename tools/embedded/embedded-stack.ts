import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { decodeEvent, EventEnvelope, STREAMS } from '@ordex/contracts';
import {
  buildDemoDistributor,
  demoBusinessCalendars,
  DEMO_SIZES,
  demoErpEvents,
  DemoSizeName,
} from '@ordex/demo-data';
import {
  createLogger,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DeadLetter,
  DevIssuer,
  DevTokenRequest,
  EmbeddedPostgres,
  GraphClient,
  generateInternalIdentityKeys,
  Identity,
  IDENTITY_HEADER,
  InProcessBroker,
  InProcessBus,
  InternalIdentitySigner,
  InternalIdentityVerifier,
  PersistedQueryAllowList,
  PublishAck,
  RequestLimits,
  renewingTokenSource,
  publishEvent,
  RunningGateway,
  startGateway,
  startSubgraph,
  SubgraphConfig,
  TokenAuthenticator,
} from '@ordex/platform';
import { composeSupergraph, fetchSdl } from '../schema/compose-supergraph';
import { SimulatedErpConnector } from '../simulator/simulated-erp-connector';
import {
  loadSubgraphDefinition,
  SUBGRAPH_NAMES,
  SubgraphName,
  SUPERGRAPH_FILE,
  workspaceRoot,
} from './workspace';

export interface EmbeddedStackOptions {
  /** Where the embedded database lives; without one everything stays in memory. */
  dataDir?: string;
  host?: string;
  /** Gateway port (0 picks a free one). Subgraphs take free ports on the same host. */
  port?: number;
  logLevel?: string;
  /** Demo distributor loaded on first run. */
  demo?: DemoSizeName | 'none';
  /** The subgraphs to run (all by default). */
  subgraphs?: readonly SubgraphName[];
  /** Start the gateway (default true). */
  gateway?: boolean;
  /** The gateway's request limits, where they differ from the defaults. */
  gatewayLimits?: Partial<RequestLimits>;
  /** Run only these operations. */
  persistedQueries?: PersistedQueryAllowList;
  progress?: (line: string) => void;
  /**
   * Runs the subgraphs on this PostgreSQL database instead of the embedded one (integration
   * tests of the services' SQL on real PostgreSQL; the bus stays in-process).
   */
  databaseUrl?: string;
  /**
   * Composes the gateway's supergraph from the running subgraphs' SDL instead of reading the
   * committed one: for tests of subgraphs whose schema is changing (`npm run schema:check`
   * still guards the committed file).
   */
  liveSupergraph?: boolean;
  /**
   * Runs the simulated ERP connector in-process, so commands ordex sends (holds, and the cases'
   * decisions) are answered as the ERP would: after about 2 s, a few rejected, none lost. Off by
   * default: tests answer commands themselves. Give a share to change how many it rejects.
   */
  erpConnector?: boolean | { rejectShare: number };
  /**
   * Whether the cases service detects exceptions (reads each order's context through the
   * gateway and opens cases). On by default; suites that place cases themselves turn it off.
   */
  detection?: boolean;
  /** The services' clock (detection's judgement of cut-offs and timeouts); the wall clock by default. */
  clock?: () => Date;
}

export interface EmbeddedStack {
  gatewayUrl?: string;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** Demo events published by this start (0 when the data directory already had them). */
  demoEventsPublished: number;
  /**
   * Publishes an event as the ERP (or any producer) would, on the stack's in-process bus; a
   * `msgId` other than the event id makes it a re-send the stream does not recognise.
   */
  publish(event: EventEnvelope<unknown>, msgId?: string): Promise<PublishAck>;
  /**
   * Calls `handler` with every event published on `subjects` (wildcards allowed) from now on —
   * the services' outbox events as well as the ERP's — as the bus's live listeners see them: once,
   * after the stream stored it. Messages that are not CloudEvents are skipped. Resolves to a
   * function that stops listening.
   */
  listen(subjects: string[], handler: (event: EventEnvelope<unknown>) => void): Promise<() => Promise<void>>;
  /** Resolves once every consumer has settled every event published so far. */
  idle(): Promise<void>;
  /** The dead-letter stream, oldest first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** A bearer token from the embedded development issuer, as `npm run token` prints. */
  token(request: DevTokenRequest): Promise<string>;
  /** Headers that let a caller other than the gateway reach a subgraph directly (tools, tests). */
  subgraphHeaders(identity: Identity): Promise<Record<string, string>>;
  /** Runs SQL on the embedded database (test fixtures for data no event creates yet). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

const DEMO_MARKER = 'demo-loaded.json';
const SET_BUSINESS_CALENDAR =
  'mutation($calendar: BusinessCalendarInput!) { setBusinessCalendar(calendar: $calendar) { region } }';
const SERVICE_TOKEN_SECONDS = 3600;

/**
 * The whole platform in one process: an embedded PostgreSQL (one schema per service), an
 * in-process event bus with JetStream's semantics, the six subgraphs and the gateway — the
 * same services, code and SQL as production.
 */
export async function startEmbeddedStack(options: EmbeddedStackOptions = {}): Promise<EmbeddedStack> {
  const progress = options.progress ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const logLevel = options.logLevel ?? 'warn';
  const names = options.subgraphs ?? SUBGRAPH_NAMES;

  const database = await openDatabase(options, progress);
  const broker = new InProcessBroker({
    streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
  });
  const issuer = await DevIssuer.open(options.dataDir);
  // One process, so one key pair made per start: the gateway signs, the subgraphs verify.
  const internalKeys = generateInternalIdentityKeys();
  const identitySigner = InternalIdentitySigner.fromPem(internalKeys.privateKeyPem);
  const identityVerifier = InternalIdentityVerifier.fromPem(internalKeys.publicKeyPem);
  const apps = new Map<SubgraphName, INestApplication>();
  const buses: InProcessBus[] = [];
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  let gateway: RunningGateway | undefined;

  const stopSubgraph = async (name: SubgraphName) => {
    await apps.get(name)?.close();
    apps.delete(name);
  };
  // A service reads the graph through this stack's gateway as itself (role system), once it runs.
  const serviceGraph = () =>
    new GraphClient({
      url: () => gateway?.url,
      token: renewingTokenSource(async () => ({
        token: await issuer.issue({
          roles: ['system'],
          user: 'ordex.cases',
          ttlSeconds: SERVICE_TOKEN_SECONDS,
        }),
        expiresAt: new Date(Date.now() + SERVICE_TOKEN_SECONDS * 1000),
      })),
    });
  let connector: SimulatedErpConnector | undefined;
  const stop = async () => {
    await connector?.stop();
    await gateway?.stop();
    for (const name of [...apps.keys()]) await stopSubgraph(name);
    for (const bus of buses) await bus.close();
    await broker.close();
    await database.close();
  };

  try {
    for (const name of names) {
      const logger = createLogger(name, logLevel);
      const bus = new InProcessBus(broker, { logger });
      buses.push(bus);
      const config: SubgraphConfig = {
        HOST: host,
        PORT: 0,
        LOG_LEVEL: logLevel as SubgraphConfig['LOG_LEVEL'],
        OTEL_ENABLED: false,
        DATABASE_URL: options.databaseUrl,
        DATABASE_POOL_SIZE: options.databaseUrl ? 4 : 1,
        ORDEX_DATA_DIR: options.dataDir ?? '',
        // Embedded mode is for one machine: webhooks to local receivers are allowed.
        WEBHOOK_ALLOW_INSECURE_URLS: true,
      };
      const definition = loadSubgraphDefinition(name);
      const app = await startSubgraph(definition, {
        config,
        bus,
        embedded: database.embedded,
        logger,
        identityVerifier,
        graph: definition.readsGraph && options.detection !== false ? serviceGraph() : undefined,
        clock: options.clock,
      });
      apps.set(name, app);
      subgraphUrls[name] = `${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql`;
      progress(`${name} subgraph ready`);
    }

    if (options.gateway !== false) {
      gateway = await startGateway({
        supergraphSdl: options.liveSupergraph
          ? await composeLiveSupergraph(subgraphUrls as Record<string, string>, identitySigner)
          : readFileSync(join(workspaceRoot(), SUPERGRAPH_FILE), 'utf8'),
        subgraphUrls: subgraphUrls as Record<string, string>,
        host,
        port: options.port ?? 4000,
        logger: createLogger('gateway', logLevel),
        introspection: true,
        authenticator: new TokenAuthenticator({
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          keys: issuer.keys(),
          clockToleranceSeconds: 30,
          rolesClaim: 'roles',
          partnerClaim: 'partner_id',
        }),
        identitySigner,
        limits: options.gatewayLimits,
        persistedQueries: options.persistedQueries,
      });
      progress('gateway ready');
    }

    if (options.erpConnector) {
      const connectorBus = new InProcessBus(broker);
      buses.push(connectorBus);
      connector = new SimulatedErpConnector(connectorBus, {
        seed: 42,
        loseShare: 0,
        ...(typeof options.erpConnector === 'object' ? options.erpConnector : {}),
      });
      // Started before the demo loads, so it knows the demo's orders (it learns them from the bus).
      await connector.start();
      progress('simulated ERP connector answering commands');
    }
    const demoEventsPublished = await loadDemoOnce(options, broker, progress, async (query, variables) => {
      if (!gateway || !subgraphUrls.cases) return;
      const token = await issuer.issue({ roles: ['admin'], user: 'ordex-demo' });
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (!response.ok || body.errors) throw new Error(`demo set-up refused: ${JSON.stringify(body.errors)}`);
    });
    const producer = new InProcessBus(broker);
    buses.push(producer);
    return {
      gatewayUrl: gateway?.url,
      subgraphUrls,
      demoEventsPublished,
      publish: (event, msgId) => publishEvent(producer, event, msgId),
      listen: async (subjects, handler) => {
        const handle = await producer.listen(subjects, (message) => {
          let event: EventEnvelope<unknown>;
          try {
            event = decodeEvent(message.data);
          } catch {
            return;
          }
          handler(event);
        });
        return () => handle.stop();
      },
      idle: () => broker.idle(),
      deadLetters: () => producer.deadLetters(),
      token: (request) => issuer.issue(request),
      subgraphHeaders: async (identity) => ({ [IDENTITY_HEADER]: await identitySigner.sign(identity) }),
      sql: (text, params) => database.sql(text, params),
      stopSubgraph,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

interface StackDatabase {
  /** The embedded database the subgraphs share; undefined on real PostgreSQL. */
  embedded?: EmbeddedPostgres;
  sql<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

async function openDatabase(
  options: EmbeddedStackOptions,
  progress: (line: string) => void,
): Promise<StackDatabase> {
  if (options.databaseUrl) {
    progress('using PostgreSQL');
    const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
    return {
      sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
      close: () => pool.end(),
    };
  }
  progress(`opening the embedded database${options.dataDir ? ` in ${options.dataDir}` : ' in memory'}`);
  const embedded = await EmbeddedPostgres.open(options.dataDir && join(options.dataDir, 'pglite'));
  return {
    embedded,
    sql: async <T>(text: string, params: unknown[] = []) => {
      const release = await embedded.acquire();
      try {
        return (await embedded.db.query<T>(text, params)).rows;
      } finally {
        release();
      }
    },
    close: () => embedded.close(),
  };
}

/** The supergraph of the subgraphs as they run now, composed as `npm run schema` would. */
async function composeLiveSupergraph(
  urls: Record<string, string>,
  signer: InternalIdentitySigner,
): Promise<string> {
  const headers = { [IDENTITY_HEADER]: await signer.sign({ subject: 'ordex-schema-tool', roles: [] }) };
  const subgraphs = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => ({ name, url, sdl: await fetchSdl(url, headers) })),
  );
  const { supergraphSdl, errors } = composeSupergraph(subgraphs);
  if (!supergraphSdl) throw new Error(`the running subgraphs do not compose:\n${errors.join('\n')}`);
  return supergraphSdl;
}

/** Publishes the demo's ERP events on first run and waits until every service has applied them. */
async function loadDemoOnce(
  options: EmbeddedStackOptions,
  broker: InProcessBroker,
  progress: (line: string) => void,
  administer: (query: string, variables: Record<string, unknown>) => Promise<void>,
): Promise<number> {
  const size = options.demo ?? 'none';
  if (size === 'none') return 0;
  const marker = options.dataDir && join(options.dataDir, DEMO_MARKER);
  if (marker && existsSync(marker)) return 0;
  // Before the orders: the first tasks' SLA deadlines already count on the DCs' calendars.
  for (const calendar of demoBusinessCalendars()) {
    await administer(SET_BUSINESS_CALENDAR, { calendar });
  }
  const events = demoErpEvents(buildDemoDistributor(DEMO_SIZES[size]));
  progress(`loading the ${size} demo distributor (${events.length} ERP events)`);
  const bus = new InProcessBus(broker);
  for (const event of events) await publishEvent(bus, event);
  await bus.close();
  await broker.idle();
  if (marker)
    writeFileSync(
      marker,
      JSON.stringify({ size, events: events.length, loadedAt: new Date().toISOString() }),
    );
  return events.length;
}
