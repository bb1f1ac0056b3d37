import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, type JWTHeaderParameters } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from './dev-issuer';
import { AuthenticationError } from './identity';
import { TokenAuthenticator } from './token-authenticator';

function authenticatorFor(issuer: DevIssuer) {
  return new TokenAuthenticator({
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    keys: issuer.keys(),
    clockToleranceSeconds: 0,
    rolesClaim: 'roles',
    partnerClaim: 'partner_id',
  });
}

const now = () => Math.floor(Date.now() / 1000);

describe('DevIssuer', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ordex-dev-issuer-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its private key in identity/dev-issuer.jwk.json, readable by the owner only', async () => {
    await DevIssuer.open(dataDir);
    const file = join(dataDir, 'identity', 'dev-issuer.jwk.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(typeof jwk.d).toBe('string');
    expect(typeof jwk.kid).toBe('string');
  });

  it('publishes only the public half of its key', async () => {
    const issuer = await DevIssuer.open(dataDir);
    const token = await issuer.issue({ roles: ['admin'] });
    const key = await issuer.keys()(decodeProtectedHeader(token) as JWTHeaderParameters, {
      payload: '',
      signature: '',
    });
    expect((key as { type?: string }).type).toBe('public');
  });

  it('reopens the same key, so tokens survive a restart', async () => {
    const first = await DevIssuer.open(dataDir);
    const before = readFileSync(join(dataDir, 'identity', 'dev-issuer.jwk.json'), 'utf8');
    const token = await first.issue({ roles: ['warehouse'] });
    const second = await DevIssuer.open(dataDir);
    expect(readFileSync(join(dataDir, 'identity', 'dev-issuer.jwk.json'), 'utf8')).toBe(before);
    await expect(authenticatorFor(second).authenticate(`Bearer ${token}`)).resolves.toEqual({
      subject: 'demo.warehouse',
      roles: ['warehouse'],
    });
    // And the other way round: the reopened issuer signs what the first one's keys accept.
    const reissued = await second.issue({ roles: ['it'] });
    await expect(authenticatorFor(first).authenticate(`Bearer ${reissued}`)).resolves.toMatchObject({
      roles: ['it'],
    });
  });

  it('keeps an in-memory key per issuer: another issuer does not accept its tokens', async () => {
    const one = await DevIssuer.open();
    const other = await DevIssuer.open();
    const token = await one.issue({ roles: ['admin'] });
    await expect(authenticatorFor(one).authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      subject: 'demo.admin',
    });
    const error = await authenticatorFor(other)
      .authenticate(`Bearer ${token}`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it('issues tokens for the dev issuer and audience, signed with EdDSA under its kid', async () => {
    const issuer = await DevIssuer.open();
    const token = await issuer.issue({ roles: ['customer-service', 'finance-credit'], user: 'ann' });
    expect(decodeJwt(token)).toMatchObject({
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      sub: 'ann',
      roles: ['customer-service', 'finance-credit'],
    });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
  });

  it('names the default subject after the first role, or "user" without roles', async () => {
    const issuer = await DevIssuer.open();
    expect(decodeJwt(await issuer.issue({ roles: ['procurement', 'admin'] })).sub).toBe('demo.procurement');
    expect(decodeJwt(await issuer.issue({ roles: [] })).sub).toBe('demo.user');
  });

  it('carries partner_id for partner tokens, and none otherwise', async () => {
    const issuer = await DevIssuer.open();
    const partner = await issuer.issue({ roles: ['partner'], partnerId: 'ACME' });
    expect(decodeJwt(partner).partner_id).toBe('ACME');
    await expect(authenticatorFor(issuer).authenticate(`Bearer ${partner}`)).resolves.toEqual({
      subject: 'demo.partner',
      roles: ['partner'],
      partnerId: 'ACME',
    });
    expect(decodeJwt(await issuer.issue({ roles: ['warehouse'] }))).not.toHaveProperty('partner_id');
  });

  it('honours ttlSeconds and defaults to a working day', async () => {
    const issuer = await DevIssuer.open();
    const short = decodeJwt(await issuer.issue({ roles: ['it'], ttlSeconds: 90 }));
    expect(short.exp! - short.iat!).toBe(90);
    expect(Math.abs(short.exp! - (now() + 90))).toBeLessThanOrEqual(2);
    const long = decodeJwt(await issuer.issue({ roles: ['it'] }));
    expect(long.exp! - long.iat!).toBe(8 * 3600);
  });
});
