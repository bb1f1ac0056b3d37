import { join } from 'node:path';
import {
  createTestDatabase,
  eventually,
  expectReferenceOrder,
  freePort,
  graphql,
  REFERENCE_ORDER_QUERY,
  PrivateNats,
  ReferenceOrderResult,
  runScript,
  ServiceProcess,
  startPrivateNats,
  startServiceProcess,
  startTestOidcIssuer,
  TestDatabase,
  TestOidcIssuer,
} from '@ordex/testing';
import { IDENTITY_HEADER, InternalIdentitySigner } from '@ordex/platform';
import { subscribe } from '../access/graphql-ws-client';
import { SUBGRAPH_NAMES } from '../embedded/workspace';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

jest.setTimeout(180_000);

/**
 * Production mode as deployed: one process per service, built by `npm run build`, on real
 * PostgreSQL and NATS JetStream (a server of this suite's own, so ordex's stream names are free),
 * fed by ERP events published to NATS.
 */
const dist = join(__dirname, '../../dist');
const mainOf = (app: string) => join(dist, 'apps', app, 'src', 'main.js');

describe('production mode (PostgreSQL + NATS JetStream, one process per service)', () => {
  let database: TestDatabase;
  let nats: PrivateNats;
  let natsUrl: string;
  const services = new Map<string, ServiceProcess>();
  const readiness: Record<string, string> = {};
  let gatewayUrl: string;
  let issuer: TestOidcIssuer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    issuer = await startTestOidcIssuer();
    auth = {
      authorization: `Bearer ${await issuer.token({ sub: 'cs.agent', roles: ['customer-service'] })}`,
    };
    nats = await startPrivateNats();
    natsUrl = nats.url;
    database = await createTestDatabase();
    const urls: Record<string, string> = {};
    const gatewayPort = await freePort();
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const port = await freePort();
        const env = {
          ...issuer.subgraphEnv,
          // The cases service reads order context through the gateway for exception detection.
          ...(name === 'cases' ? issuer.graphEnv(gatewayUrl) : {}),
          DATABASE_URL: database.url,
          NATS_URL: natsUrl,
          PORT: String(port),
          LOG_LEVEL: 'warn',
        };
        readiness[name] = `http://127.0.0.1:${port}/health/ready`;
        services.set(name, await startServiceProcess(name, mainOf(name), env, readiness[name]));
        urls[`SUBGRAPH_${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
      }),
    );
    services.set(
      'gateway',
      await startServiceProcess(
        'gateway',
        mainOf('gateway'),
        { ...issuer.gatewayEnv, ...urls, PORT: String(gatewayPort), LOG_LEVEL: 'warn' },
        `http://127.0.0.1:${gatewayPort}/health/ready`,
      ),
    );

    const load = runScript(join(dist, 'tools/demo/publish-demo.js'), { NATS_URL: natsUrl });
    expect(load.stderr).toBe('');
    expect(load.code).toBe(0);
  });

  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await database?.drop();
    await nats?.dispose();
    await issuer?.close();
  });

  it('answers the federated reference-order query from data that arrived through NATS', async () => {
    const response = await eventually(
      async () => {
        const r = await graphql<ReferenceOrderResult>(
          gatewayUrl,
          REFERENCE_ORDER_QUERY,
          { orderNumber: 'SO-1001' },
          auth,
        );
        const ready = r.data?.order?.lines.every(
          (l) => l.availability?.byDc.length && l.priceCheck?.hasContract,
        );
        return ready && !r.errors ? r : undefined;
      },
      60_000,
      250,
    );
    expectReferenceOrder(response.data!.order);
  });

  it('detects the reference order’s exceptions: cases reads the graph with its own client credentials', async () => {
    const found = await eventually(
      async () => {
        const r = await graphql<{
          order: { case: { exceptions: { category: string; lineNo: number | null }[] } | null };
        }>(
          gatewayUrl,
          '{ order(orderNumber: "SO-1001") { case { exceptions { category lineNo } } } }',
          {},
          auth,
        );
        return (r.data?.order?.case?.exceptions.length ?? 0) >= 3 ? r.data!.order.case! : undefined;
      },
      60_000,
      250,
    );
    expect(found.exceptions.map((e) => `${e.category}|${e.lineNo ?? '-'}`).sort()).toEqual([
      'PRICE_MISMATCH|2',
      'SHIPMENT_CONSTRAINT|-',
      'STOCK_SHORTAGE|1',
    ]);
  });

  it('reports each service ready with its database and JetStream connection', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const response = await fetch(readiness[name]);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: {
          database: { status: 'up' },
          eventBus: { status: 'up', adapter: 'jetstream', connected: true },
        },
      });
      expect(services.get(name)!.output()).not.toMatch(/"level":"(error|fatal)"/);
    }
  });

  it.each([
    ['no token', async () => ({})],
    ['a malformed header', async () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['an expired token', async () => bearer(await issuer.token({ roles: ['admin'] }, { expiresIn: -120 }))],
    [
      'another audience',
      async () => bearer(await issuer.token({ roles: ['admin'] }, { audience: 'other-app' })),
    ],
    [
      'another issuer',
      async () => bearer(await issuer.token({ roles: ['admin'] }, { issuer: 'https://evil.example' })),
    ],
    [
      'a key the issuer does not publish',
      async () => bearer(await issuer.token({ roles: ['admin'] }, { foreignKey: true })),
    ],
    ['a partner role without a partner id', async () => bearer(await issuer.token({ roles: ['partner'] }))],
  ])(
    'refuses a request with %s: 401 UNAUTHENTICATED, reason in the security log only',
    async (_case, headers) => {
      const sent: Record<string, string> = await headers();
      const response = await graphql(gatewayUrl, '{ orders(first: 1) { orderNumber } }', {}, sent);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ordex"');
      expect(response.errors).toEqual([
        { message: 'Not authenticated', extensions: { code: 'UNAUTHENTICATED' } },
      ]);
      expect(response.data).toBeUndefined();
      // The log line reaches this process through the service's stdout, a moment later.
      const log = await eventually(async () => {
        const output = services.get('gateway')!.output();
        return output.includes('"security":"authentication.failed"') ? output : undefined;
      });
      const token = sent.authorization?.split(' ')[1];
      if (token) expect(log).not.toContain(token);
    },
  );

  it('keeps the schema to itself in production: no introspection, no field suggestions', async () => {
    const introspection = await graphql(gatewayUrl, '{ __schema { queryType { name } } }', {}, auth);
    expect(introspection.status).toBe(400);
    expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await graphql(gatewayUrl, '{ order(orderNumber: "SO-1001") { statu } }', {}, auth);
    expect(typo.errors?.[0].message).toBe('Cannot query field "statu" on type "Order".');
  });

  it('logs a refused over-limit request as a security event with the identity', async () => {
    const deep = `{ order(orderNumber: "SO-1001") { ${'case { order { '.repeat(7)}orderNumber${' } }'.repeat(7)} } }`;
    const response = await graphql(gatewayUrl, deep, {}, auth);
    expect(response.errors?.[0].message).toMatch(/^Query depth limit of 12 exceeded, found \d+\.$/);
    await eventually(async () =>
      services.get('gateway')!.output().includes('"security":"limit.exceeded"') ? true : undefined,
    );
  });

  it('refuses a call to a subgraph that did not come through the gateway', async () => {
    const ordersUrl = readiness.orders.replace('/health/ready', '/graphql');
    const query = '{ orders(first: 1) { orderNumber } }';
    const direct = await graphql(ordersUrl, query, {}, auth);
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A header signed with any key but the gateway's is refused too.
    const forged = await startTestOidcIssuer();
    const forger = InternalIdentitySigner.fromPem(forged.gatewayEnv.IDENTITY_SIGNING_KEY);
    const header = await forger.sign({ subject: 'mallory', roles: ['admin'] });
    await forged.close();
    const withForgedIdentity = await graphql(ordersUrl, query, {}, { [IDENTITY_HEADER]: header });
    expect(withForgedIdentity.status).toBe(401);
    await eventually(async () =>
      services.get('orders')!.output().includes('"security":"authentication.failed"') ? true : undefined,
    );
  });

  it('refuses a subscription opened on a subgraph directly, even with a valid user token', async () => {
    const casesUrl = readiness.cases.replace('/health/ready', '/graphql');
    const direct = subscribe(
      casesUrl,
      auth.authorization.split(' ')[1],
      'subscription { caseUpdated { caseId } }',
    );
    try {
      await eventually(async () => (direct.failure ? true : undefined));
      expect((direct.failure as { code?: number }).code).toBe(4403);
      expect(direct.results).toEqual([]);
    } finally {
      await direct.dispose();
    }
  });

  it('returns the rest of the data and an error for the fields of a stopped subgraph', async () => {
    await services.get('pricing')!.stop();
    const response = await graphql<ReferenceOrderResult>(
      gatewayUrl,
      REFERENCE_ORDER_QUERY,
      { orderNumber: 'SO-1001' },
      auth,
    );
    expect(response.data!.order!.customer!.id).toBe('C-0001');
    expect(response.data!.order!.lines[0].availability!.totalAvailable).toBeGreaterThan(0);
    expect(response.data!.order!.lines[0].priceCheck).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      service: 'pricing',
    });
  });
  // Last: runScript blocks this process, and a fetch right after it could reuse a socket the
  // gateway closed meanwhile.
  it('loading the demo again publishes nothing new', () => {
    const again = runScript(join(dist, 'tools/demo/publish-demo.js'), { NATS_URL: natsUrl });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/: 0 new ERP events, \d+ already known/);
  });
});

