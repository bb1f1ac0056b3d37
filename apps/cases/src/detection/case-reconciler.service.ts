import { Injectable } from '@nestjs/common';
import { CaseStatus } from '@ordex/contracts';
import { EntityManager } from 'typeorm';
import { CaseActionsService } from '../actions/case-actions.service';
import { CaseProgressService } from '../actions/case-progress.service';
import { CaseAssessmentService } from '../assessment/case-assessment.service';
import { TaskPlannerService } from '../assessment/task-planner.service';
import { AuditTrailService } from '../audit/audit-trail.service';
import type { JsonObject } from '../audit/domain/chain-hash.util';
import { CaseExceptionEntity } from '../cases/case-exception.entity';
import { CaseEntity } from '../cases/case.entity';
import { enqueueCaseUpdated } from '../cases/case-updated.event';
import { CaseEvent, reopenDecision, transition } from '../cases/domain/case-lifecycle.util';
import { ExceptionStatus } from '../cases/exception-status.enum';
import type { ProductContext } from '../recommendations/domain/recommend-actions.util';
import type { NotesReading } from '../triage/domain/note-triage.util';
import { NoteTriageService } from '../triage/note-triage.service';
import type { DetectedException, DetectionOutcome } from './domain/detect-exceptions.util';
import { SETTLED_ORDER_STATUSES } from './domain/detect-exceptions.util';
import type { OrderContext } from './order-context';

/** Who records detection's steps on the audit trail, and which rules decided. */
export const DETECTION_ACTOR = 'ordex.detection';
export const DETECTION_RULES = 'detection-rules/1';

export interface Reconciliation {
  order: OrderContext;
  outcome: DetectionOutcome;
  /** What asked for this evaluation (the ERP event, a timeout, the sweep). */
  trigger: string;
  now: Date;
  reworkWindowMs: number;
  /** The DC the order ships from and its region (whose business calendar the SLAs count on). */
  assignedDc: string | null;
  region: string | null;
  /** Inventory's answer for the short lines' SKUs and their substitutes. */
  products: ProductContext[];
  /** The order's notes and, when the case needs one, their triage (asked before the transaction). */
  notes: NotesReading;
}

/** What an evaluation changed on the order's case; `caseId` null when the order has no open case. */
export interface ReconciliationResult {
  caseId: string | null;
  opened: boolean;
  reopened: boolean;
  detected: number;
  cleared: number;
  closed: boolean;
}

const keyOf = (e: { category: string; lineNo: number | null }) => `${e.category}|${e.lineNo ?? ''}`;

/**
 * Brings an order's case in line with what detection found, in one transaction with its audit
 * entries and its cases.case.updated.v1 event: opens (or reopens) the case on a first exception,
 * adds each new exception with a task in its owning team's queue, clears each exception whose
 * cause went away (recording why), and closes the case when none is left open or the order left
 * exception handling, and keeps the triage of the order's notes in line with them. Only changes are
 * recorded: evaluating an unchanged order writes nothing but the evaluated version.
 */
@Injectable()
export class CaseReconcilerService {
  constructor(
    private readonly audit: AuditTrailService,
    private readonly tasks: TaskPlannerService,
    private readonly assessment: CaseAssessmentService,
    private readonly progress: CaseProgressService,
    private readonly actions: CaseActionsService,
    private readonly noteTriage: NoteTriageService,
  ) {}

  async reconcile(tx: EntityManager, input: Reconciliation): Promise<ReconciliationResult> {
    const { order, outcome, trigger, now } = input;
    const result: ReconciliationResult = {
      caseId: null,
      opened: false,
      reopened: false,
      detected: 0,
      cleared: 0,
      closed: false,
    };
    const settled = SETTLED_ORDER_STATUSES.has(order.status);
    let current = await tx
      .createQueryBuilder(CaseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.order_number = :n AND c.status <> :closed', {
        n: order.orderNumber,
        closed: CaseStatus.CLOSED,
      })
      .getOne();
    const changes: string[] = [];

    if (!current) {
      if (settled || outcome.exceptions.length === 0) return result;
      const reopened = await this.reopen(tx, input);
      current = reopened ?? (await this.open(tx, input));
      result.opened = !reopened;
      result.reopened = Boolean(reopened);
      changes.push(reopened ? 'reopened' : 'opened');
    }
    result.caseId = current.id;

    const open = await tx.find(CaseExceptionEntity, {
      where: { caseId: current.id, status: ExceptionStatus.OPEN },
    });
    // An exception settled by a decision (an approved override, an accepted backorder) stays
    // settled while the case is open, even though detection still sees its cause.
    const decided = await tx
      .createQueryBuilder(CaseExceptionEntity, 'e')
      .select(['e.category', 'e.lineNo'])
      .where('e.case_id = :caseId AND e.status = :resolved', {
        caseId: current.id,
        resolved: ExceptionStatus.RESOLVED,
      })
      // Only this episode's decisions: those before a reopen settled an earlier occurrence.
      .andWhere('e.cleared_at >= :since', { since: current.reopenedAt ?? current.openedAt })
      .getMany();
    const decidedKeys = new Set(decided.map(keyOf));
    const wanted = settled ? [] : outcome.exceptions.filter((e) => !decidedKeys.has(keyOf(e)));
    const wantedKeys = new Set(wanted.map(keyOf));
    const openByKey = new Map(open.map((e) => [keyOf(e), e]));

