import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BuildSchemaOptions, GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AccessGuard, SECURITY_LOG } from '../access/access.guard';
import { IDENTITY_HEADER } from '../identity/internal-identity';
import { CORRELATION_HEADER } from '../correlation/correlation';
import { SecurityLog } from '../identity/security-log';
import { migrateServiceSchema, serviceDataSourceOptions } from '../database/data-source.factory';
import { StatementCountingLogger } from '../database/statement-counter';
import { ErpIntake } from '../events/erp-intake.service';
import { identityOf } from '../identity/authentication.middleware';
import type { Identity } from '../identity/identity';
import { formatClientError } from '../graphql/format-error';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { PartnerDirectory1764633600000 } from '../partners/partner-directory.migration';
import { PartnerDirectory } from '../partners/partner-directory.service';
import { GraphQLRequestContext, LoaderRegistry } from '../graphql/loader-registry';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../metrics/metrics.controller';
import { operationMetricsPlugin } from '../metrics/operation-metrics.plugin';
import { ServiceMetrics } from '../metrics/service-metrics';
import type { SubgraphDefinition, SubgraphRuntime } from './subgraph-definition';
import {
  EVENT_BUS,
  GRAPH_CLIENT,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  SERVICE_LOGGER,
  SERVICE_METRICS,
} from './tokens';

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** What graphql-ws hands the context function and onConnect. */
interface WsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { identity?: Identity };
}

function stringParam(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Everything a subgraph shares with the others: logging, its database schema and migrations,
 * the Federation 2 GraphQL server, health, metrics and the event bus.
 */
@Global()
@Module({})
export class SubgraphPlatformModule {
  static forRoot(
    definition: SubgraphDefinition,
    runtime: SubgraphRuntime,
    metrics: ServiceMetrics,
  ): DynamicModule {
    const { config } = runtime;
    const securityLog = new SecurityLog(runtime.logger, metrics);
    return {
      module: SubgraphPlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: runtime.logger,
            genReqId: (req) => String(req.headers[CORRELATION_HEADER] ?? ''),
            customAttributeKeys: { reqId: 'correlationId' },
            autoLogging: { ignore: (req) => QUIET_PATHS.includes(req.url ?? '') },
            quietReqLogger: true,
          },
        }),
        TypeOrmModule.forRootAsync({
          // A database that is still starting (containers starting together) gets ~20 s.
          useFactory: () => ({
            retryAttempts: 10,
            retryDelay: 2000,
            ...serviceDataSourceOptions({
              schema: definition.name,
              entities: definition.entities,
              migrations: definition.partnerScoped
                ? [PartnerDirectory1764633600000, ...definition.migrations]
                : definition.migrations,
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              embedded: runtime.embedded,
              logger: new StatementCountingLogger(metrics.dbStatements),
            }),
          }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error(`${definition.name}: no data source options`);
            const dataSource = await new DataSource(options).initialize();
            const applied = await migrateServiceSchema(dataSource, definition.name, {
              lock: !runtime.embedded,
            });
            if (applied.length) runtime.logger.info({ migrations: applied }, 'database migrations applied');
            return dataSource;
          },
        }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          sortSchema: true,
          // The federation schema builder ignores `include` when it selects types; this is the
          // option its code-first schema factory filters `registerIn` scopes with.
          buildSchemaOptions: {
            includeModules: [definition.schemaScope],
            orphanedTypes: definition.extendedTypes,
          } as BuildSchemaOptions,
          path: '/graphql',
          playground: false,
          // Access rules apply to field resolvers too (fields added to another service's entity).
          fieldResolverEnhancers: ['guards'],
          includeStacktraceInErrorResponses: false,
          // Federated traces are for Apollo's hosted reporting, which ordex does not use; cache
          // hints neither. Both would wrap every field resolver (measured: a few % of CPU).
          plugins: [
            ApolloServerPluginInlineTraceDisabled(),
            ApolloServerPluginCacheControlDisabled(),
            operationMetricsPlugin(metrics),
          ],
          formatError: formatClientError,
          // Subscriptions over graphql-ws, from the gateway only: its signed identity comes in
          // the connection parameters and is checked before the connection is accepted.
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              onConnect: async (connection: {
                connectionParams?: Record<string, unknown>;
                extra: unknown;
              }) => {
                const ctx = connection as WsContext;
                try {
                  ctx.extra.identity = await runtime.identityVerifier.verify(
                    stringParam(ctx.connectionParams?.[IDENTITY_HEADER]),
                  );
                  return true;
                } catch (error) {
                  securityLog.record('authentication.failed', {
                    reason: (error as Error).message,
                    target: 'subscription',
                  });
                  return false;
                }
              },
            },
          },
          context: (arg: { req?: Request } | WsContext): GraphQLRequestContext =>
            'extra' in arg
              ? {
                  loaders: new LoaderRegistry(),
                  correlationId: stringParam(arg.connectionParams?.[CORRELATION_HEADER]) || undefined,
                  identity: arg.extra.identity as Identity,
                }
              : {
                  loaders: new LoaderRegistry(),
                  correlationId: arg.req?.headers?.[CORRELATION_HEADER] as string | undefined,
                  identity: identityOf(arg.req as Request) as Identity,
                },
        }),
        TerminusModule,
        definition.module,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: EVENT_BUS, useValue: runtime.bus },
        { provide: SERVICE_METRICS, useValue: metrics },
        { provide: SERVICE_LOGGER, useValue: runtime.logger },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: GRAPH_CLIENT, useValue: runtime.graph ?? null },
        { provide: SERVICE_CLOCK, useValue: runtime.clock ?? (() => new Date()) },
        { provide: SECURITY_LOG, useValue: securityLog },
        { provide: APP_GUARD, useClass: AccessGuard },
        ErpIntake,
        OutboxRelayService,
        ...(definition.partnerScoped ? [PartnerDirectory] : []),
      ],
      exports: [
        EVENT_BUS,
        SERVICE_CONFIG,
        GRAPH_CLIENT,
        SERVICE_CLOCK,
        SERVICE_METRICS,
        SERVICE_LOGGER,
        ErpIntake,
        OutboxRelayService,
        ...(definition.partnerScoped ? [PartnerDirectory] : []),
      ],
    };
  }
}
