import { createServer, Server } from 'node:http';
import { keepConnectionsAlive } from '../subgraph/http-keep-alive';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { CORRELATION_HEADER } from '../correlation/correlation';
import { correlationMiddleware } from '../correlation/correlation.middleware';
import { formatClientError, MAX_REQUEST_BODY } from '../graphql/format-error';
import { metricsMiddleware } from '../metrics/metrics.middleware';
import { operationMetricsPlugin } from '../metrics/operation-metrics.plugin';
import { ServiceMetrics } from '../metrics/service-metrics';
import { authenticationMiddleware, identityOf } from '../identity/authentication.middleware';
import type { Identity } from '../identity/identity';
import type { InternalIdentitySigner } from '../identity/internal-identity';
import { SecurityLog } from '../identity/security-log';
import type { TokenAuthenticator } from '../identity/token-authenticator';
import {
  armorProtection,
  bodyErrorHandler,
  DEFAULT_REQUEST_LIMITS,
  PersistedQueryAllowList,
  rateLimitMiddleware,
  RequestLimits,
} from './request-limits';
import { GatewayContext, SubgraphDataSource } from './subgraph-data-source';
import { startSubscriptionRelay, SUBSCRIPTION_COMPLETIONS } from './subscription-relay';

export interface GatewayOptions {
  /** The composed supergraph (apps/gateway/supergraph.graphql): served as is, no live composition. */
  supergraphSdl: string;
  /** Where each subgraph runs now, by name; subgraphs not listed keep the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  host: string;
  port: number;
  logger: Logger;
  introspection: boolean;
  /** Verifies clients' bearer tokens (the OIDC issuer's in production, the dev issuer's embedded). */
  authenticator: TokenAuthenticator;
  /** Signs the identity each subgraph call carries. */
  identitySigner: InternalIdentitySigner;
  /** Depth, cost, alias, token, directive and rate limits (defaults: {@link DEFAULT_REQUEST_LIMITS}). */
  limits?: Partial<RequestLimits>;
  /** When set, only these operations run. */
  persistedQueries?: PersistedQueryAllowList;
}

export interface RunningGateway {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

const GATEWAY_CODES = new Set(['SUBGRAPH_UNAVAILABLE']);

function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GATEWAY_CODES.has(code)) {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: { code, service: formatted.extensions?.service },
    };
  }
  return formatClientError(formatted);
}

function withoutSuggestions(message: string): string {
  return message.replace(/ Did you mean .+\?$/, '');
}

/**
 * The federated graph's single entry point. It serves a supergraph composed at build time, so it
 * starts and answers even while a subgraph is down; the fields that subgraph owns come back as
 * SUBGRAPH_UNAVAILABLE errors beside the rest of the data.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // @apollo/gateway otherwise reports usage to Apollo's servers and probes cloud metadata
  // endpoints to describe its host; ordex sends nothing anywhere unless an operator opts in.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const metrics = new ServiceMetrics('gateway');
  const securityLog = new SecurityLog(options.logger, metrics);
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const armor = armorProtection(limits, securityLog);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new SubgraphDataSource(name, options.subgraphUrls[name] ?? url ?? ''),
    logger: options.logger,
  });
  const app = express();
  const server = createServer(app);
  keepConnectionsAlive(server);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    formatError: (formatted) => {
      const error = formatGatewayError(formatted);
      // Without introspection, "Did you mean …?" would still map the schema field by field.
      return options.introspection ? error : { ...error, message: withoutSuggestions(error.message) };
    },
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      operationMetricsPlugin(metrics),
    ],
    logger: options.logger,
  });
  let apiSchema: GraphQLSchema | undefined;
  const unsubscribeSchema = gateway.onSchemaLoadOrUpdate((update) => {
    apiSchema = update.apiSchema;
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(correlationMiddleware);
  app.use(metricsMiddleware(metrics));
  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/health/ready', (_req, res) => void res.json({ status: 'ok', supergraph: 'loaded' }));
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  // In this order: log, authenticate, rate-limit, then read the body; GraphQL only after that.
  const graphqlRoute = express.Router();
  graphqlRoute.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (req) => String(req.headers[CORRELATION_HEADER]),
      customAttributeKeys: { reqId: 'correlationId' },
      quietReqLogger: true,
    }),
    authenticationMiddleware(
      (req) => options.authenticator.authenticate(req.headers.authorization),
      securityLog,
      'Bearer realm="ordex"',
    ),
    rateLimitMiddleware(limits.requestsPerMinute, securityLog),
    express.json({ limit: MAX_REQUEST_BODY }),
    bodyErrorHandler(MAX_REQUEST_BODY, securityLog),
  );
  if (options.persistedQueries) graphqlRoute.use(options.persistedQueries.middleware(securityLog));
  graphqlRoute.use(
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => {
        const identity = identityOf(req) as Identity;
        let signed: Promise<string> | undefined;
        return {
          correlationId: String(req.headers[CORRELATION_HEADER]),
          identity,
          signedIdentity: () => (signed ??= options.identitySigner.sign(identity)),
        };
      },
    }),
  );
  app.use('/graphql', graphqlRoute);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const subscriptions = startSubscriptionRelay({
    server,
    supergraphSdl: options.supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    apiSchema: () => apiSchema,
    authenticator: options.authenticator,
    identitySigner: options.identitySigner,
    validationRules: armor.validationRules,
    maxTokens: limits.maxTokens,
    securityLog,
    logger: options.logger,
    completions: SUBSCRIPTION_COMPLETIONS,
    complete: async (query, variables, { identity, correlationId }) => {
      let signed: Promise<string> | undefined;
      const response = await apollo.executeOperation(
        { query, variables },
        {
          contextValue: {
            correlationId,
            identity,
            signedIdentity: () => (signed ??= options.identitySigner.sign(identity)),
          },
        },
      );
      if (response.body.kind !== 'single')
        return { errors: [new GraphQLError('unexpected incremental answer')] };
      const { data, errors } = response.body.singleResult;
      return {
        data: data as Record<string, unknown> | null | undefined,
        errors: errors?.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })),
      };
    },
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(options.host) ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    server,
    stop: async () => {
      await subscriptions.dispose();
      unsubscribeSchema();
      await apollo.stop();
      await gateway.stop().catch(() => undefined);
    },
  };
}
