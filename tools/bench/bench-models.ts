import { parseArgs } from 'node:util';
import { decideServiceRisk, RiskModel, type ServiceRiskDecision } from '@ordex/decision';
import { progress } from '../decision/risk-examples';
import { riskHistory, trainOn } from '../decision/risk-run';

/**
 * `npm run bench:models`: what the service-risk decision adds to a case decision — features,
 * the model's probability and explanation, its training-range check and the rules beside it —
 * timed one decision at a time over the held-out orders of the simulator's history, after a
 * warm-up. Target: p99 ≤ 2 ms. The last line is one JSON object with at least p99Ms.
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
  const { train, heldOut } = riskHistory(options);
  const model = new RiskModel(await trainOn(train, options));
  const inputs = heldOut.map((r) => r.input);
  // A budget no call reaches: every decision runs the model, the slow path is what is measured.
  const policy = { budgetMs: Number.POSITIVE_INFINITY, unsureBand: 0.02 };
  for (let i = 0; i < 20_000; i++) decideServiceRisk(model, inputs[i % inputs.length], policy);

  const timings = new Float64Array(decisions);
  const sources = { model: 0, rules: 0 };
  let last = Date.now();
  for (let i = 0; i < decisions; i++) {
    const started = process.hrtime.bigint();
    const decision: ServiceRiskDecision = decideServiceRisk(model, inputs[i % inputs.length], policy);
    timings[i] = Number(process.hrtime.bigint() - started) / 1e6;
    sources[decision.source]++;
    if (Date.now() - last > 2_000) {
      last = Date.now();
      progress(`timing: ${i.toLocaleString('en')}/${decisions.toLocaleString('en')} decisions`);
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
    byModel: sources.model,
    byRules: sources.rules,
    modelVersion: model.artifact.version,
    features: model.artifact.features.length,
  };
  process.stdout.write(
    `service-risk decision over ${decisions.toLocaleString('en')} calls (${sources.model} by the model, ${sources.rules} by the rules: out of range or too close to call)\n` +
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
