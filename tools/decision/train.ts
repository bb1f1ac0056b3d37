import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { actionEvaluationTable, caseHistory, evaluateActions, trainActionsOn } from './action-run';
import { evaluate, evaluationTable, parseRiskRun, RISK_RUN_USAGE, riskHistory, trainOn } from './risk-run';
import { FROM_GRAPH_USAGE, trainFromGraph } from './train-from-graph';

const USAGE = `npm run train -- [--out FILE] [--action-out FILE] [options]

Trains ordex's two learned models on the ERP simulator's history — the earlier orders are learned
from, the later ones held out and scored: the service-risk model (the probability that an order
misses its promised date) and the action-outcome model (the probability that a recommended action
succeeds: taken without being refused or reworked, and on time), which the learned ranking uses.
Writes each model (weights, features, training window, data fingerprint, held-out metrics) as JSON.
  --out FILE         where the service-risk model goes (default tmp/models/service-risk.json)
  --action-out FILE  where the action-outcome model goes (default tmp/models/action-outcome.json)
${RISK_RUN_USAGE}

${FROM_GRAPH_USAGE}`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (process.argv.includes('--from-graph')) return trainFromGraph(process.argv.slice(2));
  const { options, file, actionFile } = parseRiskRun(process.argv.slice(2), 'out');
  const out = file ?? 'tmp/models/service-risk.json';
  const actionOut = actionFile ?? 'tmp/models/action-outcome.json';
  const split = riskHistory(options);
  const { train, heldOut } = split;
  const artifact = await trainOn(train, options);
  const heldOutMetrics = await evaluate(artifact, heldOut);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...artifact, heldOut: heldOutMetrics }, null, 2)}\n`);
  process.stdout.write(`${evaluationTable(heldOutMetrics)}\nwrote ${artifact.version} to ${out}\n\n`);

  const cases = await caseHistory(split, options.seed);
  const actionArtifact = await trainActionsOn(cases.train, options);
  const actionMetrics = await evaluateActions(actionArtifact, cases.heldOut);
  mkdirSync(dirname(actionOut), { recursive: true });
  writeFileSync(actionOut, `${JSON.stringify({ ...actionArtifact, heldOut: actionMetrics }, null, 2)}\n`);
  process.stdout.write(
    `${actionEvaluationTable(actionMetrics)}\nwrote ${actionArtifact.version} to ${actionOut}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      version: artifact.version,
      out,
      rows: artifact.rows,
      heldOut: heldOutMetrics,
      actions: {
        version: actionArtifact.version,
        out: actionOut,
        rows: actionArtifact.rows,
        heldOut: actionMetrics,
      },
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
