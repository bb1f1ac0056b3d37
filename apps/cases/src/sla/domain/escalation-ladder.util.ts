import { addWorkingMinutes, type BusinessCalendar } from './business-calendar.util';

/** The steps of the ladder: at risk (tell the team), breached (the team lead), long breached (the manager). */
export type EscalationKind = 'AT_RISK' | 'BREACHED' | 'MANAGER';

/** Where a task stands against its SLA. */
export type SlaState = 'ON_TRACK' | 'AT_RISK' | 'BREACHED';

/** The sla-targets table's answer for one exception. */
export interface SlaTarget {
  /** Working minutes until the task breaches. */
  targetMinutes: number;
  /** Share of the target after which the task is at risk (0 < share < 1). */
  atRiskShare: number;
  /** Share of the target after which the manager is brought in (> 1). */
  escalateShare: number;
}

export interface LadderStep {
  step: number;
  kind: EscalationKind;
  dueAt: Date;
}

/** Reads the sla-targets table's answer; undefined when no rule matched or the answer is unusable (no SLA then). */
export function slaTargetFrom(result: unknown): SlaTarget | undefined {
  const { targetMinutes, atRiskShare, escalateShare } = (result ?? {}) as Record<string, unknown>;
  const valid =
    typeof targetMinutes === 'number' &&
    Number.isInteger(targetMinutes) &&
    targetMinutes > 0 &&
    typeof atRiskShare === 'number' &&
    atRiskShare > 0 &&
    atRiskShare < 1 &&
    typeof escalateShare === 'number' &&
    escalateShare > 1;
  return valid ? { targetMinutes, atRiskShare, escalateShare } : undefined;
}

/**
 * A task's escalation ladder from the instant it was created: at risk after `atRiskShare` of the
 * target, breached at the target, the manager after `escalateShare` of it, each counted in
 * working minutes on the calendar (a task created on Friday evening is not at risk on Saturday).
 */
export function escalationLadder(
  createdAt: Date,
  target: SlaTarget,
  calendar: BusinessCalendar,
): LadderStep[] {
  const at = (share: number) =>
    addWorkingMinutes(createdAt, Math.round(target.targetMinutes * share), calendar);
  return [
    { step: 1, kind: 'AT_RISK', dueAt: at(target.atRiskShare) },
    { step: 2, kind: 'BREACHED', dueAt: at(1) },
    { step: 3, kind: 'MANAGER', dueAt: at(target.escalateShare) },
  ];
}

/** Where a task with deadlines stands at `now`; null for a task without an SLA. */
export function slaState(now: Date, task: { dueAt: Date | null; atRiskAt: Date | null }): SlaState | null {
  if (task.dueAt === null) return null;
  if (now.getTime() >= task.dueAt.getTime()) return 'BREACHED';
  if (task.atRiskAt !== null && now.getTime() >= task.atRiskAt.getTime()) return 'AT_RISK';
  return 'ON_TRACK';
}
