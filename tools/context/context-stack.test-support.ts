import { createEvent, ERP_EVENTS, ErpEventPayloads, ErpEventType, EventEnvelope } from '@ordex/contracts';
import type { Role } from '@ordex/platform';
import { createTestDatabase, graphql, GraphQLResponse, TestDatabase } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';
import type { SubgraphName } from '../embedded/workspace';

/** The subgraphs that answer the operational context of an order. */
export const CONTEXT_SUBGRAPHS: readonly SubgraphName[] = ['orders', 'inventory', 'pricing', 'logistics'];

export interface ContextStack {
  stack: EmbeddedStack;
  database: TestDatabase;
  /** Publishes ERP events (as the ERP would) and waits until every service has applied them. */
  load(events: EventEnvelope<unknown>[]): Promise<void>;
  /** A query through the gateway as a user of the given roles (admin by default). */
  ask<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    roles?: Role[],
  ): Promise<GraphQLResponse<T>>;
  /** Statements each subgraph has sent to PostgreSQL while answering GraphQL requests. */
  graphqlStatements(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

let sequence = 0;

/** An ERP event with a fresh id, keyed as the intake contract says. */
export function erp<K extends ErpEventType>(type: K, payload: ErpEventPayloads[K]): EventEnvelope<unknown> {
  return createEvent(type, ERP_EVENTS[type].key(payload), payload, {
    source: 'ordex-test-erp',
    id: `ctx-${process.pid}-${++sequence}`,
  });
}

/**
 * The context subgraphs and the gateway in one process on a throwaway PostgreSQL database
 * (its name says test), with the supergraph composed from the running subgraphs. Fixtures come
 * in as ERP events through the real intake.
 */
export async function startContextStack(
  subgraphs: readonly SubgraphName[] = CONTEXT_SUBGRAPHS,
): Promise<ContextStack> {
  const database = await createTestDatabase();
  let stack: EmbeddedStack;
  try {
    stack = await startEmbeddedStack({
      databaseUrl: database.url,
      liveSupergraph: true,
      subgraphs,
      demo: 'none',
      port: 0,
      logLevel: 'silent',
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    stack,
    database,
    load: async (events) => {
      for (const event of events) await stack.publish(event);
      await stack.idle();
    },
    ask: async (query, variables = {}, roles = ['admin']) =>
      graphql(stack.gatewayUrl!, query, variables, {
        authorization: `Bearer ${await stack.token({ roles })}`,
      }),
    graphqlStatements: async () => {
      const counts: Record<string, number> = {};
      for (const [name, url] of Object.entries(stack.subgraphUrls)) {
        const metrics = await (await fetch(url!.replace('/graphql', '/metrics'))).text();
        const line = metrics
          .split('\n')
          .find((l) => l.startsWith('ordex_db_statements_total{') && l.includes('origin="graphql"'));
        counts[name] = line ? Number(line.split(' ').pop()) : 0;
      }
      return counts;
    },
    stop: async () => {
      await stack.stop();
      await database.drop();
    },
  };
}
