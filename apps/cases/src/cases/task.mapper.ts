import { slaState } from '../sla/domain/escalation-ladder.util';
import type { TaskEntity } from './task.entity';
import type { SlaStateValue, TaskObject } from './task.object';

/** The task as GraphQL shows it; its SLA state as of `now`. */
export function toTaskObject(entity: TaskEntity, now: Date): TaskObject {
  return {
    id: entity.id,
    exceptionId: entity.exceptionId,
    team: entity.team,
    status: entity.status,
    createdAt: entity.createdAt,
    closedAt: entity.closedAt,
    dueAt: entity.dueAt,
    atRiskAt: entity.atRiskAt,
    slaTargetMinutes: entity.slaTargetMinutes,
    slaState: entity.status === 'OPEN' ? (slaState(now, entity) as SlaStateValue | null) : null,
    escalationLevel: entity.escalationLevel,
    assignee: entity.assignee,
  };
}
