import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clientError, type Identity } from '@ordex/platform';
import { DataSource } from 'typeorm';
import { CaseActionEntity } from '../actions/case-action.entity';
import { CaseProgressService } from '../actions/case-progress.service';
import { approvalRefusal } from '../actions/domain/action-plan.util';
import { isUuid } from '../common/uuid.util';
import { ApprovalEntity } from './approval.entity';
import { ApprovalStatus } from './approval-status.enum';

/**
 * Deciding an approval. The one way any approval is decided, so four eyes hold on every path:
 * the person who asked never decides (checked here, and by the database's CHECK), the decider
 * needs the role and level the approval-authority table set when it was asked for, and an
 * approval is decided once. Approving settles the action's exception; rejecting leaves the
 * exception open for another action.
 */
@Injectable()
export class ApprovalDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: CaseProgressService,
  ) {}

  decide(approvalId: string, approve: boolean, decider: Identity, note: string | null, now: Date) {
    if (!isUuid(approvalId)) throw clientError('NOT_FOUND', `no approval ${approvalId}`);
    return this.dataSource.transaction(async (tx) => {
      const found = await tx.findOneBy(ApprovalEntity, { id: approvalId });
      if (!found) throw clientError('NOT_FOUND', `no approval ${approvalId}`);
      const kase = await this.progress.lock(tx, found.caseId);
      const approval = await tx
        .createQueryBuilder(ApprovalEntity, 'a')
        .setLock('pessimistic_write')
        .where('a.id = :approvalId', { approvalId })
        .getOneOrFail();
      const refusal = approvalRefusal({
        status: approval.status,
        requestedBy: approval.requestedBy,
        decider: decider.subject,
        deciderRoles: decider.roles,
        deciderLevel: decider.approvalLevel ?? 1,
        requiredRole: approval.requiredRole,
        requiredLevel: approval.level,
      });
      if (refusal || !kase) {
        throw clientError(refusal?.code ?? 'NOT_FOUND', refusal?.message ?? `no approval ${approvalId}`);
      }
      const status = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
      await tx.update(
        ApprovalEntity,
        { id: approval.id },
        { status, decidedBy: decider.subject, decidedAt: now, decisionNote: note },
      );
      const action = approval.actionId
        ? await tx.findOneBy(CaseActionEntity, { id: approval.actionId })
        : null;
      const outcome = `${approval.subject} ${approve ? 'approved' : 'rejected'} by ${decider.subject}`;
      if (action) {
        await tx.update(
          CaseActionEntity,
          { id: action.id },
          { state: approve ? 'DONE' : 'REJECTED', outcome, settledAt: now },
        );
        if (approve && action.exceptionId) {
          await this.progress.resolveException(tx, action.exceptionId, outcome, decider.subject, now);
        }
      }
      await this.progress.step(tx, kase, { type: 'APPROVAL_DECIDED' }, now);
      await this.progress.record(tx, kase.id, decider.subject, 'approval.decided', {
        approvalId: approval.id,
        actionId: approval.actionId,
        subject: approval.subject,
        amount: approval.amount,
        decision: status,
        requestedBy: approval.requestedBy,
        decidedBy: decider.subject,
        requiredRole: approval.requiredRole,
        requiredLevel: approval.level,
        deciderLevel: decider.approvalLevel ?? 1,
        table: { 'approval-authority': approval.tableVersion },
        note,
      });
      const settled = await this.progress.settleIfDone(tx, kase, now);
      await this.progress.publish(tx, kase, [outcome, settled].filter(Boolean).join('; '), now);
      return { ...approval, status, decidedBy: decider.subject, decidedAt: now, decisionNote: note };
    });
  }
}
