import {
  commonConfigSchema,
  DEFAULT_REQUEST_LIMITS,
  port,
  type RequestLimits,
  urlWithProtocol,
} from '@ordex/platform';
import { z } from 'zod';

const subgraphUrl = urlWithProtocol(['http', 'https']).optional();
const limit = (fallback: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).default(fallback);

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
  OIDC_APPROVAL_LEVEL_CLAIM: z.string().min(1).default('approval_level'),
  /** The Ed25519 private key (PKCS#8 PEM) that signs the identity subgraphs receive. */
  IDENTITY_SIGNING_KEY: z.string().min(1),
  GRAPHQL_MAX_DEPTH: limit(DEFAULT_REQUEST_LIMITS.maxDepth),
  GRAPHQL_MAX_COST: limit(DEFAULT_REQUEST_LIMITS.maxCost),
  GRAPHQL_MAX_ALIASES: limit(DEFAULT_REQUEST_LIMITS.maxAliases),
  GRAPHQL_MAX_TOKENS: limit(DEFAULT_REQUEST_LIMITS.maxTokens),
  GRAPHQL_MAX_DIRECTIVES: limit(DEFAULT_REQUEST_LIMITS.maxDirectives),
  RATE_LIMIT_PER_MINUTE: limit(DEFAULT_REQUEST_LIMITS.requestsPerMinute),
  /** An Apollo persisted-query manifest: only its operations run. */
  PERSISTED_QUERIES_PATH: z.string().min(1).optional(),
});

/** The request limits the settings ask for. */
export function requestLimitsFrom(config: GatewayConfig): RequestLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COST,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
  };
}

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
