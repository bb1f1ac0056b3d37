import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { AuthenticationError, type Identity, identityFromClaims } from './identity';

/**
 * The header that carries a caller's identity from the gateway to a subgraph: a short-lived
 * EdDSA-signed JWT. Only the gateway holds the private key, so a client cannot forge it, and a
 * subgraph that verifies it knows the request came through the gateway's authentication.
 */
export const IDENTITY_HEADER = 'x-ordex-identity';

const ISSUER = 'ordex-gateway';
const AUDIENCE = 'ordex-subgraph';
/** Long enough for a slow query plan, short enough that a captured header soon expires. */
const LIFETIME_SECONDS = 60;
const ALGORITHM = 'EdDSA';

export interface InternalIdentityKeyPair {
  /** PKCS#8 PEM; the gateway's IDENTITY_SIGNING_KEY. */
  privateKeyPem: string;
  /** SPKI PEM; every subgraph's IDENTITY_VERIFY_KEY. */
  publicKeyPem: string;
}

/** A fresh Ed25519 key pair (`npm run identity:keys`; the embedded stack makes one per start). */
export function generateInternalIdentityKeys(): InternalIdentityKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** PEM from an environment variable, where line breaks are often written as `\n`. */
function pemFrom(value: string): string {
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} must be an Ed25519 key`);
  return key;
}

/** Signs identities for subgraph calls (the gateway). */
export class InternalIdentitySigner {
  private constructor(private readonly key: KeyObject) {}

  /** Throws when `pem` is not an Ed25519 private key. */
  static fromPem(pem: string): InternalIdentitySigner {
    return new InternalIdentitySigner(ed25519(createPrivateKey(pemFrom(pem)), 'the identity signing key'));
  }

  sign(identity: Identity): Promise<string> {
    const claims: Record<string, unknown> = { roles: identity.roles };
    if (identity.partnerId) claims.partner = identity.partnerId;
    if (identity.approvalLevel) claims.level = identity.approvalLevel;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(identity.subject)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.key);
  }
}

/** Checks the gateway's identity header (every subgraph). */
export class InternalIdentityVerifier {
  private constructor(private readonly key: KeyObject) {}

  /** Throws when `pem` is not an Ed25519 public key. */
  static fromPem(pem: string): InternalIdentityVerifier {
    return new InternalIdentityVerifier(ed25519(createPublicKey(pemFrom(pem)), 'the identity verify key'));
  }

  /** The identity the gateway vouched for; an AuthenticationError when the header is absent or not valid. */
  async verify(header: string | undefined): Promise<Identity> {
    if (!header)
      throw new AuthenticationError(`no ${IDENTITY_HEADER} header: not called through the gateway`);
    try {
      const { payload } = await jwtVerify(header, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'sub'],
      });
      return identityFromClaims(payload, 'roles', 'partner', 'level');
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`invalid ${IDENTITY_HEADER} header: ${(error as Error).message}`);
    }
  }
}
