import { readFileSync } from 'node:fs';
import {
  ConfigurationError,
  createLogger,
  loadConfig,
  startGateway,
  startTracing,
  stopTracing,
} from '@ordex/platform';
import { gatewayConfigSchema, subgraphUrlsFrom } from './gateway-config';

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
  startTracing('gateway', config.OTEL_ENABLED, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: subgraphUrlsFrom(config),
    host: config.HOST,
    port: config.PORT,
    logger,
    introspection: config.GRAPHQL_INTROSPECTION === 'true',
  });
  logger.info(`gateway ready at ${gateway.url}`);
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
