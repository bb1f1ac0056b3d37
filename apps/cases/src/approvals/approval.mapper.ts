import type { ApprovalEntity } from './approval.entity';
import type { ApprovalObject } from './approval.object';

export function toApprovalObject(entity: ApprovalEntity): ApprovalObject {
  return {
    id: entity.id,
    subject: entity.subject,
    amount: entity.amount,
    level: entity.level,
    requestedBy: entity.requestedBy,
    requestedAt: entity.requestedAt,
    decidedBy: entity.decidedBy,
    decidedAt: entity.decidedAt,
    status: entity.status,
    requiredRole: entity.requiredRole,
    tableVersion: entity.tableVersion,
    actionId: entity.actionId,
    note: entity.note,
    decisionNote: entity.decisionNote,
  };
}