    const gone = open.filter((e) => !wantedKeys.has(keyOf(e)));
    const clearReason = settled
      ? `the order is ${order.status} in the ERP (v${order.erpVersion})`
      : `no longer detected at ERP version ${order.erpVersion} (${trigger})`;
    for (const exception of gone) {
      await this.clear(tx, current, exception, clearReason, now);
      result.cleared++;
    }
    await this.tasks.cancelTasks(
      tx,
      gone.map((e) => e.id),
      now,
    );
    const withdrawn = await this.progress.withdrawApprovals(
      tx,
      gone.map((e) => e.id),
      clearReason,
      now,
    );
    if (withdrawn) changes.push(`${withdrawn} approval${withdrawn > 1 ? 's' : ''} withdrawn`);
    if (current.region !== input.region) current.region = input.region;
    if (gone.length) changes.push(`${gone.length} exception${gone.length > 1 ? 's' : ''} cleared`);

    let status = current.status;
    // Nothing left to decide: the case goes back to work (or on to closing below).
    if (
      withdrawn &&
      status === CaseStatus.AWAITING_APPROVAL &&
      !(await this.progress.hasPendingApprovals(tx, current.id))
    ) {
      status = this.step(status, { type: 'APPROVAL_DECIDED' });
    }
    for (const detected of wanted) {
      const existing = openByKey.get(keyOf(detected));
      if (existing) {
        if (existing.reason !== detected.reason) await this.update(tx, current, existing, detected, order);
        continue;
      }
      await this.add(tx, current, detected, order, now);
      status = this.step(status, { type: 'EXCEPTION_DETECTED' });
      result.detected++;
    }
    if (result.detected && !result.opened && !result.reopened) {
      changes.push(`${result.detected} exception${result.detected > 1 ? 's' : ''} detected`);
    }

