import { readFileSync } from 'node:fs';
import { parseActionModelArtifact, parseRiskModelArtifact } from '@ordex/decision';
import { actionEvaluationTable, caseHistory, evaluateActions, trainActionsOn } from './action-run';
import { evaluateNoteTriage, noteTriageTable, simulatedNotes } from './note-triage-run';
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

const USAGE = `npm run eval -- [--model FILE] [--action-model FILE] [options]

Evaluates ordex's two learned models on held-out later history against the rules they improve on.
Service risk: ROC AUC, Brier score and log loss against the rules-only baseline, overall and in each
customer segment and tier, with bias flags and the drift of the features (PSI). Action outcome: AUC
and Brier against the recommender's confidence on the actions taken, and the touchless rate, cost,
first-time-right rate and policy violations of three rankings replayed under the same automation
policy — the rules', expected value on the rules' confidence, and the learned ranking. Text triage:
the shipped model on the simulator's order notes (accuracy and macro-F1 on notes about a category,
the share of neutral notes left without one). Without a
model file it trains one on the earlier history first. The last line is one JSON object with the figures.
  --model FILE         a service-risk model written by npm run train
  --action-model FILE  an action-outcome model written by npm run train
${RISK_RUN_USAGE}`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options, file, actionFile } = parseRiskRun(process.argv.slice(2), 'model');
  const split = riskHistory(options);
  const { train, heldOut } = split;
  const artifact = file
    ? parseRiskModelArtifact(JSON.parse(readFileSync(file, 'utf8')))
    : await trainOn(train, options);
  const after = Date.parse(artifact.trainingWindow.to);
  const later = heldOut.filter((r) => r.input.orderedAt.getTime() > after);
  if (later.length === 0)
    throw new Error(`no held-out order after ${artifact.trainingWindow.to}: follow more --orders`);
  const scored = await scoreHeldOut(artifact, later);
  const result = evaluateScores(later, scored);
  const oversight = oversee(train, later, scored);
  process.stdout.write(`service risk\n${evaluationTable(result)}\n\n${oversightTable(oversight)}\n\n`);

  const cases = await caseHistory(split, options.seed);
  const actionArtifact = actionFile
    ? parseActionModelArtifact(JSON.parse(readFileSync(actionFile, 'utf8')))
    : await trainActionsOn(cases.train, options);
  const actionsAfter = Date.parse(actionArtifact.trainingWindow.to);
  const laterCases = cases.heldOut.filter((c) => c.at.getTime() > actionsAfter);
  if (laterCases.length === 0)
    throw new Error(`no held-out case after ${actionArtifact.trainingWindow.to}: follow more --orders`);
  const actions = await evaluateActions(actionArtifact, laterCases);
  process.stdout.write(`action outcome and ranking\n${actionEvaluationTable(actions)}\n\n`);

  const triage = await evaluateNoteTriage(simulatedNotes(options));
  process.stdout.write(
    `text triage of the simulator's order notes (the shipped model)\n${noteTriageTable(triage)}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      modelVersion: artifact.version,
      heldOutOrders: result.orders,
      lateRate: result.lateRate,
      model: result.model,
      rules: result.rules,
      ...oversightSummary(oversight),
      actions: {
        modelVersion: actionArtifact.version,
        heldOutCases: actions.cases,
        actionsScored: actions.actionsScored,
        model: actions.model,
        rules: actions.rules,
        rankings: actions.rankings,
        fallbacks: actions.fallbacks,
      },
      triage: {
        notes: triage.categorised.examples,
        accuracy: triage.categorised.accuracy,
        macroF1: triage.categorised.macroF1,
        abstained: triage.categorised.abstained,
        neutralNotes: triage.neutral.notes,
        neutralLeftAlone: triage.neutral.leftAlone,
      },
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
