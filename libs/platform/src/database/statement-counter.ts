import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Counter } from 'prom-client';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Marks the async context of a GraphQL request, so its SQL statements are told from background work. */
const graphqlRequest = new AsyncLocalStorage<true>();

/** Express middleware: SQL run while this request is answered counts as `origin="graphql"`. */
export function sqlStatementScope(_req: Request, _res: Response, next: NextFunction): void {
  graphqlRequest.run(true, next);
}

/**
 * A TypeORM logger that counts every statement a service sends to the database, by origin:
 * `graphql` (answering a request) or `background` (event consumers, outbox relay, schedulers).
 * The per-request count shows N+1 queries the moment they appear (see ordex_db_statements_total).
 */
export class StatementCountingLogger implements TypeOrmLogger {
  constructor(private readonly statements: Counter<'origin'>) {}

  logQuery(): void {
    this.statements.inc({ origin: graphqlRequest.getStore() ? 'graphql' : 'background' });
  }

  logQueryError(): void {
    // Failures reach the caller as errors and are logged there.
  }

  logQuerySlow(): void {
    // Latency is measured per request (ordex_http_request_duration_seconds).
  }

  logSchemaBuild(): void {
    // Schemas are built by migrations, which log what they applied.
  }

  logMigration(): void {
    // Applied migrations are logged by the subgraph once the run finishes.
  }

  log(): void {
    // TypeORM's informational messages carry nothing operators act on.
  }
}
