import { loadConfig } from '@ordex/platform';
import { gatewayConfigSchema, subgraphUrlsFrom } from './gateway-config';

describe('gateway configuration', () => {
  it('maps SUBGRAPH_<NAME>_URL settings to subgraph names', () => {
    const config = loadConfig('gateway', gatewayConfigSchema, {
      SUBGRAPH_ORDERS_URL: 'http://orders.internal:4001/graphql',
      SUBGRAPH_CASES_URL: 'http://10.0.0.5:4005/graphql',
    });
    expect(subgraphUrlsFrom(config)).toEqual({
      orders: 'http://orders.internal:4001/graphql',
      cases: 'http://10.0.0.5:4005/graphql',
    });
    expect(config.PORT).toBe(4000);
    expect(config.GRAPHQL_INTROSPECTION).toBe('false');
  });

  it('names a malformed subgraph URL in one line', () => {
    expect(() =>
      loadConfig('gateway', gatewayConfigSchema, { SUBGRAPH_PRICING_URL: 'pricing:4003' }),
    ).toThrow(
      'ordex gateway: invalid configuration: SUBGRAPH_PRICING_URL: must start with http:// or https:// (got "pricing:4003")',
    );
  });
});