describe('configuration is checked at start-up', () => {
  it.each([
    [
      'orders',
      { PORT: 'abc', DATABASE_URL: 'postgres://x@127.0.0.1/test', NATS_URL: 'nats://127.0.0.1:4222' },
      /^ordex orders: invalid configuration: PORT: must be a port number \(got "abc"\)$/,
    ],
    [
      'inventory',
      { DATABASE_URL: 'mysql://127.0.0.1/x', NATS_URL: 'nats://127.0.0.1:4222' },
      /^ordex inventory: invalid configuration: DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/ \(got "mysql:\/\/127\.0\.0\.1\/x"\)$/,
    ],
    [
      'pricing',
      { DATABASE_URL: 'postgres://x@127.0.0.1/test' },
      /^ordex pricing: invalid configuration: NATS_URL: is required when a service runs on its own/,
    ],
    [
      'gateway',
      { LOG_LEVEL: 'chatty' },
      /^ordex gateway: invalid configuration: LOG_LEVEL: .* \(got "chatty"\)$/,
    ],
    [
      'cases',
      { DATABASE_URL: 'postgres://x@127.0.0.1/test', NATS_URL: 'nats://127.0.0.1:4222' },
      /^ordex cases: invalid configuration: IDENTITY_VERIFY_KEY: is required when a service runs on its own/,
    ],
    [
      'analytics',
      {
        DATABASE_URL: 'postgres://x@127.0.0.1/test',
        NATS_URL: 'nats://127.0.0.1:4222',
        IDENTITY_VERIFY_KEY: 'not a key',
      },
      /^ordex analytics: invalid configuration: IDENTITY_VERIFY_KEY: must be the gateway's Ed25519 public key in PEM/,
    ],
    ['gateway', { IDENTITY_SIGNING_KEY: 'x' }, /^ordex gateway: invalid configuration: OIDC_ISSUER: /],
    [
      'logistics',
      {
        DATABASE_URL: 'postgres://x@127.0.0.1/test',
        NATS_URL: 'nats://127.0.0.1:abc',
        IDENTITY_VERIFY_KEY: 'x',
      },
      /^ordex logistics: invalid configuration: NATS_URL: must be one or more nats:\/\/host\[:port\] URLs/,
    ],
  ])('%s stops with one line naming a bad setting', (app, env, message) => {
    const result = runScript(mainOf(app), env as Record<string, string>, { isolated: true });
    expect(result.code).toBe(78);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
