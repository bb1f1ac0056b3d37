import type { Type } from '@nestjs/common';

/**
 * Declares a subgraph's schema scope: a marker class that the subgraph's GraphQL types name in
 * `registerIn` (see {@link SubgraphDefinition.schemaScope}).
 */
export function defineSchemaScope(name: string): Type<unknown> {
  return { [name]: class {} }[name];
}
