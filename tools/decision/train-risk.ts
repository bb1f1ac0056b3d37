import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { evaluate, evaluationTable, parseRiskRun, RISK_RUN_USAGE, riskHistory, trainOn } from './risk-run';

const USAGE = `npm run train -- [--out FILE] [options]

Trains the service-risk model (the probability that an order misses its promised date) on the
ERP simulator's history: the earlier orders are learned from, the later ones held out and scored.
Writes the model (weights, features, training window, data fingerprint, held-out metrics) as JSON.
  --out FILE        where the model goes (default tmp/models/service-risk.json)
${RISK_RUN_USAGE}`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options, file } = parseRiskRun(process.argv.slice(2), 'out');
  const out = file ?? 'tmp/models/service-risk.json';
  const { train, heldOut } = riskHistory(options);
  const artifact = await trainOn(train, options);
  const heldOutMetrics = await evaluate(artifact, heldOut);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...artifact, heldOut: heldOutMetrics }, null, 2)}\n`);
  process.stdout.write(`${evaluationTable(heldOutMetrics)}\nwrote ${artifact.version} to ${out}\n`);
  process.stdout.write(
    `${JSON.stringify({ version: artifact.version, out, rows: artifact.rows, heldOut: heldOutMetrics })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
