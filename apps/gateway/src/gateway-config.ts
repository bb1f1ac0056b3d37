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
  /** The OIDC issuer whose tokens the gateway accepts (`iss`), and the audience they must name. */
  OIDC_ISSUER: urlWithProtocol(['https', 'http']),
  OIDC_AUDIENCE: z.string().min(1),
  /** The issuer's JWKS; discovered from its openid-configuration when not set. */
  OIDC_JWKS_URI: urlWithProtocol(['https', 'http']).optional(),
  OIDC_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  OIDC_PARTNER_CLAIM: z.string().min(1).default('partner_id'),
  /** The Ed25519 private key (PKCS#8 PEM) that signs the identity subgraphs receive. */
  IDENTITY_SIGNING_KEY: z.string().min(1),
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
