import type {
  ActionInput,
  ActionRankingDecision,
  FeatureContribution,
  RankingCandidate,
} from '@ordex/decision';

/** A proposed recommendation as the assessment holds it: its figures, policy verdict and rules rank. */
export interface ProposedRecommendation {
  /** The exception it answers; null for the customer notice on the whole case. */
  exceptionId: string | null;
  rank: number;
  action: string;
  cost: number;
  marginEffect: number;
  dateEffectDays: number;
  confidence: number;
  automatable: boolean;
}

/** What the action-outcome model reads about the case and its order besides each action. */
export interface RankingContext {
  /** The category of each open exception, by id. */
  categories: ReadonlyMap<string, string>;
  orderValue: number;
  lines: number;
  segment: string | null;
  tier: string | null;
  monthEnd: boolean;
  recentExceptions: number;
  /** The case's open exceptions. */
  exceptions: number;
}

/** The proposals as the ranking takes them, in the same order: each one's rules rank and features. */
export function rankingCandidates(
  rows: readonly ProposedRecommendation[],
  context: RankingContext,
): RankingCandidate[] {
  return rows.map((row) => ({
    exception: row.exceptionId,
    rulesRank: row.rank,
    input: {
      action: row.action,
      category: row.exceptionId === null ? null : (context.categories.get(row.exceptionId) ?? null),
      cost: row.cost,
      marginEffect: row.marginEffect,
      dateEffectDays: row.dateEffectDays,
      confidence: row.confidence,
      automatable: row.automatable,
      orderValue: context.orderValue,
      lines: context.lines,
      segment: context.segment,
      tier: context.tier,
      monthEnd: context.monthEnd,
      recentExceptions: context.recentExceptions,
      exceptions: context.exceptions,
    },
  }));
}

/** A proposal with its place in the ranking decided and what the model made of it. */
export type RankedRecommendation<R> = Omit<R, 'rank'> & {
  rank: number;
  /** Rounded to 4 decimals, as the recommendation keeps it; null when the rules ranked. */
  successProbability: number | null;
  rankingExplanation: FeatureContribution[];
  /** What it was ranked on: kept so its outcome can train the next model. */
  rankingInput: ActionInput;
};

/**
 * The proposals with the ranking's decision applied (`candidates` and `decision.ranked` are in the
 * proposals' order), best first: whatever reads the recommendations in rank order — the automation policy
 * taking each exception's best, the customer message, a person — follows the decided ranking.
 */
export function applyRanking<R extends ProposedRecommendation>(
  rows: readonly R[],
  candidates: readonly RankingCandidate[],
  decision: ActionRankingDecision,
): RankedRecommendation<R>[] {
  if (decision.ranked.length !== rows.length || candidates.length !== rows.length)
    throw new Error(
      `a ranking of ${decision.ranked.length} and ${candidates.length} inputs for ${rows.length} recommendations`,
    );
  return rows
    .map((row, i) => {
      const ranked = decision.ranked[i];
      return {
        ...row,
        rank: ranked.rank,
        successProbability:
          ranked.successProbability === null ? null : Math.round(ranked.successProbability * 10_000) / 10_000,
        rankingExplanation: ranked.explanation,
        rankingInput: candidates[i].input,
      };
    })
    .sort((a, b) => a.rank - b.rank);
}
