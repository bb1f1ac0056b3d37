import { parseArgs } from 'node:util';
import { ActionModel, decideServiceRisk, rankActions, RiskModel } from '@ordex/decision';
import { caseHistory, trainActionsOn } from '../decision/action-run';
import { progress } from '../decision/risk-examples';
import { riskHistory, trainOn } from '../decision/risk-run';

/**
 * `npm run bench:models`: what the learned models add to a case decision — the service-risk
 * decision (features, probability, explanation, training-range check, the rules beside it) and
 * the learned ranking of the case's recommendations (features, success probability, expected
 * value and explanation per action, range checks) — timed one case at a time over the held-out
 * cases of the simulator's history, after a warm-up. Target: p99 ≤ 2 ms per case decision. The
 * last line is one JSON object with at least p99Ms.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      decisions: { type: 'string', default: '200000' },
      orders: { type: 'string', default: '6000' },
    },
  });
  const decisions = Number(values.decisions);
  const orders = Number(values.orders);
  if (!Number.isInteger(decisions) || decisions < 1000)
    throw new Error('--decisions must be a whole number from 1000');
  const options = { orders, seed: 11, start: '2026-09-01', trainShare: 0.7, epochs: 30 };
  const split = riskHistory(options);
  const riskModel = new RiskModel(await trainOn(split.train, options));
  const cases = await caseHistory(split, options.seed);
  const actionModel = new ActionModel(await trainActionsOn(cases.train, options));
  const byOrder = new Map(split.heldOut.map((r) => [r.orderNumber, r.input]));
  const work = cases.heldOut.map((kase) => ({
    risk: byOrder.get(kase.orderNumber) ?? split.heldOut[0].input,
    candidates: kase.candidates,
  }));
  // Budgets no call reaches: every decision runs the models, the slow path is what is measured.
  const riskPolicy = { budgetMs: Number.POSITIVE_INFINITY, unsureBand: 0.02 };
  const ranking = { budgetMs: Number.POSITIVE_INFINITY };
  const decide = (i: number) => {
    const { risk, candidates } = work[i % work.length];
    return [
      decideServiceRisk(riskModel, risk, riskPolicy),
      rankActions(actionModel, candidates, ranking),
    ] as const;
  };
  for (let i = 0; i < 20_000; i++) decide(i);

  const timings = new Float64Array(decisions);
  const sources = { risk: { model: 0, rules: 0 }, ranking: { model: 0, rules: 0 } };
  let actions = 0;
  let last = Date.now();
  for (let i = 0; i < decisions; i++) {
    const started = process.hrtime.bigint();
    const [risk, ranked] = decide(i);
    timings[i] = Number(process.hrtime.bigint() - started) / 1e6;
    sources.risk[risk.source]++;
    sources.ranking[ranked.source]++;
    actions += ranked.ranked.length;
    if (Date.now() - last > 2_000) {
      last = Date.now();
      progress(`timing: ${i.toLocaleString('en')}/${decisions.toLocaleString('en')} case decisions`);
    }
  }
  timings.sort();
  const at = (q: number) => timings[Math.min(decisions - 1, Math.ceil(q * decisions) - 1)];
  const result = {
    decisions,
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(timings[decisions - 1]),
    meanActionsPerCase: Math.round((actions / decisions) * 100) / 100,
    risk: {
      ...sources.risk,
      modelVersion: riskModel.artifact.version,
      features: riskModel.artifact.features.length,
    },
    ranking: {
      ...sources.ranking,
      modelVersion: actionModel.artifact.version,
      features: actionModel.artifact.features.length,
    },
  };
  process.stdout.write(
    `case decision (service risk + ranking of ${result.meanActionsPerCase} actions on average) over ${decisions.toLocaleString('en')} cases\n` +
      `  service risk: ${sources.risk.model} by the model, ${sources.risk.rules} by the rules (out of range or too close to call)\n` +
      `  ranking: ${sources.ranking.model} by the model, ${sources.ranking.rules} by the rules (out of range)\n` +
      `  p50 ${result.p50Ms} ms   p90 ${result.p90Ms} ms   p99 ${result.p99Ms} ms   max ${result.maxMs} ms   (target p99 ≤ 2 ms)\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function round(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
