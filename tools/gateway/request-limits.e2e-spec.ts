import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersistedQueryAllowList } from '@ordex/platform';
import { graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(90_000);

/** Limits low enough to reach with small queries; the defaults are the same code with larger numbers. */
const LIMITS = {
  maxDepth: 6,
  maxCost: 150,
  maxAliases: 3,
  maxTokens: 250,
  maxDirectives: 4,
  requestsPerMinute: 20,
};

describe('gateway request limits', () => {
  let stack: EmbeddedStack;
  const tokens: Record<string, string> = {};
  const ask = (user: string, query: string, headers: Record<string, string> = {}) =>
    graphql(stack.gatewayUrl!, query, {}, { authorization: `Bearer ${tokens[user]}`, ...headers });
  /** GraphQL operations the subgraphs have executed: a refused request must not add any. */
  const subgraphOperations = async () => {
    let total = 0;
    for (const url of Object.values(stack.subgraphUrls)) {
      const text = await (await fetch(url!.replace('/graphql', '/metrics'))).text();
      for (const line of text.split('\n')) {
        if (line.startsWith('ordex_graphql_operations_total{')) total += Number(line.split(' ').pop());
      }
    }
    return total;
  };

  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent', gatewayLimits: LIMITS });
    for (const user of ['ana', 'ben', 'cy', 'dee']) {
      tokens[user] = await stack.token({ roles: ['customer-service'], user });
    }
  });
  afterAll(() => stack?.stop());

  it('answers a query within every limit', async () => {
    const response = await ask('ana', '{ order(orderNumber: "SO-1001") { orderNumber lines { sku } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ order: { orderNumber: 'SO-1001' } });
  });

  it.each([
    [
      'too deep',
      '{ order(orderNumber: "SO-1001") { case { order { case { order { case { id } } } } } } }',
      /Query depth limit of 6 exceeded, found 7/,
    ],
    [
      'too costly',
      `{ orders(first: 5) { orderNumber erpVersion status customerId requestedDate currency
         lines { lineNo sku quantity unitPrice availability { totalAvailable byDc { dcCode available onHand } } } } }`,
      /Query Cost limit of 150 exceeded, found \d+/,
    ],
    [
      'too many aliases',
      '{ a: orders(first: 1) { orderNumber } b: orders(first: 1) { orderNumber } c: orders(first: 1) { orderNumber } d: orders(first: 1) { orderNumber } }',
      /Aliases limit of 3 exceeded, found 4/,
    ],
    [
      'too many directives',
      '{ orders(first: 1) { orderNumber @include(if: true) erpVersion @include(if: true) status @include(if: true) currency @skip(if: false) customerId @skip(if: false) } }',
      /Directives limit of 4 exceeded, found 5/,
    ],
    [
      'too many tokens',
      `{ orders(first: 1) { ${Array.from({ length: 260 }, () => 'orderNumber').join(' ')} } }`,
      /Document contains more th(?:at|an) 250 tokens/,
    ],
  ])('refuses a %s request with a clear error and no work in any subgraph', async (_case, query, message) => {
    const before = await subgraphOperations();
    const response = await ask('ben', query);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].message).toMatch(message);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(
      response.errors![0].extensions?.code,
    );
    expect(await subgraphOperations()).toBe(before);
  });

  it('refuses a body over the size limit with 413 before reading it as GraphQL', async () => {
    const before = await subgraphOperations();
    const query = `{ orders(first: 1) { orderNumber } } # ${'x'.repeat(1_100_000)}`;
    const response = await ask('cy', query);
    expect(response.status).toBe(413);
    expect(response.errors).toEqual([
      { message: 'Request body too large: the limit is 1mb', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
    ]);
    expect(await subgraphOperations()).toBe(before);
  });

  it('answers a body that is not JSON with a GraphQL-shaped 400', async () => {
    const response = await fetch(stack.gatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.cy}` },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('limits requests per identity, not per gateway', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.requestsPerMinute + 2; i += 1) {
      statuses.push((await ask('dee', '{ __typename }')).status);
    }
    expect(statuses.slice(0, LIMITS.requestsPerMinute).every((status) => status === 200)).toBe(true);
    const refused = await ask('dee', '{ __typename }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.errors).toEqual([
      { message: 'Too many requests: at most 20 per minute', extensions: { code: 'RATE_LIMITED' } },
    ]);
    // Another user is not held back by dee's burst.
    expect((await ask('ana', '{ __typename }')).status).toBe(200);
  });
});

describe('persisted-query allow-list', () => {
  const allowed = '{ orders(first: 1) { orderNumber } }';
  const hash = createHash('sha256').update(allowed).digest('hex');
  let stack: EmbeddedStack;
  let dir: string;
  let token: string;
  const post = (body: Record<string, unknown>) =>
    fetch(stack.gatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ordex-pq-'));
    const manifest = join(dir, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: hash, body: allowed }],
      }),
    );
    stack = await startEmbeddedStack({
      port: 0,
      demo: 'none',
      logLevel: 'silent',
      subgraphs: ['orders'],
      persistedQueries: PersistedQueryAllowList.fromManifestFile(manifest),
    });
    token = await stack.token({ roles: ['customer-service'] });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a listed operation sent in full or by its hash alone', async () => {
    expect(await (await post({ query: allowed })).json()).toEqual({ data: { orders: [] } });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(await byHash.json()).toEqual({ data: { orders: [] } });
  });

  it('refuses any other operation', async () => {
    const response = await post({ query: '{ orders(first: 2) { orderNumber } }' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Operation not in the allow-list', extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } },
      ],
    });
  });

  it('refuses a manifest whose ids are not the hashes of their bodies', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ operations: [{ id: 'abc', body: allowed }] }));
    expect(() => PersistedQueryAllowList.fromManifestFile(bad)).toThrow(
      'id abc is not the SHA-256 of its body',
    );
  });
});
