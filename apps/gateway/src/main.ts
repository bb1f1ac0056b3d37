import { readFileSync } from 'node:fs';
import {
  ConfigurationError,
  createLogger,
  InternalIdentitySigner,
  loadConfig,
  PersistedQueryAllowList,
  startGateway,
  startTracing,
  stopTracing,
  TokenAuthenticator,
} from '@ordex/platform';
import { gatewayConfigSchema, requestLimitsFrom, subgraphUrlsFrom } from './gateway-config';

/** The gateway in production mode: serves the committed supergraph, routes to the subgraphs. */
async function main(): Promise<void> {
  const config = loadConfig('gateway', gatewayConfigSchema);
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  } catch {
    throw new ConfigurationError(
      `ordex gateway: invalid configuration: SUPERGRAPH_PATH: cannot read ${config.SUPERGRAPH_PATH}`,
    );
  }
  let identitySigner: InternalIdentitySigner;
  try {
    identitySigner = InternalIdentitySigner.fromPem(config.IDENTITY_SIGNING_KEY);
  } catch (error) {
    throw new ConfigurationError(
      `ordex gateway: invalid configuration: IDENTITY_SIGNING_KEY: must be an Ed25519 private key in PEM (npm run identity:keys): ${(error as Error).message}`,
    );
  }
  let allowList: PersistedQueryAllowList | undefined;
  try {
    allowList = config.PERSISTED_QUERIES_PATH
      ? PersistedQueryAllowList.fromManifestFile(config.PERSISTED_QUERIES_PATH)
      : undefined;
  } catch (error) {
    throw new ConfigurationError(
      `ordex gateway: invalid configuration: PERSISTED_QUERIES_PATH: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  startTracing('gateway', config.OTEL_ENABLED, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const authenticator = new TokenAuthenticator({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    keys: TokenAuthenticator.issuerKeys(config.OIDC_ISSUER, config.OIDC_JWKS_URI),
    clockToleranceSeconds: config.OIDC_CLOCK_SKEW_SECONDS,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    partnerClaim: config.OIDC_PARTNER_CLAIM,
    approvalLevelClaim: config.OIDC_APPROVAL_LEVEL_CLAIM,
  });
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: subgraphUrlsFrom(config),
    host: config.HOST,
    port: config.PORT,
    logger,
    introspection: config.GRAPHQL_INTROSPECTION === 'true',
    authenticator,
    identitySigner,
    limits: requestLimitsFrom(config),
    persistedQueries: allowList,
  });
  logger.info(
    { limits: requestLimitsFrom(config), persistedQueries: allowList?.size ?? 'off' },
    `gateway ready at ${gateway.url}`,
  );
  const shutdown = async () => {
    await gateway.stop();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(
    `ordex gateway: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
