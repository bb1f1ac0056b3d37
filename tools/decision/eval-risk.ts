import { readFileSync } from 'node:fs';
import type { RiskModelArtifact } from '@ordex/decision';
import {
  evaluateScores,
  evaluationTable,
  oversee,
  oversightSummary,
  oversightTable,
  parseRiskRun,
  RISK_RUN_USAGE,
  riskHistory,
  scoreHeldOut,
  trainOn,
} from './risk-run';

const USAGE = `npm run eval -- [--model FILE] [options]

Scores the service-risk model against the rules-only baseline on held-out later history: ROC AUC
(ranking), Brier score and log loss (probabilities), overall and in each customer segment and tier;
flags the groups the model serves worse than the rest, and measures how far the held-out orders'
features have drifted from the training orders' (PSI). Without --model it trains one on the earlier
history first. The last line is one JSON object with the figures, the bias flags and the drift.
  --model FILE      a model written by npm run train (evaluated on the orders after its window)
${RISK_RUN_USAGE}`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options, file } = parseRiskRun(process.argv.slice(2), 'model');
  const { train, heldOut } = riskHistory(options);
  const artifact: RiskModelArtifact = file
    ? (JSON.parse(readFileSync(file, 'utf8')) as RiskModelArtifact)
    : await trainOn(train, options);
  const after = Date.parse(artifact.trainingWindow.to);
  const later = heldOut.filter((r) => r.input.orderedAt.getTime() > after);
  if (later.length === 0)
    throw new Error(`no held-out order after ${artifact.trainingWindow.to}: follow more --orders`);
  const scored = await scoreHeldOut(artifact, later);
  const result = evaluateScores(later, scored);
  const oversight = oversee(train, later, scored);
  process.stdout.write(`${evaluationTable(result)}\n\n${oversightTable(oversight)}\n`);
  process.stdout.write(
    `${JSON.stringify({
      modelVersion: artifact.version,
      heldOutOrders: result.orders,
      lateRate: result.lateRate,
      model: result.model,
      rules: result.rules,
      ...oversightSummary(oversight),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
