import { STREAMS } from '@ordex/contracts';
import { JetStreamBus } from '../bus/jetstream.bus';
import { parseNatsServers } from '../bus/jetstream.servers';
import { ConfigurationError } from '../config/config.exception';
import { port, SubgraphConfig, subgraphConfigSchema } from '../config/config.schema';
import { loadConfig } from '../config/load-config.util';
import { clientCredentialsTokenSource } from '../graph-client/client-credentials';
import { GraphClient } from '../graph-client/graph-client';
import { InternalIdentityVerifier } from '../identity/internal-identity';
import { createLogger } from '../logging/logger';
import { startTracing, stopTracing } from '../tracing/tracing';
import { startSubgraph } from './create-subgraph-app';
import type { SubgraphDefinition } from './subgraph-definition';

type ProductionConfig = SubgraphConfig & {
  DATABASE_URL: string;
  NATS_URL: string;
  IDENTITY_VERIFY_KEY: string;
};

/**
 * Entry point of one subgraph in production mode (one process per service): PostgreSQL at
 * DATABASE_URL and NATS JetStream at NATS_URL are required. A bad setting ends the process with
 * one line naming it (exit code 78, EX_CONFIG); so does a start-up failure (exit code 1), with
 * the details in the JSON log.
 *
 * NATS that cannot be reached is not a start-up failure: the service starts, serves reads and
 * takes writes into its outbox, reports the event bus as degraded on /health/ready and connects
 * in the background; its consumers start and its outbox drains once NATS answers.
 */
export async function runSubgraphProcess(definition: SubgraphDefinition): Promise<void> {
  const { config, identityVerifier } = productionConfigOrExit(definition);
  startTracing(definition.name, config.OTEL_ENABLED, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  try {
    const bus = await during(`connecting to NATS at ${config.NATS_URL}`, () =>
      JetStreamBus.connect({
        servers: config.NATS_URL.split(','),
        name: `ordex-${definition.name}`,
        streams: STREAMS.map((s) => ({ name: s.name, subjects: [...s.subjects] })),
        logger,
      }),
    );
    const busHealth = bus.health();
    if (!busHealth.connected) {
      logger.warn(
        { nats: config.NATS_URL, eventBus: busHealth },
        'starting without NATS: serving reads, keeping new events in the outbox and connecting in the background',
      );
    }
    const databaseHost = new URL(config.DATABASE_URL).host;
    const app = await during(`starting on PostgreSQL at ${databaseHost}`, () =>
      startSubgraph(definition, { config, bus, logger, identityVerifier, graph: graphClientOf(config) }),
    );
    logger.info(
      { port: config.PORT },
      `${definition.name} subgraph ready at http://${config.HOST}:${config.PORT}/graphql`,
    );
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      await app.close();
      await bus.close();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.stderr.write(`ordex ${definition.name}: could not start: ${firstLine(error)}\n`);
    process.exit(1);
  }
}

function productionConfigOrExit(definition: SubgraphDefinition): {
  config: ProductionConfig;
  identityVerifier: InternalIdentityVerifier;
} {
  try {
    const config = loadConfig(
      definition.name,
      subgraphConfigSchema.extend({ PORT: port(definition.defaultPort) }),
    );
    const required = [
      'DATABASE_URL',
      'NATS_URL',
      'IDENTITY_VERIFY_KEY',
      ...(definition.readsGraph
        ? (['GRAPH_URL', 'GRAPH_TOKEN_URL', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'] as const)
        : []),
    ] as const;
    const missing = required.find((key) => !config[key]);
    if (missing) {
      throw new ConfigurationError(
        `ordex ${definition.name}: invalid configuration: ${missing}: is required when a service runs on its own (npm start runs the embedded stack)`,
      );
    }
    try {
      parseNatsServers(config.NATS_URL as string);
    } catch {
      throw new ConfigurationError(
        `ordex ${definition.name}: invalid configuration: NATS_URL: must be one or more nats://host[:port] URLs separated by commas (got ${JSON.stringify(config.NATS_URL)})`,
      );
    }
    let identityVerifier: InternalIdentityVerifier;
    try {
      identityVerifier = InternalIdentityVerifier.fromPem(config.IDENTITY_VERIFY_KEY as string);
    } catch (error) {
      throw new ConfigurationError(
        `ordex ${definition.name}: invalid configuration: IDENTITY_VERIFY_KEY: must be the gateway's Ed25519 public key in PEM (npm run identity:keys): ${firstLine(error)}`,
      );
    }
    return { config: config as ProductionConfig, identityVerifier };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}

/** The service's client of the federated graph, when it has GRAPH_* settings. */
function graphClientOf(config: ProductionConfig): GraphClient | undefined {
  const { GRAPH_URL, GRAPH_TOKEN_URL, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, GRAPH_AUDIENCE } = config;
  if (!GRAPH_URL || !GRAPH_TOKEN_URL || !GRAPH_CLIENT_ID || !GRAPH_CLIENT_SECRET) return undefined;
  return new GraphClient({
    url: () => GRAPH_URL,
    token: clientCredentialsTokenSource({
      tokenUrl: GRAPH_TOKEN_URL,
      clientId: GRAPH_CLIENT_ID,
      clientSecret: GRAPH_CLIENT_SECRET,
      audience: GRAPH_AUDIENCE,
    }),
  });
}

async function during<T>(stage: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new Error(`${stage}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
