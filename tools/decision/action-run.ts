import { SeededRandom, shuffled } from '@ordex/demo-data';
import {
  ACTION_FEATURES,
  ActionModel,
  actionFeatures,
  brierScore,
  DEFAULT_RISK_TRAINING,
  expectedActionValue,
  guardrailBreaches,
  predictLogisticBatch,
  rankActions,
  ranksByScore,
  rocAuc,
  trainActionModel,
  type ActionExample,
  type ActionModelArtifact,
} from '@ordex/decision';
import { simulatedCases, type SimulatedCase } from './action-history';
import type { RiskHistoryRow } from './risk-history';
import { progress } from './risk-examples';
import type { RiskRunOptions } from './risk-run';

/** The simulated cases of the earlier and the later orders. */
export async function caseHistory(
  split: { train: readonly RiskHistoryRow[]; heldOut: readonly RiskHistoryRow[] },
  seed: number,
  report: (line: string) => void = progress,
): Promise<{ train: SimulatedCase[]; heldOut: SimulatedCase[] }> {
  const train = await simulatedCases(split.train, seed);
  const heldOut = await simulatedCases(split.heldOut, seed);
  const taken = train.reduce((n, c) => n + c.taken.length, 0);
  report(
    `cases: ${train.length.toLocaleString('en')} earlier (${taken.toLocaleString('en')} actions taken), ${heldOut.length.toLocaleString('en')} later`,
  );
  return { train, heldOut };
}

/** The actions taken on the cases, as training examples, in a seeded random order. */
export function actionExamples(cases: readonly SimulatedCase[], seed: number): ActionExample[] {
  return shuffled(
    new SeededRandom(seed),
    cases.flatMap((kase) =>
      kase.taken.map((t) => ({
        input: kase.candidates[t.candidate].input,
        at: kase.at,
        succeeded: t.succeeded,
      })),
    ),
  );
}

