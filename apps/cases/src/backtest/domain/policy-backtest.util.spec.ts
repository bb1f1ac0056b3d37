import { backtestPolicy, type ReplayedCase, type ReplayedRecommendation } from './policy-backtest.util';

const rec = (
  exceptionId: string | null,
  rank: number,
  action: string,
  then: boolean,
  now: boolean,
  extra: Partial<ReplayedRecommendation> = {},
): ReplayedRecommendation => ({
  exceptionId,
  rank,
  action,
  cost: 50,
  dateEffectDays: 0,
  marginEffect: 0,
  automatableThen: then,
  automatableNow: now,
  ...extra,
});

/** Three cases: one the policy in force already settles alone, two only the candidate would. */
const cases: ReplayedCase[] = [
  {
    caseId: 'K1',
    orderNumber: 'SO-1',
    exceptionIds: ['X1'],
    recommendations: [rec('X1', 1, 'ALTERNATE_DC', true, true, { cost: 120 })],
    serviceRisk: 0.2,
  },
  {
    caseId: 'K2',
    orderNumber: 'SO-2',
    exceptionIds: ['X2', 'X3'],
    recommendations: [
      rec('X2', 1, 'ALTERNATE_DC', true, true),
      rec('X3', 1, 'REBOOK_CARRIER', false, true, { cost: 80, dateEffectDays: 1 }),
      rec('X3', 2, 'EXPEDITE', false, true, { cost: 900 }),
    ],
    serviceRisk: 0.6,
  },
  {
    caseId: 'K3',
    orderNumber: 'SO-3',
    exceptionIds: ['X4'],
    // A price needs an approval whoever asks: never touchless, and finance's anyway.
    recommendations: [
      rec('X4', 1, 'APPROVE_PRICE_OVERRIDE', false, true),
      rec(null, 1, 'ESCALATE', false, true),
    ],
    serviceRisk: null,
  },
];

describe('backtestPolicy', () => {
  const result = backtestPolicy(cases);

  it('replays the policy in force: the best-ranked automatable action per exception', () => {
    expect(result.baseline).toEqual({
      touchlessCases: 1,
      touchlessRate: 1 / 3,
      automatedActions: 2,
      automatedCost: 170,
      meanRiskTouchless: 0.2,
      violations: [],
    });
  });

  it('replays the candidate and names every guardrail it crosses', () => {
    expect(result.candidate).toMatchObject({
      touchlessCases: 2,
      touchlessRate: 2 / 3,
      automatedActions: 4,
      automatedCost: 300,
      meanRiskTouchless: 0.4,
    });
    expect(result.candidate.violations).toEqual([
      {
        caseId: 'K2',
        orderNumber: 'SO-2',
        action: 'REBOOK_CARRIER',
        guardrail: 'customer-date',
        detail: "moves the customer's date by 1 day(s) without asking",
      },
      {
        caseId: 'K3',
        orderNumber: 'SO-3',
        action: 'APPROVE_PRICE_OVERRIDE',
        guardrail: 'finance-only',
        detail: "APPROVE_PRICE_OVERRIDE is finance's decision",
      },
    ]);
    expect(result).toMatchObject({ cases: 3, guardrails: 'automation-guardrails-1' });
  });

  it('counts a costly action past the ceiling', () => {
    const costly = backtestPolicy([
      {
        ...cases[1],
        recommendations: [
          rec('X2', 1, 'ALTERNATE_DC', true, true),
          rec('X3', 2, 'EXPEDITE', false, true, { cost: 900 }),
        ],
      },
    ]);
    expect(costly.candidate.violations.map((v) => v.guardrail)).toEqual(['cost-ceiling']);
    expect(costly.candidate.touchlessCases).toBe(1);
  });
});
