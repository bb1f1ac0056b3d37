import { Injectable } from '@nestjs/common';
import { CaseStatus, ExecutionCommandType } from '@ordex/contracts';
import { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service';
import type { JsonObject } from '../audit/domain/chain-hash.util';
import { CaseEntity } from '../cases/case.entity';
import { enqueueCaseUpdated } from '../cases/case-updated.event';
import { CaseEvent, transition } from '../cases/domain/case-lifecycle.util';
import { CaseActionEntity } from './case-action.entity';
import { CustomerMessageService } from '../communication/customer-message.service';
import { ExecutionCommandsService } from './execution-commands.service';

/** Who records ordex's own steps on a case (the release once everything is settled). */
export const AUTOMATION_ACTOR = 'ordex.automation';

/**
 * The state changes every path that acts on a case shares — a person through GraphQL, an
 * approval, an ERP acknowledgement, the automation policy — so that each path moves the case
 * the same way: resolving an exception closes its task and cancels its escalations; a case
 * whose exceptions are all settled by decisions has its order released in the ERP.
 */
@Injectable()
export class CaseProgressService {
  constructor(
    private readonly audit: AuditTrailService,
    private readonly commands: ExecutionCommandsService,
    private readonly messages: CustomerMessageService,
  ) {}

  /** Drafts the customer's revised-commitment message from what was decided, on the record. */
  async draftCustomerMessage(tx: EntityManager, kase: CaseEntity, by: string, now: Date): Promise<void> {
    const draft = await this.messages.draft(tx, kase, now);
    if (!draft) return;
    await this.record(tx, kase.id, by, 'message.drafted', {
      subject: draft.subject,
      changes: draft.changes,
      revisedDate: draft.revisedDate,
      needsSending: draft.needsSending,
    });
  }

  /** The case, locked for the caller's transaction. */
  lock(tx: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return tx
      .createQueryBuilder(CaseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :caseId', { caseId })
      .getOne();
  }

  /** Moves the case by a lifecycle event; a refused transition leaves it where it is. */
  async step(tx: EntityManager, kase: CaseEntity, event: CaseEvent, now: Date): Promise<void> {
    const next = transition(kase.status, event);
    if (!next.ok || next.to === kase.status) return;
    kase.status = next.to;
    if (next.to === CaseStatus.CLOSED) kase.closedAt = now;
    await tx.update(
      CaseEntity,
      { id: kase.id },
      { status: next.to, ...(next.to === CaseStatus.CLOSED ? { closedAt: now } : {}) },
    );
  }

  /**
   * Settles an exception by a decision: RESOLVED, its task DONE, its waiting escalations cancelled,
   * and `exception.resolved` on the trail by whoever decided (the event log's settlement of it).
   */
  async resolveException(
    tx: EntityManager,
    exceptionId: string,
    outcome: string,
    actor: string,
    now: Date,
  ): Promise<void> {
    const [resolved]: { case_id: string; category: string; line_no: number | null }[][] = await tx.query(
      `UPDATE "cases"."case_exception" SET status = 'RESOLVED', cleared_at = $2, clear_reason = $3
        WHERE id = $1 AND status = 'OPEN' RETURNING case_id, category, line_no`,
      [exceptionId, now, outcome],
    );
    if (resolved.length === 0) return;
    await tx.query(
      `WITH done AS (
         UPDATE "cases"."task" SET status = 'DONE', closed_at = $2
         WHERE exception_id = $1 AND status = 'OPEN' RETURNING id)
       UPDATE "cases"."escalation" SET state = 'CANCELLED'
       WHERE state = 'PENDING' AND task_id IN (SELECT id FROM done)`,
      [exceptionId, now],
    );
    const [{ case_id: caseId, category, line_no: lineNo }] = resolved;
    await this.record(tx, caseId, actor, 'exception.resolved', { exceptionId, category, lineNo, outcome });
  }

  /**
   * Withdraws the approvals still waiting on exceptions that cleared by themselves (nobody needs
   * to decide them now); their actions end REJECTED with the reason. Returns how many.
   */
  async withdrawApprovals(
    tx: EntityManager,
    exceptionIds: readonly string[],
    why: string,
    now: Date,
  ): Promise<number> {
    if (exceptionIds.length === 0) return 0;
    const withdrawn: { id: string }[] = await tx.query(
      `WITH actions AS (
         UPDATE "cases"."case_action" SET state = 'REJECTED', outcome = $2, settled_at = $3
          WHERE exception_id = ANY($1) AND state = 'AWAITING_APPROVAL' RETURNING id),
       approvals AS (
         UPDATE "cases"."approval" SET status = 'WITHDRAWN', decided_at = $3, decision_note = $2
          WHERE status = 'PENDING' AND action_id IN (SELECT id FROM actions) RETURNING id)
       SELECT id FROM approvals`,
      [[...exceptionIds], `withdrawn: ${why}`, now],
    );
    return withdrawn.length;
  }

  /** Whether any approval on the case still waits for a decision. */
  async hasPendingApprovals(tx: EntityManager, caseId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM "cases"."approval" WHERE case_id = $1 AND status = 'PENDING' LIMIT 1`,
      [caseId],
    );
    return rows.length > 0;
  }

  /**
   * When no exception of the case is open any more and at least one was settled by a decision,
   * asks the ERP to release the order (once) and marks the case RESOLVED until the ERP confirms.
   * Returns what it did, for the caller's update event.
   */
  async settleIfDone(tx: EntityManager, kase: CaseEntity, now: Date): Promise<string | null> {
    if (kase.status === CaseStatus.CLOSED || kase.status === CaseStatus.RESOLVED) return null;
    const counts: { open: string; resolved: string }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE status = 'OPEN') AS open, count(*) FILTER (WHERE status = 'RESOLVED') AS resolved
         FROM "cases"."case_exception" WHERE case_id = $1`,
      [kase.id],
    );
    if (Number(counts[0].open) > 0 || Number(counts[0].resolved) === 0) return null;
    // The ERP refused the release and nothing on the case changed since: asking again would be
    // refused again. People see it (the case stays in progress, the refusal on its trail).
    const [refused]: { refused_after_change: boolean }[] = await tx.query(
      `SELECT EXISTS (
         SELECT 1 FROM "cases"."case_action" a
          WHERE a.case_id = $1 AND a.action = 'RELEASE_ORDER' AND a.state = 'FAILED'
            AND a.settled_at >= (SELECT max(GREATEST(e.detected_at, COALESCE(e.cleared_at, e.detected_at)))
                                   FROM "cases"."case_exception" e WHERE e.case_id = $1)
       ) AS refused_after_change`,
      [kase.id],
    );
    if (refused.refused_after_change) return null;
    const release = await tx.save(
      CaseActionEntity,
      tx.create(CaseActionEntity, {
        caseId: kase.id,
        exceptionId: null,
        recommendationId: null,
        action: 'RELEASE_ORDER',
        parameters: {},
        cost: 0,
        origin: 'POLICY',
        takenBy: AUTOMATION_ACTOR,
        takenAt: now,
        policyRule: 'release the order once every exception is settled',
        note: null,
        state: 'EXECUTING',
        outcome: null,
        settledAt: null,
      }),
    );
    await this.draftCustomerMessage(tx, kase, AUTOMATION_ACTOR, now);
    const command = await this.commands.send(tx, kase, release, ExecutionCommandType.RELEASE_ORDER, {}, now);
    await this.step(tx, kase, { type: 'ALL_SETTLED', awaitingExecution: true }, now);
    await this.record(tx, kase.id, AUTOMATION_ACTOR, 'order.release-requested', {
      actionId: release.id,
      commandId: command.id,
      erpVersion: kase.erpVersion,
    });
    return 'every exception settled: release requested from the ERP';
  }

  record(tx: EntityManager, caseId: string, actor: string, action: string, payload: JsonObject) {
    return this.audit.append({ caseId, actor, action, payload }, tx);
  }

  publish(tx: EntityManager, kase: CaseEntity, change: string, now: Date) {
    return enqueueCaseUpdated(tx, kase, change, now);
  }
}
