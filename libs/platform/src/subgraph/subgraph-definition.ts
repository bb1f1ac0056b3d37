import type { Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EventBus } from '../bus/event-bus';
import type { SubgraphConfig } from '../config/config.schema';
import type { EntityClass, MigrationClass } from '../database/data-source.factory';
import type { EmbeddedPostgres } from '../database/embedded-postgres';
import type { GraphClient } from '../graph-client/graph-client';
import type { InternalIdentityVerifier } from '../identity/internal-identity';

/** What a subgraph app declares about itself; the platform builds the running service from it. */
export interface SubgraphDefinition {
  /** Service name, also its database schema and its metrics label. */
  name: string;
  defaultPort: number;
  /** The app's root feature module. */
  module: Type<unknown>;
  /**
   * The module every GraphQL type of this subgraph names in `registerIn`. Nest keeps one type
   * registry per process; the scope keeps each subgraph's schema to its own types when several
   * subgraphs share a process (embedded mode), where two of them both declare e.g. `OrderLine`.
   */
  schemaScope: Type<unknown>;
  /**
   * Entity types this subgraph extends (adds fields to) that none of its own fields return, such
   * as `OrderLine` in inventory: code-first schemas only contain reachable types otherwise.
   */
  extendedTypes?: Type<unknown>[];
  entities: EntityClass[];
  migrations: MigrationClass[];
  /**
   * Whether this subgraph's data belongs to customers that partner systems may act for: it then
   * keeps the partner directory (PartnerDirectory) and narrows partner identities' queries.
   */
  partnerScoped?: boolean;
  /**
   * Whether the service reads the federated graph as itself (GraphClient): on its own it then
   * needs GRAPH_URL and the OAuth client credentials GRAPH_TOKEN_URL, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET.
   */
  readsGraph?: boolean;
}

/** The parts a host hands to a subgraph: production connections or the embedded stack's. */
export interface SubgraphRuntime {
  config: SubgraphConfig;
  bus: EventBus;
  embedded?: EmbeddedPostgres;
  logger: Logger;
  /** Checks that a request came through the gateway and says who is asking. */
  identityVerifier: InternalIdentityVerifier;
  /** Reads the federated graph as the service itself; absent where no gateway is configured. */
  graph?: GraphClient;
  /** The service's clock; the wall clock when absent (a host may run services in simulated time). */
  clock?: () => Date;
}
