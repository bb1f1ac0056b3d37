import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError, type Identity, identityFromClaims } from './identity';

/** Asymmetric algorithms only: an issuer's JWKS never holds a shared secret. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface TokenAuthenticatorOptions {
  issuer: string;
  audience: string;
  /** The issuer's signing keys. */
  keys: JWTVerifyGetKey;
  /** Leeway for `exp`, `nbf` and `iat` between this host's clock and the issuer's. */
  clockToleranceSeconds: number;
  /** Claim (dotted path) holding the ordex role names. */
  rolesClaim: string;
  /** Claim (dotted path) holding a partner system's partner id. */
  partnerClaim: string;
  /** Claim (dotted path) holding the user's approval level (default `approval_level`). */
  approvalLevelClaim?: string;
}

/**
 * Verifies the bearer tokens clients send to the gateway: signature against the issuer's keys,
 * issuer, audience, expiry (with the configured clock skew), then reads the ordex identity.
 */
export class TokenAuthenticator {
  constructor(private readonly options: TokenAuthenticatorOptions) {}

  /**
   * An OIDC issuer's signing keys from its JWKS endpoint (`jwksUri`, or the one its discovery
   * document names), fetched on first use and again when a token names an unknown `kid`. Nothing
   * is fetched at start-up, so the gateway starts while the issuer is unreachable; a failed
   * discovery is retried with the next token.
   */
  static issuerKeys(issuer: string, jwksUri?: string): JWTVerifyGetKey {
    let keys: JWTVerifyGetKey | undefined;
    return async (header, token) => {
      keys ??= createRemoteJWKSet(new URL(jwksUri ?? (await discoverJwksUri(issuer))), {
        cooldownDuration: 30_000,
        cacheMaxAge: 600_000,
      });
      return keys(header, token);
    };
  }

  /** The identity in an `Authorization: Bearer …` header; an AuthenticationError otherwise. */
  async authenticate(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization?.trim() ?? '');
    if (!authorization) throw new AuthenticationError('no bearer token');
    if (!match) throw new AuthenticationError('malformed Authorization header');
    const { issuer, audience, keys, clockToleranceSeconds, rolesClaim, partnerClaim, approvalLevelClaim } =
      this.options;
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer,
        audience,
        algorithms: ALGORITHMS,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      });
      return identityFromClaims(payload, rolesClaim, partnerClaim, approvalLevelClaim);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(describeJoseError(error));
    }
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim ${error.claim}: ${error.reason}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token signed by a key the issuer does not publish';
  if (error instanceof errors.JOSEError) return `token rejected: ${error.code}`;
  return `token rejected: ${error instanceof Error ? error.message : String(error)}`;
}

/** The JWKS URI an OIDC issuer publishes in its discovery document. */
async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new AuthenticationError(`OIDC discovery at ${url} answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof jwksUri !== 'string')
    throw new AuthenticationError(`OIDC discovery at ${url} names no jwks_uri`);
  return jwksUri;
}
