import { CaseStatus } from '@ordex/contracts';

/** Something that happened to an ordex case or its order, fed to the lifecycle machine. */
export type CaseEvent =
  /** A new (or recurring) exception on the order. */
  | { type: 'EXCEPTION_DETECTED' }
  /** Someone or a policy takes up the case (task claimed, action chosen). */
  | { type: 'WORK_STARTED' }
  /** A decision on the case waits for a second person's approval (four eyes). */
  | { type: 'APPROVAL_REQUESTED' }
  /** The approval was granted or rejected: either way the case goes back to work. */
  | { type: 'APPROVAL_DECIDED' }
  /** Every exception on the case is cleared or resolved; some resolutions may still await the ERP. */
  | { type: 'ALL_SETTLED'; awaitingExecution: boolean }
  /** The ERP acknowledged the resolution's commands. */
  | { type: 'EXECUTION_CONFIRMED' }
  /** The order was cancelled, shipped or released in the ERP: it left exception handling. */
  | { type: 'ORDER_LEFT' };

/** The name of a case event, as used in the transition table. */
export type CaseEventType = CaseEvent['type'];

/** The outcome of feeding an event to a case: its new status, or why the event does not apply. */
export type Transition =
  | { ok: true; from: CaseStatus | null; to: CaseStatus; reopened: boolean }
  | { ok: false; from: CaseStatus | null; refusal: string };

/**
 * The target of ALL_SETTLED: RESOLVED while the resolution's commands wait for the ERP's
 * acknowledgement, CLOSED when nothing is left to execute.
 */
export const RESOLVED_OR_CLOSED = 'RESOLVED_OR_CLOSED';

/** Where an accepted event takes a case: a fixed status, or RESOLVED_OR_CLOSED for ALL_SETTLED. */
export type CaseTransitionTarget = CaseStatus | typeof RESOLVED_OR_CLOSED;

/** One accepted (status, event) pair of the ordex case lifecycle; `from: null` means no case exists yet. */
export interface CaseTransitionRule {
  from: CaseStatus | null;
  event: CaseEventType;
  to: CaseTransitionTarget;
}

const { OPEN, IN_PROGRESS, AWAITING_APPROVAL, RESOLVED, CLOSED } = CaseStatus;

/**
 * Every (status, event) pair the ordex case lifecycle accepts, with its target. Any pair not
 * listed is refused. `transition()` reads only this table.
 */
export const CASE_TRANSITIONS: ReadonlyArray<CaseTransitionRule> = [
  { from: null, event: 'EXCEPTION_DETECTED', to: OPEN },

  { from: OPEN, event: 'EXCEPTION_DETECTED', to: OPEN },
  { from: OPEN, event: 'WORK_STARTED', to: IN_PROGRESS },
  { from: OPEN, event: 'APPROVAL_REQUESTED', to: AWAITING_APPROVAL },
  { from: OPEN, event: 'ALL_SETTLED', to: RESOLVED_OR_CLOSED },
  { from: OPEN, event: 'ORDER_LEFT', to: CLOSED },

  { from: IN_PROGRESS, event: 'EXCEPTION_DETECTED', to: IN_PROGRESS },
  { from: IN_PROGRESS, event: 'WORK_STARTED', to: IN_PROGRESS },
  { from: IN_PROGRESS, event: 'APPROVAL_REQUESTED', to: AWAITING_APPROVAL },
  { from: IN_PROGRESS, event: 'ALL_SETTLED', to: RESOLVED_OR_CLOSED },
  { from: IN_PROGRESS, event: 'ORDER_LEFT', to: CLOSED },

  { from: AWAITING_APPROVAL, event: 'EXCEPTION_DETECTED', to: AWAITING_APPROVAL },
  { from: AWAITING_APPROVAL, event: 'APPROVAL_REQUESTED', to: AWAITING_APPROVAL },
  { from: AWAITING_APPROVAL, event: 'APPROVAL_DECIDED', to: IN_PROGRESS },
  { from: AWAITING_APPROVAL, event: 'ALL_SETTLED', to: RESOLVED_OR_CLOSED },
  { from: AWAITING_APPROVAL, event: 'ORDER_LEFT', to: CLOSED },

  // New trouble while the ERP executes the resolution puts the case back to work.
  { from: RESOLVED, event: 'EXCEPTION_DETECTED', to: IN_PROGRESS },
  { from: RESOLVED, event: 'EXECUTION_CONFIRMED', to: CLOSED },
  { from: RESOLVED, event: 'ORDER_LEFT', to: CLOSED },

  // The only way out of CLOSED is a reopen; the caller decides with reopenDecision() whether it applies.
  { from: CLOSED, event: 'EXCEPTION_DETECTED', to: OPEN },
];

const ruleKey = (from: CaseStatus | null, event: CaseEventType): string => `${from ?? 'NONE'}|${event}`;

const RULES: ReadonlyMap<string, CaseTransitionTarget> = new Map(
  CASE_TRANSITIONS.map((rule) => [ruleKey(rule.from, rule.event), rule.to]),
);

function resolveTarget(target: CaseTransitionTarget, event: CaseEvent): CaseStatus {
  if (target !== RESOLVED_OR_CLOSED) return target;
  return event.type === 'ALL_SETTLED' && event.awaitingExecution ? RESOLVED : CLOSED;
}

function refusal(from: CaseStatus | null, event: CaseEventType): string {
  return from === null ? `there is no case yet to take ${event}` : `a ${from} case cannot take ${event}`;
}

/**
 * Feeds one event to an ordex case in status `from` (null: no case yet) and returns its new
 * status, or a readable refusal when the lifecycle does not accept the event in that status.
 * A transition out of CLOSED is a reopen.
 */
export function transition(from: CaseStatus | null, event: CaseEvent): Transition {
  const target = RULES.get(ruleKey(from, event.type));
  if (target === undefined) return { ok: false, from, refusal: refusal(from, event.type) };
  return { ok: true, from, to: resolveTarget(target, event), reopened: from === CLOSED };
}

/** Whether a case in this status is still being handled: every status but CLOSED. */
export function isOpenStatus(status: CaseStatus): boolean {
  return status !== CLOSED;
}

/** Whether a closed case reopens, and whether that reopen counts as rework. */
export interface ReopenDecision {
  reopen: boolean;
  rework: boolean;
}

/**
 * Decides what an exception on the order of a closed case does: the case reopens when the
 * exception comes no later than `windowMs` after closing (exactly at the window still reopens),
 * and the reopen counts as rework when the exception is one the case already had.
 */
export function reopenDecision(input: {
  closedAt: Date;
  now: Date;
  windowMs: number;
  recurring: boolean;
}): ReopenDecision {
  const reopen = input.now.getTime() - input.closedAt.getTime() <= input.windowMs;
  return { reopen, rework: reopen && input.recurring };
}
