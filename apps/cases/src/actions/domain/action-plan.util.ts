import { ExecutionCommandType } from '@ordex/contracts';
import { ApprovalAction } from '../../approvals/domain/approval-authority.util';
import { RecommendedAction } from '../../recommendations/recommended-action.enum';

/**
 * What taking a recommendation sets in motion:
 * - `approval`: it needs someone's authority first (the approval-authority table says whose);
 * - `command`: the connector carries it out; the exception is resolved when the ERP confirms;
 * - `record`: people carry it out outside ordex (a call to the customer or the supplier, a fix in
 *   the master data); taking it records the decision and, when `resolves`, settles the exception.
 */
export type ActionPlan =
  | { kind: 'approval'; approvalAction: ApprovalAction }
  | { kind: 'command'; commandType: ExecutionCommandType }
  | { kind: 'record'; resolves: boolean };

const PLANS: Readonly<Record<RecommendedAction, ActionPlan>> = {
  [RecommendedAction.APPROVE_PRICE_OVERRIDE]: {
    kind: 'approval',
    approvalAction: ApprovalAction.PRICE_OVERRIDE,
  },
  [RecommendedAction.CREDIT_RELEASE]: { kind: 'approval', approvalAction: ApprovalAction.CREDIT_RELEASE },
  [RecommendedAction.ALTERNATE_DC]: { kind: 'command', commandType: ExecutionCommandType.TRANSFER_STOCK },
  [RecommendedAction.CORRECT_PRICE]: { kind: 'command', commandType: ExecutionCommandType.CORRECT_PRICE },
  [RecommendedAction.REBOOK_CARRIER]: { kind: 'command', commandType: ExecutionCommandType.MOVE_SHIP_DATE },
  // Agreed with the customer and arranged by the team: the case records the decision.
  [RecommendedAction.SPLIT_SHIPMENT]: { kind: 'record', resolves: true },
  [RecommendedAction.SUBSTITUTE]: { kind: 'record', resolves: true },
  [RecommendedAction.BACKORDER]: { kind: 'record', resolves: true },
  [RecommendedAction.REQUIRE_PREPAYMENT]: { kind: 'record', resolves: true },
  [RecommendedAction.EXPEDITE]: { kind: 'record', resolves: true },
  [RecommendedAction.ESCALATE]: { kind: 'record', resolves: true },
  // Fixed at the source: detection clears the exception when the corrected record arrives.
  [RecommendedAction.FIX_MASTER_DATA]: { kind: 'record', resolves: false },
  [RecommendedAction.RESYNC_ERP]: { kind: 'record', resolves: false },
  // The whole case: a message to the customer, no exception of its own.
  [RecommendedAction.NOTIFY_CUSTOMER]: { kind: 'record', resolves: false },
};

export function actionPlan(action: RecommendedAction): ActionPlan {
  return PLANS[action];
}

/** Why the case's recommendation cannot be taken now; null when it can. */
export function takeRefusal(input: {
  caseStatus: string;
  exceptionStatus: string | null;
  actionInFlight: boolean;
}): string | null {
  if (input.caseStatus === 'CLOSED') return 'the case is closed';
  if (input.exceptionStatus !== null && input.exceptionStatus !== 'OPEN')
    return `the exception is already ${input.exceptionStatus.toLowerCase()}`;
  if (input.actionInFlight) return 'another action on this exception is waiting for approval or the ERP';
  return null;
}

/** Why this person may not decide the approval; null when they may (four eyes, then authority). */
export function approvalRefusal(input: {
  status: string;
  requestedBy: string;
  decider: string;
  deciderRoles: readonly string[];
  deciderLevel: number;
  requiredRole: string | null;
  requiredLevel: number;
}): { code: 'ACTION_CONFLICT' | 'FOUR_EYES' | 'INSUFFICIENT_AUTHORITY'; message: string } | null {
  if (input.status !== 'PENDING')
    return { code: 'ACTION_CONFLICT', message: `the approval is already ${input.status.toLowerCase()}` };
  if (input.decider === input.requestedBy)
    return { code: 'FOUR_EYES', message: 'the person who asked for an approval never decides it' };
  if (input.requiredRole === null || !input.deciderRoles.includes(input.requiredRole))
    return {
      code: 'INSUFFICIENT_AUTHORITY',
      message: `it needs the ${input.requiredRole ?? 'approver'} role at level ${input.requiredLevel} or above`,
    };
  if (input.deciderLevel < input.requiredLevel)
    return {
      code: 'INSUFFICIENT_AUTHORITY',
      message: `it needs approval level ${input.requiredLevel} (yours is ${input.deciderLevel})`,
    };
  return null;
}