/** Trains the action-outcome model on the actions taken on the earlier cases. */
export async function trainActionsOn(
  cases: readonly SimulatedCase[],
  options: RiskRunOptions,
  report: (line: string) => void = progress,
): Promise<ActionModelArtifact> {
  const started = Date.now();
  const examples = actionExamples(cases, options.seed);
  const artifact = await trainActionModel(
    examples,
    ACTION_FEATURES,
    { ...DEFAULT_RISK_TRAINING, epochs: options.epochs },
    (epoch, loss) => report(`training actions: epoch ${epoch}/${options.epochs}, loss ${loss.toFixed(4)}`),
  );
  report(
    `training actions: ${examples.length.toLocaleString('en')} actions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return artifact;
}

/** What a ranking would have done with the cases, the automation policy unchanged. */
export interface RankingOutcome {
  touchlessCases: number;
  /** Cases settled with no person: every exception's first-ranked action taken by policy, and it worked. */
  touchlessRate: number;
  /** First-ranked actions the policy takes without a person. */
  automatedActions: number;
  /** Of those, the ones refused, reworked or late: a person picks them up. */
  automatedFailures: number;
  automatedCost: number;
  /** Share of exceptions whose first-ranked action works, whoever takes it. */
  firstTimeRight: number;
  /** Mean days the first-ranked actions move the customer's date. */
  meanDateEffectDays: number;
  /** Guardrails crossed by actions taken without a person. */
  violations: number;
}

export interface ActionEvaluation {
  cases: number;
  exceptions: number;
  from: string;
  to: string;
  /** The success probability of the actions taken on the later cases: the model's, and the rules' confidence. */
  actionsScored: number;
  successRate: number;
  model: { auc: number; brier: number };
  rules: { auc: number; brier: number };
  rankings: { rules: RankingOutcome; value: RankingOutcome; learned: RankingOutcome };
  /** Later cases the learned ranking left in the rules' order (an input outside the model's range). */
  fallbacks: number;
}

/**
 * The action-outcome model and the learned ranking on the later cases: the model's success
 * probabilities against the rules' confidence on the actions actually taken (AUC, Brier), and
 * three rankings replayed under the same automation policy and the same world — the rules',
 * expected value on the rules' confidence (the value weighing alone, nothing learned) and
 * expected value on the model's probabilities (the learned ranking).
 */
export async function evaluateActions(
  artifact: ActionModelArtifact,
  heldOut: readonly SimulatedCase[],
): Promise<ActionEvaluation> {
  const taken = heldOut.flatMap((kase) => kase.taken.map((t) => ({ kase, t })));
  const labels = taken.map(({ t }) => (t.succeeded ? 1 : 0) as 0 | 1);
  const modelP = await predictLogisticBatch(
    artifact,
    taken.map(({ kase, t }) => actionFeatures(kase.candidates[t.candidate].input)),
  );
  const rulesP = taken.map(({ kase, t }) => kase.candidates[t.candidate].input.confidence);
  const model = new ActionModel(artifact);
  let fallbacks = 0;
  const learnedRanks = heldOut.map((kase) => {
    const decision = rankActions(model, kase.candidates, { budgetMs: Number.POSITIVE_INFINITY });
    if (decision.source === 'rules') fallbacks++;
    return decision.ranked.map((r) => r.rank);
  });
  return {
    cases: heldOut.length,
    exceptions: heldOut.reduce((n, c) => n + c.exceptions.length, 0),
    from: heldOut[0]?.at.toISOString() ?? '',
    to: heldOut[heldOut.length - 1]?.at.toISOString() ?? '',
    actionsScored: taken.length,
    successRate: round(labels.reduce<number>((a, b) => a + b, 0) / Math.max(1, labels.length)),
    model: { auc: round(rocAuc(modelP, labels)), brier: round(brierScore(modelP, labels)) },
    rules: { auc: round(rocAuc(rulesP, labels)), brier: round(brierScore(rulesP, labels)) },
    rankings: {
      rules: replayRanking(
        heldOut,
        heldOut.map((kase) => kase.candidates.map((c) => c.rulesRank)),
      ),
      value: replayRanking(
        heldOut,
        heldOut.map((kase) =>
          ranksByScore(kase.candidates, (i) =>
            expectedActionValue(kase.candidates[i].input.confidence, kase.candidates[i].input),
          ),
        ),
      ),
      learned: replayRanking(heldOut, learnedRanks),
    },
    fallbacks,
  };
}

/**
 * Replays a ranking over the cases: on each exception the first-ranked action is the one taken —
 * by policy when the automation policy lets it, by a person otherwise — and the world's draw says
 * whether it works. Every action policy takes is checked against the guardrails.
 */
export function replayRanking(
  cases: readonly SimulatedCase[],
  ranks: readonly (readonly number[])[],
): RankingOutcome {
  let touchless = 0;
  let automated = 0;
  let failures = 0;
  let cost = 0;
  let right = 0;
  let days = 0;
  let exceptions = 0;
  let violations = 0;
  cases.forEach((kase, k) => {
    let alone = 0;
    for (const exception of kase.exceptions) {
      const own = kase.candidates.flatMap((c, i) => (c.exception === exception ? [i] : []));
      const first = own.reduce((best, i) => (ranks[k][i] < ranks[k][best] ? i : best), own[0]);
      const chosen = kase.candidates[first];
      const works = chosen.draw < chosen.truth;
      exceptions++;
      days += chosen.input.dateEffectDays;
      if (works) right++;
      if (!chosen.input.automatable) continue;
      automated++;
      cost += chosen.input.cost;
      violations += guardrailBreaches(chosen.input).length;
      if (works) alone++;
      else failures++;
    }
    if (alone === kase.exceptions.length) touchless++;
  });
  return {
    touchlessCases: touchless,
    touchlessRate: round(touchless / Math.max(1, cases.length)),
    automatedActions: automated,
    automatedFailures: failures,
    automatedCost: Math.round(cost * 100) / 100,
    firstTimeRight: round(right / Math.max(1, exceptions)),
    meanDateEffectDays: round(days / Math.max(1, exceptions)),
    violations,
  };
}

/** The evaluation as tables. */
export function actionEvaluationTable(e: ActionEvaluation): string {
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const widths = [34, 11, 11, 11];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('');
  const { rules, value, learned } = e.rankings;
  const row = (name: string, pick: (o: RankingOutcome) => string) =>
    line([name, pick(rules), pick(value), pick(learned)]);
  return [
    `held out: ${e.cases.toLocaleString('en')} later cases, ${e.exceptions.toLocaleString('en')} exceptions (${e.from.slice(0, 10)} … ${e.to.slice(0, 10)})`,
    `action outcome on the ${e.actionsScored.toLocaleString('en')} actions taken (${percent(e.successRate)} worked)`,
    `${''.padEnd(8)} ${'AUC'.padStart(8)} ${'Brier'.padStart(8)}`,
    `${'model'.padEnd(8)} ${e.model.auc.toFixed(4).padStart(8)} ${e.model.brier.toFixed(4).padStart(8)}`,
    `${'rules'.padEnd(8)} ${e.rules.auc.toFixed(4).padStart(8)} ${e.rules.brier.toFixed(4).padStart(8)}   (the recommender's confidence)`,
    '',
    `rankings under automation policy v1`,
    line(['', 'rules', 'value', 'learned']),
    row('touchless rate', (o) => percent(o.touchlessRate)),
    row('touchless cases', (o) => o.touchlessCases.toLocaleString('en')),
    row('actions taken without a person', (o) => o.automatedActions.toLocaleString('en')),
    row('  of which failed', (o) => o.automatedFailures.toLocaleString('en')),
    row('  their cost', (o) => o.automatedCost.toFixed(2)),
    row('first-ranked action works', (o) => percent(o.firstTimeRight)),
    row('mean days late (first-ranked)', (o) => o.meanDateEffectDays.toFixed(2)),
    row('policy violations', (o) => String(o.violations)),
    `value: expected value on the rules' confidence; learned: on the model's (${e.fallbacks} case(s) fell back to the rules)`,
  ].join('\n');
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
