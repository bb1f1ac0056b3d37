import type { ActionRankingDecision } from '@ordex/decision';
import { applyRanking, rankingCandidates, type ProposedRecommendation } from './recommendation-ranking.util';

const row = (exceptionId: string | null, rank: number, action: string): ProposedRecommendation => ({
  exceptionId,
  rank,
  action,
  cost: 10 * rank,
  marginEffect: -5,
  dateEffectDays: rank - 1,
  confidence: 0.7,
  automatable: rank === 1,
});

/** A price mismatch answered two ways, a stock shortage one way, and the customer notice. */
const rows = [
  row('price', 1, 'CORRECT_PRICE'),
  row('price', 2, 'APPROVE_PRICE_OVERRIDE'),
  row('stock', 3, 'ALTERNATE_DC'),
  row(null, 4, 'NOTIFY_CUSTOMER'),
];

describe('rankingCandidates', () => {
  it("takes each proposal's figures, its exception's category and the case's context, in the proposals' order", () => {
    const candidates = rankingCandidates(rows, {
      categories: new Map([
        ['price', 'PRICE_MISMATCH'],
        ['stock', 'STOCK_SHORTAGE'],
      ]),
      orderValue: 4200,
      lines: 3,
      segment: 'KEY_ACCOUNT',
      tier: 'GOLD',
      monthEnd: true,
      recentExceptions: 4,
      exceptions: 2,
    });
    expect(candidates.map((c) => [c.exception, c.rulesRank, c.input.action, c.input.category])).toEqual([
      ['price', 1, 'CORRECT_PRICE', 'PRICE_MISMATCH'],
      ['price', 2, 'APPROVE_PRICE_OVERRIDE', 'PRICE_MISMATCH'],
      ['stock', 3, 'ALTERNATE_DC', 'STOCK_SHORTAGE'],
      [null, 4, 'NOTIFY_CUSTOMER', null],
    ]);
    expect(candidates[1].input).toEqual({
      action: 'APPROVE_PRICE_OVERRIDE',
      category: 'PRICE_MISMATCH',
      cost: 20,
      marginEffect: -5,
      dateEffectDays: 1,
      confidence: 0.7,
      automatable: false,
      orderValue: 4200,
      lines: 3,
      segment: 'KEY_ACCOUNT',
      tier: 'GOLD',
      monthEnd: true,
      recentExceptions: 4,
      exceptions: 2,
    });
  });
});

describe('applyRanking', () => {
  const candidates = rankingCandidates(rows, {
    categories: new Map([['price', 'PRICE_MISMATCH']]),
    orderValue: 4200,
    lines: 3,
    segment: 'SMB',
    tier: 'SILVER',
    monthEnd: false,
    recentExceptions: 0,
    exceptions: 2,
  });
  const decision = (ranks: number[], probabilities: (number | null)[]): ActionRankingDecision => ({
    source: 'model',
    modelVersion: 'action-outcome-test',
    fallbackReason: null,
    outOfRange: [],
    ranked: ranks.map((rank, i) => ({
      rank,
      successProbability: probabilities[i],
      expectedValue: null,
      explanation: probabilities[i] === null ? [] : [{ feature: `f${i}`, contribution: i }],
    })),
  });

  it('gives each proposal its decided rank and probability (to 4 decimals), best first', () => {
    const ranked = applyRanking(rows, candidates, decision([2, 1, 3, 4], [0.123456, 0.87654, 0.5, null]));
    expect(ranked.map((r) => [r.rank, r.action, r.successProbability, r.rankingExplanation])).toEqual([
      [1, 'APPROVE_PRICE_OVERRIDE', 0.8765, [{ feature: 'f1', contribution: 1 }]],
      [2, 'CORRECT_PRICE', 0.1235, [{ feature: 'f0', contribution: 0 }]],
      [3, 'ALTERNATE_DC', 0.5, [{ feature: 'f2', contribution: 2 }]],
      [4, 'NOTIFY_CUSTOMER', null, []],
    ]);
    // Each keeps what it was ranked on, whatever its new place.
    expect(ranked.map((r) => r.rankingInput)).toEqual([1, 0, 2, 3].map((i) => candidates[i].input));
  });

  it('refuses a ranking that is not one of these proposals', () => {
    expect(() => applyRanking(rows, candidates, decision([1, 2], [null, null]))).toThrow(
      /a ranking of 2 and 4 inputs for 4/,
    );
    expect(() =>
      applyRanking(rows, candidates.slice(1), decision([1, 2, 3, 4], [null, null, null, null])),
    ).toThrow(/a ranking of 4 and 3 inputs for 4/);
  });
});