    const stillOpen = open.length - gone.length + result.detected;
    // Settled by decisions, not by themselves: the release path (CaseProgressService) takes over.
    const releasing = stillOpen === 0 && !settled && decided.length > 0;
    if (stillOpen === 0 && !releasing) {
      status = this.step(
        status,
        settled ? { type: 'ORDER_LEFT' } : { type: 'ALL_SETTLED', awaitingExecution: false },
      );
    }
    const noted = await this.noteTriage.record(
      tx,
      current,
      input.notes,
      wanted.map((e) => e.category),
      order.erpVersion,
      now,
    );
    if (noted && !changes.length) changes.push(noted);
    const closed = status === CaseStatus.CLOSED;
    await tx.update(
      CaseEntity,
      { id: current.id },
      {
        status,
        erpVersion: order.erpVersion,
        evaluatedAt: now,
        region: current.region,
        ...(closed ? { closedAt: now } : {}),
      },
    );
    current.status = status;
    if (releasing) {
      const released = await this.progress.settleIfDone(tx, current, now);
      if (released) changes.push(released);
    }
    if (!closed) {
      const assessed = await this.assessment.assess(tx, current, {
        order,
        products: input.products,
        assignedDc: input.assignedDc,
        now,
      });
      if (assessed.priority !== assessed.priorityBefore && !changes.length) {
        changes.push(`priority ${assessed.priorityBefore} → ${assessed.priority}`);
      }
      if (assessed.recommendationsChanged && !changes.length) changes.push('recommendations revised');
      const automated = await this.actions.runPolicy(tx, current, now);
      if (automated) changes.push(`${automated} action${automated > 1 ? 's' : ''} taken by policy`);
    }
    if (closed) {
      result.closed = true;
      changes.push('closed');
      await this.record(tx, current.id, 'case.closed', {
        why: settled ? clearReason : 'every exception cleared by itself',
        erpVersion: order.erpVersion,
      });
    }
    if (changes.length) await enqueueCaseUpdated(tx, current, changes.join(', '), now);
    return result;
  }

  /** Status after an event; a refused transition leaves it as it is (the case is already there). */
  private step(status: CaseStatus, event: CaseEvent): CaseStatus {
    const next = transition(status, event);
    return next.ok ? next.to : status;
  }

  /** The order's last closed case, reopened when it closed within the rework window. */
  private async reopen(tx: EntityManager, input: Reconciliation): Promise<CaseEntity | null> {
    const { order, outcome, now, reworkWindowMs } = input;
    const last = await tx.findOne(CaseEntity, {
      where: { orderNumber: order.orderNumber, status: CaseStatus.CLOSED },
      order: { closedAt: 'DESC' },
    });
    if (!last?.closedAt) return null;
    const before = await tx.find(CaseExceptionEntity, { where: { caseId: last.id } });
    const hadBefore = new Set(before.map(keyOf));
    const recurring = outcome.exceptions.filter((e) => hadBefore.has(keyOf(e)));
    const decision = reopenDecision({
      closedAt: last.closedAt,
      now,
      windowMs: reworkWindowMs,
      recurring: recurring.length > 0,
    });
    if (!decision.reopen) return null;
    const next = transition(CaseStatus.CLOSED, { type: 'EXCEPTION_DETECTED' });
    const status = next.ok ? next.to : CaseStatus.OPEN;
    await tx.update(
      CaseEntity,
      { id: last.id },
      {
        status,
        closedAt: null,
        reopenedAt: now,
        reopenedCount: last.reopenedCount + 1,
        reworkCount: last.reworkCount + (decision.rework ? 1 : 0),
      },
    );
    await this.record(tx, last.id, 'case.reopened', {
      erpVersion: order.erpVersion,
      closedAt: last.closedAt.toISOString(),
      rework: decision.rework,
      recurring: recurring.map(keyOf),
      trigger: input.trigger,
    });
    return { ...last, status, closedAt: null, reopenedAt: now };
  }

  private async open(tx: EntityManager, input: Reconciliation): Promise<CaseEntity> {
    const { order, now } = input;
    const created = tx.create(CaseEntity, {
      orderNumber: order.orderNumber,
      customerId: order.customerId,
      region: input.region,
      priorityFactors: [],
      priorityInputs: null,
      ruleVersions: {},
      reopenedAt: null,
      status: CaseStatus.OPEN,
      priority: 0,
      openedAt: now,
      closedAt: null,
      erpVersion: order.erpVersion,
      evaluatedAt: now,
      reopenedCount: 0,
      reworkCount: 0,
    });
    const saved = await tx.save(CaseEntity, created);
    await this.record(tx, saved.id, 'case.opened', {
      orderNumber: order.orderNumber,
      customerId: order.customerId,
      erpVersion: order.erpVersion,
      trigger: input.trigger,
    });
    return saved;
  }

  private async add(
    tx: EntityManager,
    kase: CaseEntity,
    detected: DetectedException,
    order: OrderContext,
    now: Date,
  ): Promise<void> {
    const exception = await tx.save(
      CaseExceptionEntity,
      tx.create(CaseExceptionEntity, {
        caseId: kase.id,
        category: detected.category,
        lineNo: detected.lineNo,
        status: ExceptionStatus.OPEN,
        detectedAt: now,
        clearedAt: null,
        reason: detected.reason,
        clearReason: null,
        facts: detected.facts,
      }),
    );
    const planned = await this.tasks.openTask(
      tx,
      kase,
      exception,
      { tier: order.customer?.tier ?? null, segment: order.customer?.segment ?? null },
      now,
    );
    await this.record(tx, kase.id, 'exception.detected', {
      exceptionId: exception.id,
      category: detected.category,
      lineNo: detected.lineNo,
      team: planned.task.team,
      taskId: planned.task.id,
      dueAt: planned.task.dueAt?.toISOString() ?? null,
      slaTargetMinutes: planned.task.slaTargetMinutes,
      tables: planned.rules,
      reason: detected.reason,
      inputs: detected.facts as JsonObject,
      erpVersion: order.erpVersion,
    });
  }

  private async update(
    tx: EntityManager,
    kase: CaseEntity,
    existing: CaseExceptionEntity,
    detected: DetectedException,
    order: OrderContext,
  ): Promise<void> {
    await tx.query(`UPDATE "cases"."case_exception" SET reason = $2, facts = $3::jsonb WHERE id = $1`, [
      existing.id,
      detected.reason,
      JSON.stringify(detected.facts),
    ]);
    await this.record(tx, kase.id, 'exception.updated', {
      exceptionId: existing.id,
      before: existing.reason,
      after: detected.reason,
      inputs: detected.facts as JsonObject,
      erpVersion: order.erpVersion,
    });
  }

  private async clear(
    tx: EntityManager,
    kase: CaseEntity,
    exception: CaseExceptionEntity,
    why: string,
    now: Date,
  ): Promise<void> {
    await tx.update(
      CaseExceptionEntity,
      { id: exception.id },
      { status: ExceptionStatus.CLEARED, clearedAt: now, clearReason: why },
    );
    await this.record(tx, kase.id, 'exception.cleared', {
      exceptionId: exception.id,
      category: exception.category,
      lineNo: exception.lineNo,
      why,
      before: exception.reason,
    });
  }

  private record(tx: EntityManager, caseId: string, action: string, payload: JsonObject) {
    return this.audit.append(
      { caseId, actor: DETECTION_ACTOR, action, payload: { rules: DETECTION_RULES, ...payload } },
      tx,
    );
  }
}
