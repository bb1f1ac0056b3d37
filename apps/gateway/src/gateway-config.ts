import { commonConfigSchema, port, urlWithProtocol } from '@ordex/platform';
import { z } from 'zod';

const subgraphUrl = urlWithProtocol(['http', 'https']).optional();

export const gatewayConfigSchema = commonConfigSchema.extend({
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().min(1).default('apps/gateway/supergraph.graphql'),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  SUBGRAPH_ORDERS_URL: subgraphUrl,
  SUBGRAPH_INVENTORY_URL: subgraphUrl,
  SUBGRAPH_PRICING_URL: subgraphUrl,
  SUBGRAPH_LOGISTICS_URL: subgraphUrl,
  SUBGRAPH_CASES_URL: subgraphUrl,
  SUBGRAPH_ANALYTICS_URL: subgraphUrl,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** SUBGRAPH_<NAME>_URL settings, by subgraph name; unset ones keep the supergraph's URL. */
export function subgraphUrlsFrom(config: GatewayConfig): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    const match = /^SUBGRAPH_([A-Z]+)_URL$/.exec(key);
    if (match && typeof value === 'string') urls[match[1].toLowerCase()] = value;
  }
  return urls;
}
