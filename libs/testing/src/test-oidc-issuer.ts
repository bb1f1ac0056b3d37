import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, type KeyLike, SignJWT } from 'jose';

export interface TestOidcIssuer {
  /** `iss`, also the base of its discovery document. */
  issuer: string;
  audience: string;
  jwksUri: string;
  /** A token for `claims` (roles, partner_id, …) signed with the published key; `overrides` may break it on purpose. */
  token(claims: JWTPayload & { sub?: string }, overrides?: TokenOverrides): Promise<string>;
  /** The gateway's identity settings for production mode against this issuer. */
  gatewayEnv: Record<string, string>;
  /** Every subgraph's: the public half of the gateway's identity key. */
  subgraphEnv: Record<string, string>;
  /**
   * The cases service's settings for reading the graph at `gatewayUrl` as itself: an OAuth client
   * this issuer knows, whose client-credentials tokens carry the system role.
   */
  graphEnv(gatewayUrl: string): Record<string, string>;
  close(): Promise<void>;
}

export interface TokenOverrides {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with a key the issuer does not publish. */
  foreignKey?: boolean;
}

/**
 * A real OIDC issuer for suites: an HTTP server with a discovery document and a JWKS (RS256),
 * signing tokens as an organisation's identity provider would.
 */
export async function startTestOidcIssuer(audience = 'ordex-api'): Promise<TestOidcIssuer> {
  const kid = randomUUID();
  const serviceClient = { id: 'ordex-cases', secret: randomUUID() };
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  let base = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks`, token_endpoint: `${base}/token` }));
    } else if (req.url === '/token' && req.method === 'POST') {
      // The client-credentials grant for the one service client, authenticated with HTTP Basic.
      const expected = `Basic ${Buffer.from(`${serviceClient.id}:${serviceClient.secret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'invalid_client' }));
        return;
      }
      void token({ sub: serviceClient.id, roles: ['system'] }).then((accessToken) =>
        res.end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 600 })),
      );
    } else if (req.url === '/jwks') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The gateway's identity key pair (what `npm run identity:keys` prints).
  const internal = generateKeyPairSync('ed25519');

  const token = (claims: JWTPayload & { sub?: string }, overrides: TokenOverrides = {}) => {
    const key: KeyLike = overrides.foreignKey ? foreign.privateKey : privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(overrides.issuer ?? base)
      .setAudience(overrides.audience ?? audience)
      .setSubject(claims.sub ?? 'test.user')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (overrides.expiresIn ?? 600))
      .sign(key);
  };

  return {
    issuer: base,
    audience,
    jwksUri: `${base}/jwks`,
    token,
    gatewayEnv: {
      OIDC_ISSUER: base,
      OIDC_AUDIENCE: audience,
      IDENTITY_SIGNING_KEY: internal.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    subgraphEnv: {
      IDENTITY_VERIFY_KEY: internal.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    graphEnv: (gatewayUrl) => ({
      GRAPH_URL: gatewayUrl,
      GRAPH_TOKEN_URL: `${base}/token`,
      GRAPH_CLIENT_ID: serviceClient.id,
      GRAPH_CLIENT_SECRET: serviceClient.secret,
      GRAPH_AUDIENCE: audience,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
