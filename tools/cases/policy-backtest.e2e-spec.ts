import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Role } from '@ordex/platform';
import { eventually, graphql } from '@ordex/testing';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(180_000);

const AS_OF = new Date('2026-11-27T06:00:00Z');
const CLI = join(__dirname, '../../dist/tools/decision/backtest-policy.js');

interface Outcome {
  touchlessCases: number;
  touchlessRate: number;
  automatedActions: number;
  automatedCost: number;
  violationCount: number;
  violations: { orderNumber: string; action: string; guardrail: string }[];
}
interface Backtest {
  cases: number;
  skippedCases: number;
  baseline: Outcome;
  candidate: Outcome;
}

const QUERY = `query($content: String!) { backtestAutomationPolicy(content: $content) {
  cases skippedCases
  baseline { touchlessCases touchlessRate automatedActions automatedCost violationCount violations { orderNumber action guardrail } }
  candidate { touchlessCases touchlessRate automatedActions automatedCost violationCount violations { orderNumber action guardrail } }
} }`;

/** A candidate automation policy replayed over the demo distributor's cases through the gateway and the CLI. */
describe('automation policy backtest', () => {
  let stack: EmbeddedStack;
  let inForce: string;
  const as = async <T>(roles: Role[], query: string, variables: Record<string, unknown> = {}) => {
    const token = await stack.token({ roles });
    return graphql<T>(stack.gatewayUrl!, query, variables, { authorization: `Bearer ${token}` });
  };
  const backtest = async (content: string) => {
    const { data, errors } = await as<{ backtestAutomationPolicy: Backtest }>(['data-stewardship'], QUERY, {
      content,
    });
    if (errors) throw new Error(errors[0].message);
    return data!.backtestAutomationPolicy;
  };

  beforeAll(async () => {
    process.env.DETECTION_SETTLE_DELAY_MS = '100';
    process.env.DETECTION_POLL_INTERVAL_MS = '100';
    stack = await startEmbeddedStack({ port: 0, demo: 'small', logLevel: 'silent', clock: () => AS_OF });
    await stack.idle();
    await eventually(async () => {
      const [row] = await stack.sql<{ n: string }>(
        "SELECT count(*) AS n FROM cases.evaluation_request WHERE due_at < now() + interval '5 seconds'",
      );
      return Number(row.n) === 0 ? true : undefined;
    }, 60_000);
    const { data } = await as<{ decisionTable: { content: string } }>(
      ['admin'],
      '{ decisionTable(key: "automation-policy") { content } }',
    );
    inForce = data!.decisionTable.content;
  });
  afterAll(async () => {
    await stack?.stop();
    delete process.env.DETECTION_SETTLE_DELAY_MS;
    delete process.env.DETECTION_POLL_INTERVAL_MS;
  });

  it('replays the policy in force as it decided: same touchless cases, actions and cost, no violation', async () => {
    const result = await backtest(inForce);
    expect(result.cases).toBeGreaterThan(5);
    expect(result.skippedCases).toBe(0);
    expect(result.candidate).toEqual(result.baseline);
    expect(result.baseline.automatedActions).toBeGreaterThan(0);
    expect(result.baseline.violationCount).toBe(0);
  });

  it('shows what automating everything would do: more touchless cases, and every guardrail it crosses', async () => {
    const everything = inForce.replaceAll('"automatable":"false"', '"automatable":"true"');
    expect(everything).not.toBe(inForce);
    const result = await backtest(everything);
    expect(result.candidate.touchlessCases).toBeGreaterThanOrEqual(result.baseline.touchlessCases);
    expect(result.candidate.automatedActions).toBeGreaterThan(result.baseline.automatedActions);
    expect(result.candidate.violationCount).toBeGreaterThan(0);
    expect(result.candidate.violationCount).toBe(result.candidate.violations.length);
    expect(new Set(result.candidate.violations.map((v) => v.guardrail))).toContain('finance-only');
  });

  it('shows what automating nothing would do, and refuses a table that is not one', async () => {
    const nothing = inForce.replaceAll('"automatable":"true"', '"automatable":"false"');
    const result = await backtest(nothing);
    expect(result.candidate).toMatchObject({
      touchlessCases: 0,
      automatedActions: 0,
      automatedCost: 0,
      violationCount: 0,
    });
    const bad = await as(['data-stewardship'], QUERY, { content: '{"nodes": 1}' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forbidden = await as(['warehouse'], QUERY, { content: inForce });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('npm run backtest prints the comparison and ends with one line of JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ordex-backtest-')), 'candidate.json');
    writeFileSync(file, inForce.replaceAll('"automatable":"false"', '"automatable":"true"'));
    const token = await stack.token({ roles: ['data-stewardship'] });
    const { stdout } = await promisify(execFile)(process.execPath, [
      CLI,
      '--table',
      file,
      '--graphql',
      stack.gatewayUrl!,
      '--token',
      token,
    ]);
    const lines = stdout.trim().split('\n');
    expect(lines[1]).toMatch(/touchless +actions +cost +risk +violations/);
    expect(lines[2]).toMatch(/^in force /);
    expect(lines[3]).toMatch(/^candidate /);
    const json = JSON.parse(lines[lines.length - 1]) as {
      cases: number;
      candidate: { violationCount: number };
    };
    expect(json.candidate.violationCount).toBeGreaterThan(0);
    expect(json.cases).toBeGreaterThan(5);
  });
});
