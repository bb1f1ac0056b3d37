import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import type { Role } from './identity';

/** The development issuer's name and the audience its tokens are for (embedded mode only). */
export const DEV_ISSUER = 'urn:ordex:embedded-dev-issuer';
export const DEV_AUDIENCE = 'ordex';
const ALGORITHM = 'EdDSA';
const KEY_FILE = join('identity', 'dev-issuer.jwk.json');
/** A working day. */
const DEFAULT_TTL_SECONDS = 8 * 3600;

export interface DevTokenRequest {
  roles: readonly Role[];
  /** `sub`; defaults to a demo user named after the first role. */
  user?: string;
  partnerId?: string;
  /** Approval level (2: a manager); omitted, the user is an analyst (1). */
  approvalLevel?: number;
  ttlSeconds?: number;
}

/**
 * The built-in token issuer of embedded mode, standing in for the OIDC provider of production:
 * its key lives in the data directory (so tokens survive a restart and `npm run token` can mint
 * them offline), and the gateway trusts nothing else. Production never uses it.
 */
export class DevIssuer {
  private constructor(
    private readonly privateJwk: JWK,
    private readonly publicJwk: JWK,
  ) {}

  /** The issuer whose key is in `dataDir` (created on first use); in memory without one. */
  static async open(dataDir?: string): Promise<DevIssuer> {
    const file = dataDir ? join(dataDir, KEY_FILE) : undefined;
    if (file && existsSync(file)) {
      const privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
      return new DevIssuer(privateJwk, publicPart(privateJwk));
    }
    const { privateKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ALGORITHM };
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
    }
    return new DevIssuer(privateJwk, publicPart(privateJwk));
  }

  /** The keys the gateway verifies this issuer's tokens with. */
  keys(): JWTVerifyGetKey {
    return createLocalJWKSet({ keys: [this.publicJwk] });
  }

  async issue(request: DevTokenRequest): Promise<string> {
    const claims: Record<string, unknown> = { roles: request.roles };
    if (request.partnerId) claims.partner_id = request.partnerId;
    if (request.approvalLevel) claims.approval_level = request.approvalLevel;
    const key = await importJWK(this.privateJwk, ALGORITHM);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: this.privateJwk.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(request.user ?? `demo.${request.roles[0] ?? 'user'}`)
      .setIssuedAt()
      .setExpirationTime(`${request.ttlSeconds ?? DEFAULT_TTL_SECONDS}s`)
      .sign(key);
  }
}

function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, kid, alg } = jwk;
  return { kty, crv, x, kid, alg };
}
