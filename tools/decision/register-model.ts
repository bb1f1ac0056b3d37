import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { graphRequest } from './graph-request';

const USAGE = `npm run register-model -- --model FILE [--graphql URL] [--token T]

Registers a model written by npm run train in ordex's model registry as a SHADOW version, through
the graph. Someone else (with models:manage) promotes it to champion with promoteModelVersion.
The last line is one JSON object: the model, its version and its stage.
  --model FILE   the model (JSON)
  --graphql URL  the gateway (default $ORDEX_GRAPHQL_URL or http://localhost:4000/graphql)
  --token T      a bearer token with models:manage (default $ORDEX_TOKEN)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      graphql: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.model) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 64;
    return;
  }
  const { registerModelVersion: v } = await graphRequest<{
    registerModelVersion: {
      model: string;
      version: string;
      stage: string;
      registeredBy: string;
      metrics: string;
    };
  }>(
    values,
    'mutation($a: String!) { registerModelVersion(artifact: $a) { model version stage registeredBy metrics } }',
    {
      a: readFileSync(values.model, 'utf8'),
    },
  );
  process.stdout.write(
    `registered ${v.model} ${v.version} as ${v.stage} (by ${v.registeredBy}); metrics ${v.metrics}\n`,
  );
  process.stdout.write(`${JSON.stringify({ model: v.model, version: v.version, stage: v.stage })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
