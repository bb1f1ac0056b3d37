import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { AuthenticationError, type Identity } from './identity';
import {
  generateInternalIdentityKeys,
  IDENTITY_HEADER,
  InternalIdentitySigner,
  InternalIdentityVerifier,
} from './internal-identity';

const keys = generateInternalIdentityKeys();
const signer = InternalIdentitySigner.fromPem(keys.privateKeyPem);
const verifier = InternalIdentityVerifier.fromPem(keys.publicKeyPem);

async function refusal(header: string | undefined): Promise<string> {
  const error: unknown = await verifier.verify(header).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).reason;
}

/** A token as the gateway would sign it, but with claims of the test's choosing. */
function gatewayToken(claims: Record<string, unknown>, expiresAt: number, issuedAt = expiresAt - 60) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject('ann')
    .setIssuer('ordex-gateway')
    .setAudience('ordex-subgraph')
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(createPrivateKey(keys.privateKeyPem));
}

const now = () => Math.floor(Date.now() / 1000);

describe('internal identity header', () => {
  it('generates an Ed25519 key pair as PKCS#8 and SPKI PEM', () => {
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPrivateKey(keys.privateKeyPem).asymmetricKeyType).toBe('ed25519');
  });

  it.each<[string, Identity]>([
    ['a team member', { subject: 'ann', roles: ['warehouse', 'finance-credit'] }],
    ['a partner system', { subject: 'acme-bot', roles: ['partner'], partnerId: 'ACME' }],
    ['a caller without roles', { subject: 'nobody', roles: [] }],
  ])('round-trips the identity of %s', async (_who, identity) => {
    const header = await signer.sign(identity);
    await expect(verifier.verify(header)).resolves.toEqual(identity);
  });

  it('signs a short-lived token for the subgraph audience', async () => {
    const header = await signer.sign({ subject: 'ann', roles: ['it'] });
    const payload = JSON.parse(Buffer.from(header.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ iss: 'ordex-gateway', aud: 'ordex-subgraph', sub: 'ann', roles: ['it'] });
    expect((payload.exp as number) - (payload.iat as number)).toBe(60);
  });

  it('refuses a header signed by another key pair', async () => {
    const other = InternalIdentitySigner.fromPem(generateInternalIdentityKeys().privateKeyPem);
    const header = await other.sign({ subject: 'mallory', roles: ['admin'] });
    expect(await refusal(header)).toContain(IDENTITY_HEADER);
  });

  it.each([[undefined], ['']])(
    'refuses a missing header (%p), saying the gateway was bypassed',
    async (header) => {
      const reason = await refusal(header);
      expect(reason).toContain(IDENTITY_HEADER);
      expect(reason).toContain('gateway');
    },
  );

  it('refuses a token whose payload was tampered with', async () => {
    const [head, , signature] = (await signer.sign({ subject: 'ann', roles: ['warehouse'] })).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        sub: 'ann',
        roles: ['admin'],
        iss: 'ordex-gateway',
        aud: 'ordex-subgraph',
        exp: now() + 60,
      }),
    ).toString('base64url');
    expect(await refusal(`${head}.${forged}.${signature}`)).toMatch(/invalid x-ordex-identity header/);
  });

  it('refuses text that is not a token at all', async () => {
    expect(await refusal('not-a-jwt')).toMatch(/invalid x-ordex-identity header/);
  });

  it('refuses an expired token', async () => {
    const header = await gatewayToken({ roles: ['admin'] }, now() - 5);
    expect(await refusal(header)).toMatch(/invalid x-ordex-identity header: .*exp/);
  });

  it('accepts a token built the same way that has not expired (the expiry check is what refuses)', async () => {
    const header = await gatewayToken({ roles: ['admin'] }, now() + 30);
    await expect(verifier.verify(header)).resolves.toEqual({ subject: 'ann', roles: ['admin'] });
  });

  it('passes on the refusal of a partner token without a partner', async () => {
    const header = await gatewayToken({ roles: ['partner'] }, now() + 30);
    expect(await refusal(header)).toBe('partner token without a partner claim');
  });
});

describe('fromPem', () => {
  const escaped = (pem: string) => pem.replace(/\n/g, '\\n');

  it('accepts PEM whose line breaks are written as \\n, as environment variables carry them', async () => {
    expect(escaped(keys.privateKeyPem)).not.toContain('\n');
    const envSigner = InternalIdentitySigner.fromPem(escaped(keys.privateKeyPem));
    const envVerifier = InternalIdentityVerifier.fromPem(escaped(keys.publicKeyPem));
    const identity: Identity = { subject: 'ann', roles: ['admin'] };
    await expect(envVerifier.verify(await envSigner.sign(identity))).resolves.toEqual(identity);
    await expect(verifier.verify(await envSigner.sign(identity))).resolves.toEqual(identity);
  });

  it('refuses an RSA key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => InternalIdentitySigner.fromPem(privatePem)).toThrow(
      'the identity signing key must be an Ed25519 key',
    );
    expect(() => InternalIdentityVerifier.fromPem(publicPem)).toThrow(
      'the identity verify key must be an Ed25519 key',
    );
  });

  it('refuses garbage text', () => {
    expect(() => InternalIdentitySigner.fromPem('not a key')).toThrow();
    expect(() =>
      InternalIdentityVerifier.fromPem('-----BEGIN PUBLIC KEY-----\\ngarbage\\n-----END PUBLIC KEY-----'),
    ).toThrow();
  });

  it('refuses a public key where the signing key belongs', () => {
    expect(() => InternalIdentitySigner.fromPem(keys.publicKeyPem)).toThrow();
  });

  it('carries the approval level to the subgraph', async () => {
    const manager: Identity = { subject: 'mia', roles: ['finance-credit'], approvalLevel: 2 };
    expect(await verifier.verify(await signer.sign(manager))).toEqual(manager);
  });
});
