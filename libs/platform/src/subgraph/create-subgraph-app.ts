import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware } from '../correlation/correlation.middleware';
import { sqlStatementScope } from '../database/statement-counter';
import { MAX_REQUEST_BODY } from '../graphql/format-error';
import { authenticationMiddleware } from '../identity/authentication.middleware';
import { IDENTITY_HEADER } from '../identity/internal-identity';
import { SECURITY_LOG } from '../access/access.guard';
import type { SecurityLog } from '../identity/security-log';
import { nestLoggerFor } from '../logging/nest-logger';
import { metricsMiddleware } from '../metrics/metrics.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';
import { keepConnectionsAlive } from './http-keep-alive';
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
  // A subgraph must take whatever the gateway accepted and forwards.
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY });
  app.use(correlationMiddleware);
  app.use('/graphql', sqlStatementScope);
  app.use(metricsMiddleware(metrics));
  // Only the gateway may call: its signed identity header is checked before any GraphQL work.
  app.use(
    '/graphql',
    authenticationMiddleware(
      (req) => runtime.identityVerifier.verify(req.header(IDENTITY_HEADER)),
      app.get<SecurityLog>(SECURITY_LOG),
    ),
  );
  keepConnectionsAlive(app.getHttpServer());
  await app.listen(runtime.config.PORT, runtime.config.HOST);
  return app;
}
