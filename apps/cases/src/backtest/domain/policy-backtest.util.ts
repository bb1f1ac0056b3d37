import { AUTOMATION_GUARDRAILS, guardrailBreaches, type GuardrailBreach } from '@ordex/decision';
import type { RecommendedAction } from '../../recommendations/recommended-action.enum';
import { actionPlan } from '../../actions/domain/action-plan.util';

/** A recommendation as the case's first assessment proposed it, with both policies' verdicts. */
export interface ReplayedRecommendation {
  exceptionId: string | null;
  rank: number;
  action: string;
  cost: number;
  dateEffectDays: number;
  marginEffect: number;
  /** What the policy in force decided at the time. */
  automatableThen: boolean;
  /** What the candidate policy decides. */
  automatableNow: boolean;
}

export interface ReplayedCase {
  caseId: string;
  orderNumber: string;
  /** The exceptions open when the case was first assessed. */
  exceptionIds: string[];
  recommendations: ReplayedRecommendation[];
  /** The case's service-risk probability, when it was assessed with one. */
  serviceRisk: number | null;
}

export interface PolicyViolation extends GuardrailBreach {
  caseId: string;
  orderNumber: string;
  action: string;
}

/** What a policy would have done with the cases. */
export interface PolicyOutcome {
  touchlessCases: number;
  touchlessRate: number;
  /** Actions the policy would have taken without a person (one per exception at most). */
  automatedActions: number;
  automatedCost: number;
  /** Mean service risk of the cases settled without a person (null when none, or none assessed with one). */
  meanRiskTouchless: number | null;
  violations: PolicyViolation[];
}

export interface PolicyBacktest {
  cases: number;
  baseline: PolicyOutcome;
  candidate: PolicyOutcome;
  guardrails: string;
}

/**
 * Replays a policy over cases: per exception, the best-ranked recommendation the policy lets run
 * without a person is taken (one that needs an approval still waits for a person, so it does not
 * make the case touchless); a case is touchless when every exception it opened with was settled
 * that way. Every action taken is checked against the guardrails.
 */
export function replayPolicy(cases: readonly ReplayedCase[], policy: 'then' | 'now'): PolicyOutcome {
  let touchlessCases = 0;
  let automatedActions = 0;
  let automatedCost = 0;
  const risks: number[] = [];
  const violations: PolicyViolation[] = [];
  for (const kase of cases) {
    let settledAlone = 0;
    for (const exceptionId of kase.exceptionIds) {
      const taken = kase.recommendations
        .filter(
          (r) => r.exceptionId === exceptionId && (policy === 'then' ? r.automatableThen : r.automatableNow),
        )
        .sort((a, b) => a.rank - b.rank)[0];
      if (!taken) continue;
      automatedActions++;
      automatedCost += taken.cost;
      violations.push(
        ...guardrailBreaches(taken).map((breach) => ({
          caseId: kase.caseId,
          orderNumber: kase.orderNumber,
          action: taken.action,
          ...breach,
        })),
      );
      if (!needsApproval(taken.action)) settledAlone++;
    }
    if (kase.exceptionIds.length > 0 && settledAlone === kase.exceptionIds.length) {
      touchlessCases++;
      if (kase.serviceRisk !== null) risks.push(kase.serviceRisk);
    }
  }
  return {
    touchlessCases,
    touchlessRate: cases.length ? touchlessCases / cases.length : 0,
    automatedActions,
    automatedCost: Math.round(automatedCost * 100) / 100,
    meanRiskTouchless: risks.length ? risks.reduce((a, b) => a + b, 0) / risks.length : null,
    violations,
  };
}

/** The policy in force and the candidate, side by side over the same cases. */
export function backtestPolicy(cases: readonly ReplayedCase[]): PolicyBacktest {
  return {
    cases: cases.length,
    baseline: replayPolicy(cases, 'then'),
    candidate: replayPolicy(cases, 'now'),
    guardrails: AUTOMATION_GUARDRAILS.version,
  };
}

function needsApproval(action: string): boolean {
  return actionPlan(action as RecommendedAction).kind === 'approval';
}
