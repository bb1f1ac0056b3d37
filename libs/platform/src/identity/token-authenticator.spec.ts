import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  type KeyLike,
  SignJWT,
} from 'jose';
import { AuthenticationError } from './identity';
import { TokenAuthenticator } from './token-authenticator';

const ISSUER = 'https://login.example.com/realms/ordex';
const AUDIENCE = 'ordex-api';
const KID = 'key-1';
const now = () => Math.floor(Date.now() / 1000);

let signingKey: KeyLike;
let publishedKeys: JWTVerifyGetKey;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  signingKey = privateKey;
  jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] };
  publishedKeys = createLocalJWKSet(jwks);
});

interface TokenOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  key?: KeyLike | Uint8Array;
  alg?: string;
  kid?: string;
}

function token(
  claims: Record<string, unknown> = { sub: 'ann', roles: ['warehouse'] },
  options: TokenOptions = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? KID })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now() + Math.min(0, options.expiresIn ?? 0) - 60)
    .setExpirationTime(now() + (options.expiresIn ?? 300))
    .sign(options.key ?? signingKey);
}

function authenticator(keys: JWTVerifyGetKey = publishedKeys, issuer = ISSUER) {
  return new TokenAuthenticator({
    issuer,
    audience: AUDIENCE,
    keys,
    clockToleranceSeconds: 30,
    rolesClaim: 'roles',
    partnerClaim: 'partner_id',
  });
}

/** `Authorization` header value for `token(...)`. */
const bearer = async (...args: Parameters<typeof token>) => `Bearer ${await token(...args)}`;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).reason;
}

describe('TokenAuthenticator.authenticate', () => {
  it('returns the identity of a valid bearer token', async () => {
    const claims = { sub: 'acme-bot', roles: ['partner', 'unknown-app-role'], partner_id: 'ACME' };
    await expect(authenticator().authenticate(await bearer(claims))).resolves.toEqual({
      subject: 'acme-bot',
      roles: ['partner'],
      partnerId: 'ACME',
    });
  });

  it('accepts the scheme in any case and surrounding whitespace', async () => {
    const identity = await authenticator().authenticate(`  bearer ${await token()} `);
    expect(identity).toEqual({ subject: 'ann', roles: ['warehouse'] });
  });

  it.each([[undefined], ['']])('refuses a request without a token (%p)', async (header) => {
    expect(await refusal(authenticator().authenticate(header))).toBe('no bearer token');
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], ['Token abc.def.ghi']])(
    'refuses a malformed Authorization header: %s',
    async (header) => {
      expect(await refusal(authenticator().authenticate(header))).toBe('malformed Authorization header');
    },
  );

  it('refuses a token that expired longer ago than the clock skew allows', async () => {
    const expired = await bearer(undefined, { expiresIn: -60 });
    expect(await refusal(authenticator().authenticate(expired))).toBe('token expired');
  });

  it('accepts a token that expired within the clock skew', async () => {
    const justExpired = await bearer(undefined, { expiresIn: -10 });
    await expect(authenticator().authenticate(justExpired)).resolves.toMatchObject({
      subject: 'ann',
    });
  });

  it.each([
    ['aud', { audience: 'another-api' }],
    ['iss', { issuer: 'https://evil.example.com' }],
  ])('refuses a token with the wrong %s, naming the claim', async (claim, options) => {
    const reason = await refusal(authenticator().authenticate(await bearer(undefined, options)));
    expect(reason).toMatch(new RegExp(`^token claim ${claim}: `));
  });

  it('refuses a token without a subject', async () => {
    const reason = await refusal(authenticator().authenticate(await bearer({ roles: ['admin'] })));
    expect(reason).toMatch(/sub/);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const unknownKid = await bearer(undefined, { key: privateKey, kid: 'key-2' });
    const sameKid = await bearer(undefined, { key: privateKey });
    expect(await refusal(authenticator().authenticate(unknownKid))).toBe(
      'token signed by a key the issuer does not publish',
    );
    expect(await refusal(authenticator().authenticate(sameKid))).toBe('token signature does not verify');
  });

  it('refuses an HS256 token even when the key lookup would hand out its secret', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
    const keys: JWTVerifyGetKey = async (header, jws) =>
      header.alg === 'HS256' ? secret : publishedKeys(header, jws);
    const hs256 = await bearer(undefined, { key: secret, alg: 'HS256' });
    expect(await refusal(authenticator(keys).authenticate(hs256))).toBe(
      'token rejected: ERR_JOSE_ALG_NOT_ALLOWED',
    );
    await expect(authenticator(keys).authenticate(await bearer())).resolves.toMatchObject({
      subject: 'ann',
    });
  });
});

describe('TokenAuthenticator.issuerKeys (OIDC discovery)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  /** An OIDC issuer on `port` (0 for any); requests are counted by path. */
  async function startIssuer(port = 0) {
    const hits: string[] = [];
    let base = '';
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration')
        res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
      else if (req.url === '/jwks') res.end(JSON.stringify(jwks));
      else res.writeHead(404).end('{}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, hits };
  }

  it('verifies a token with the keys named by the discovery document, fetching them once', async () => {
    const { base, hits } = await startIssuer();
    const auth = authenticator(TokenAuthenticator.issuerKeys(`${base}/`), base);
    await expect(auth.authenticate(await bearer(undefined, { issuer: base }))).resolves.toEqual({
      subject: 'ann',
      roles: ['warehouse'],
    });
    await auth.authenticate(await bearer(undefined, { issuer: base }));
    expect(hits).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });

  it('uses an explicit jwksUri without discovery', async () => {
    const { base, hits } = await startIssuer();
    const auth = authenticator(TokenAuthenticator.issuerKeys(base, `${base}/jwks`), base);
    await auth.authenticate(await bearer(undefined, { issuer: base }));
    expect(hits).toEqual(['/jwks']);
  });

  it('refuses with an AuthenticationError while the issuer is unreachable and retries discovery later', async () => {
    const probe = await startIssuer();
    const port = Number(new URL(probe.base).port);
    await new Promise((resolve) => servers.pop()!.close(resolve));

    const auth = authenticator(TokenAuthenticator.issuerKeys(probe.base), probe.base);
    const header = await bearer(undefined, { issuer: probe.base });
    expect(await refusal(auth.authenticate(header))).toMatch(/^token rejected: /);

    const { hits } = await startIssuer(port);
    await expect(auth.authenticate(header)).resolves.toMatchObject({ subject: 'ann' });
    expect(hits).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });

  it('refuses with an AuthenticationError when discovery answers with an error status', async () => {
    const { base } = await startIssuer();
    const auth = authenticator(TokenAuthenticator.issuerKeys(`${base}/missing`), base);
    const reason = await refusal(auth.authenticate(await bearer(undefined, { issuer: base })));
    expect(reason).toBe(`OIDC discovery at ${base}/missing/.well-known/openid-configuration answered 404`);
  });
});
