import { loadConfig } from '@ordex/platform';
import { gatewayConfigSchema, subgraphUrlsFrom } from './gateway-config';

/** The identity settings production mode requires. */
const IDENTITY = {
  OIDC_ISSUER: 'https://login.example.com/realms/ordex',
  OIDC_AUDIENCE: 'ordex',
  IDENTITY_SIGNING_KEY: 'a PEM',
};

describe('gateway configuration', () => {
  it('maps SUBGRAPH_<NAME>_URL settings to subgraph names', () => {
    const config = loadConfig('gateway', gatewayConfigSchema, {
      ...IDENTITY,
      SUBGRAPH_ORDERS_URL: 'http://orders.internal:4001/graphql',
      SUBGRAPH_CASES_URL: 'http://10.0.0.5:4005/graphql',
    });
    expect(subgraphUrlsFrom(config)).toEqual({
      orders: 'http://orders.internal:4001/graphql',
      cases: 'http://10.0.0.5:4005/graphql',
    });
    expect(config.PORT).toBe(4000);
    expect(config.GRAPHQL_INTROSPECTION).toBe('false');
    expect(config).toMatchObject({
      OIDC_CLOCK_SKEW_SECONDS: 30,
      OIDC_ROLES_CLAIM: 'roles',
      OIDC_PARTNER_CLAIM: 'partner_id',
    });
    expect(config.OIDC_JWKS_URI).toBeUndefined();
  });

  it.each([
    [{ OIDC_ISSUER: undefined }, 'OIDC_ISSUER: Required (it is not set)'],
    [{ OIDC_ISSUER: 'login.example.com' }, 'OIDC_ISSUER: must be a URL'],
    [{ OIDC_AUDIENCE: undefined }, 'OIDC_AUDIENCE: Required (it is not set)'],
    [{ OIDC_CLOCK_SKEW_SECONDS: '3600' }, 'OIDC_CLOCK_SKEW_SECONDS: '],
    [{ IDENTITY_SIGNING_KEY: undefined }, 'IDENTITY_SIGNING_KEY: Required (it is not set)'],
  ])('requires the identity settings: %j', (change, message) => {
    expect(() => loadConfig('gateway', gatewayConfigSchema, { ...IDENTITY, ...change })).toThrow(message);
  });

  it('names a malformed subgraph URL in one line', () => {
    expect(() =>
      loadConfig('gateway', gatewayConfigSchema, { ...IDENTITY, SUBGRAPH_PRICING_URL: 'pricing:4003' }),
    ).toThrow(
      'ordex gateway: invalid configuration: SUBGRAPH_PRICING_URL: must start with http:// or https:// (got "pricing:4003")',
    );
  });
});
