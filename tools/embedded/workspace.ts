import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SubgraphDefinition } from '@ordex/platform';

export const SUBGRAPH_NAMES = ['orders', 'inventory', 'pricing', 'logistics', 'cases', 'analytics'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The repository root, from sources (tools/…) or from the build (dist/tools/…). */
export function workspaceRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'ordex') return dir;
  }
  throw new Error(`ordex workspace root not found above ${from}`);
}

export const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

export function subgraphSchemaFile(name: SubgraphName): string {
  return `apps/${name}/schema.graphql`;
}

/**
 * Loads a subgraph app's definition. Apps never import apps, so the embedded host (a tool, not an
 * app) loads them at run time from where they sit beside it: apps/ next to tools/ in the sources
 * and in the build output alike.
 */
export function loadSubgraphDefinition(name: SubgraphName): SubgraphDefinition {
  const modulePath = resolve(__dirname, '../../apps', name, 'src', 'subgraph');
  const exported = (require(modulePath) as Record<string, SubgraphDefinition>)[`${name}Subgraph`];
  if (!exported) throw new Error(`apps/${name}/src/subgraph does not export ${name}Subgraph`);
  return exported;
}
