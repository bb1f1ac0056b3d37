import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { graphRequest } from './graph-request';

const USAGE = `npm run backtest -- --table FILE [--from ISO] [--to ISO] [--graphql URL] [--token T]

Replays a candidate automation-policy table (a GoRules JDM document, as publishDecisionTable takes
it) over the first assessments of past cases through ordex's graph, and prints what it would have
done beside the policy in force: touchless rate, actions taken alone and their cost, the service
risk of the cases it settled alone, and the guardrails it crosses. Nothing is published. The last
line is one JSON object with both outcomes.
  --table FILE   the candidate table (JSON)
  --from, --to   the cases opened in [from, to) (default: all, the earliest 5,000)
  --graphql URL  the gateway (default $ORDEX_GRAPHQL_URL or http://localhost:4000/graphql)
  --token T      a bearer token with governance:read (default $ORDEX_TOKEN)`;

const QUERY = `query($content: String!, $from: String, $to: String) {
  backtestAutomationPolicy(content: $content, from: $from, to: $to) {
    cases skippedCases guardrails
    baseline { ...outcome }
    candidate { ...outcome }
  }
}
fragment outcome on PolicyOutcome {
  touchlessCases touchlessRate automatedActions automatedCost meanRiskTouchless violationCount
  violations { orderNumber action guardrail detail }
}`;

interface Outcome {
  touchlessCases: number;
  touchlessRate: number;
  automatedActions: number;
  automatedCost: number;
  meanRiskTouchless: number | null;
  violationCount: number;
  violations: { orderNumber: string; action: string; guardrail: string; detail: string }[];
}

interface Backtest {
  cases: number;
  skippedCases: number;
  guardrails: string;
  baseline: Outcome;
  candidate: Outcome;
}

/** The comparison as a table, then the violations the candidate would have caused. */
export function backtestReport(b: Backtest): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (name: string, o: Outcome) =>
    `${name.padEnd(10)} ${pct(o.touchlessRate).padStart(9)} ${String(o.automatedActions).padStart(8)} ${o.automatedCost
      .toFixed(2)
      .padStart(
        10,
      )} ${(o.meanRiskTouchless === null ? '—' : o.meanRiskTouchless.toFixed(3)).padStart(10)} ${String(
      o.violationCount,
    ).padStart(10)}`;
  return [
    `${b.cases} cases replayed${b.skippedCases ? ` (${b.skippedCases} skipped: assessed before date and margin effects were recorded)` : ''}; guardrails ${b.guardrails}`,
    `${''.padEnd(10)} ${'touchless'.padStart(9)} ${'actions'.padStart(8)} ${'cost'.padStart(10)} ${'risk'.padStart(10)} ${'violations'.padStart(10)}`,
    row('in force', b.baseline),
    row('candidate', b.candidate),
    ...b.candidate.violations.map((v) => `  ${v.guardrail}: ${v.orderNumber} ${v.action} — ${v.detail}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      graphql: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.table) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 64;
    return;
  }
  const { backtestAutomationPolicy: result } = await graphRequest<{ backtestAutomationPolicy: Backtest }>(
    values,
    QUERY,
    { content: readFileSync(values.table, 'utf8'), from: values.from ?? null, to: values.to ?? null },
  );
  process.stdout.write(`${backtestReport(result)}\n`);
  const summary = (o: Outcome) => ({ ...o, violations: undefined });
  process.stdout.write(
    `${JSON.stringify({ cases: result.cases, skippedCases: result.skippedCases, baseline: summary(result.baseline), candidate: summary(result.candidate) })}\n`,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
