import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware } from '../correlation/correlation.middleware';
import { nestLoggerFor } from '../logging/nest-logger';
import { metricsMiddleware } from '../metrics/metrics.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';
import type { SubgraphDefinition, SubgraphRuntime } from './subgraph-definition';
import { SubgraphPlatformModule } from './subgraph-platform.module';

/** Builds and starts a subgraph's HTTP server on the runtime's host and port. */
export async function startSubgraph(
  definition: SubgraphDefinition,
  runtime: SubgraphRuntime,
): Promise<INestApplication> {
  const metrics = new ServiceMetrics(definition.name);
  const app = await NestFactory.create<NestExpressApplication>(
    SubgraphPlatformModule.forRoot(definition, runtime, metrics),
    {
      logger: nestLoggerFor(runtime.logger),
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  // The gateway accepts requests up to 1 MB; a subgraph must take what the gateway forwards.
  app.useBodyParser('json', { limit: '1mb' });
  app.use(correlationMiddleware);
  app.use(metricsMiddleware(metrics));
  await app.listen(runtime.config.PORT, runtime.config.HOST);
  return app;
}
