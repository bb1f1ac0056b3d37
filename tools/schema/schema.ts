import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedStack } from '../embedded/embedded-stack';
import { SUBGRAPH_NAMES, subgraphSchemaFile, SUPERGRAPH_FILE, workspaceRoot } from '../embedded/workspace';
import { composeSupergraph, fetchSdl, SubgraphSdl } from './compose-supergraph';

/**
 * `npm run schema` writes each subgraph's SDL (as its `_service { sdl }` reports it) and the
 * composed supergraph; `npm run schema:check` fails when either is stale or composition fails.
 * Subgraph URLs in the supergraph are the production defaults; the gateway maps them at run time.
 */
const DEFAULT_PORTS: Record<string, number> = {
  orders: 4001,
  inventory: 4002,
  pricing: 4003,
  logistics: 4004,
  cases: 4005,
  analytics: 4006,
};

async function main(check: boolean): Promise<number> {
  const root = workspaceRoot();
  const stack = await startEmbeddedStack({ gateway: false, demo: 'none', logLevel: 'error' });
  const subgraphs: SubgraphSdl[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) {
      const url = stack.subgraphUrls[name];
      if (!url) throw new Error(`${name} did not start`);
      subgraphs.push({
        name,
        url: `http://${name}:${DEFAULT_PORTS[name]}/graphql`,
        sdl: await fetchSdl(url, await stack.subgraphHeaders({ subject: 'ordex-schema-tool', roles: [] })),
      });
    }
  } finally {
    await stack.stop();
  }
  const { supergraphSdl, errors } = composeSupergraph(subgraphs);
  if (errors.length || !supergraphSdl) {
    process.stderr.write(`composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 1;
  }
  const files = [
    ...subgraphs.map((s) => ({ path: subgraphSchemaFile(s.name as never), content: s.sdl })),
    { path: SUPERGRAPH_FILE, content: `${supergraphSdl.trim()}\n` },
  ];
  let stale = 0;
  for (const file of files) {
    const absolute = join(root, file.path);
    let current = '';
    try {
      current = readFileSync(absolute, 'utf8');
    } catch {
      current = '';
    }
    if (current === file.content) continue;
    if (check) {
      stale++;
      process.stderr.write(`stale: ${file.path} (run npm run schema and commit the result)\n`);
    } else {
      writeFileSync(absolute, file.content);
      process.stdout.write(`wrote ${file.path}\n`);
    }
  }
  if (!stale)
    process.stdout.write(
      `${check ? 'up to date' : 'done'}: ${subgraphs.length} subgraph SDLs and the supergraph compose cleanly\n`,
    );
  return stale ? 1 : 0;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`schema: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
