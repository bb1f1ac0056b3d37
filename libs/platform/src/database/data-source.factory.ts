import { DataSource, DataSourceOptions, Logger as TypeOrmLogger, MigrationInterface } from 'typeorm';
import { EmbeddedPostgres } from './embedded-postgres';
import { ProcessedEvents1764201600000 } from './migrations/1764201600000-processed-events';
import { Outbox1764201600001 } from './migrations/1764201600001-outbox';

export type EntityClass = new () => object;
export type MigrationClass = new () => MigrationInterface;

export interface ServiceDatabaseOptions {
  /** The service's own schema: a service never reads another service's tables. */
  schema: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** PostgreSQL (production). */
  url?: string;
  poolSize?: number;
  /** PGlite (embedded mode), used when no URL is given. */
  embedded?: EmbeddedPostgres;
  applicationName?: string;
  /** Sees every statement (the subgraphs count them: ordex_db_statements_total). */
  logger?: TypeOrmLogger;
}

/** TypeORM options for one service: the same entities, migrations and SQL in both run modes. */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    schema: options.schema,
    entities: options.entities,
    // The platform's own tables (processed events, outbox) come first, in every service's schema.
    migrations: [ProcessedEvents1764201600000, Outbox1764201600001, ...options.migrations],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName ?? `ordex-${options.schema}`,
    ...(options.logger ? { logger: options.logger } : {}),
  };
  if (options.url) {
    return { ...common, url: options.url, poolSize: options.poolSize ?? 10 };
  }
  if (!options.embedded) {
    throw new Error(
      `database for ${options.schema}: neither a PostgreSQL URL nor an embedded database was given`,
    );
  }
  return {
    ...common,
    driver: options.embedded.driver(),
    // PGlite has gen_random_uuid() built in but no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: 1,
  };
}

/**
 * Creates the service's schema and applies its pending migrations. On a shared PostgreSQL a
 * session-level advisory lock, held on its own connection for the whole run, makes instances
 * that start together migrate once; the embedded database belongs to one process and needs none.
 */
export async function migrateServiceSchema(
  dataSource: DataSource,
  schema: string,
  { lock }: { lock: boolean },
): Promise<string[]> {
  const createSchema = `CREATE SCHEMA IF NOT EXISTS "${schema}"`;
  if (!lock) {
    await dataSource.query(createSchema);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const holder = dataSource.createQueryRunner();
  await holder.connect();
  const key = `ordex.migrations.${schema}`;
  try {
    await holder.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    await holder.query(createSchema);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await holder.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await holder.release();
  }
}
