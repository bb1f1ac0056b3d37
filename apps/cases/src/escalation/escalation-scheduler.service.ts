import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_CLOCK, SERVICE_LOGGER, SERVICE_METRICS, ServiceMetrics } from '@ordex/platform';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { CaseAssessmentService } from '../assessment/case-assessment.service';
import { AuditTrailService } from '../audit/audit-trail.service';
import { CaseEntity } from '../cases/case.entity';
import { PollingLoop } from '@ordex/platform';
import { enqueueCaseUpdated } from '../cases/case-updated.event';
import { TaskEntity } from '../cases/task.entity';
import type { EscalationKind } from '../sla/domain/escalation-ladder.util';
import { ESCALATION_SETTINGS, type EscalationOptions } from './escalation.settings';

/** Who records escalations on the audit trail. */
export const ESCALATION_ACTOR = 'ordex.escalation';

/** Who each step of the ladder brings in. */
const NOTIFIES: Record<EscalationKind, (team: string) => string> = {
  AT_RISK: (team) => `${team} queue`,
  BREACHED: (team) => `${team} team lead`,
  MANAGER: () => 'operations manager',
};
const HEADLINE: Record<EscalationKind, string> = {
  AT_RISK: 'SLA at risk',
  BREACHED: 'SLA breached',
  MANAGER: 'escalated to the operations manager',
};

interface DueStep {
  id: string;
  task_id: string;
  case_id: string;
  step: number;
  kind: EscalationKind;
  due_at: Date;
}

/**
 * Fires the escalation ladders' steps as they fall due. Every instance of the cases service runs
 * one: a case with due steps is claimed with FOR UPDATE SKIP LOCKED and its steps are marked
 * FIRED in the same transaction as their effects (the task's level, the audit entry, the case's
 * new priority, the update event), so two instances never fire one step twice, and a step that
 * fell due while every instance was down fires once at the next poll after a restart.
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  /** This process, as recorded on each step it fires. */
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly loop: PollingLoop;
  private readonly fired: Counter<'kind'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessment: CaseAssessmentService,
    private readonly audit: AuditTrailService,
    @Inject(ESCALATION_SETTINGS) private readonly settings: EscalationOptions,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
  ) {
    this.loop = new PollingLoop(
      async () => (await this.runOnce()).cases === settings.batchSize,
      settings.pollIntervalMs,
      (error) => logger.error({ err: error }, 'escalation pass failed'),
    );
    this.fired = new Counter({
      name: 'ordex_escalations_fired_total',
      help: 'Escalation steps fired, by kind (AT_RISK, BREACHED, MANAGER)',
      labelNames: ['kind'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * One pass: up to a batch of cases with due steps, each in its own transaction that locks the
   * case first (the order every other writer of a case uses, so no deadlock), then fires that
   * case's due steps. A case another instance or a person is working on right now is skipped
   * until the next pass; one case failing does not hold up the others.
   */
  async runOnce(): Promise<{ cases: number; fired: number }> {
    const now = this.clock();
    const due: { case_id: string }[] = await this.dataSource.query(
      `SELECT case_id FROM "cases"."escalation" WHERE state = 'PENDING' AND due_at <= $1
        GROUP BY case_id ORDER BY min(due_at) LIMIT $2`,
      [now, this.settings.batchSize],
    );
    let fired = 0;
    for (const { case_id: caseId } of due) {
      try {
        fired += await this.dataSource.transaction(async (tx) => {
          const locked: unknown[] = await tx.query(
            `SELECT 1 FROM "cases"."case" WHERE id = $1 FOR UPDATE SKIP LOCKED`,
            [caseId],
          );
          if (locked.length === 0) return 0;
          const steps: DueStep[] = await tx.query(
            `SELECT id, task_id, case_id, step, kind, due_at FROM "cases"."escalation"
              WHERE case_id = $1 AND state = 'PENDING' AND due_at <= $2 ORDER BY due_at, step FOR UPDATE`,
            [caseId, now],
          );
          if (steps.length) await this.fireForCase(tx, caseId, steps, now);
          for (const step of steps) this.fired.inc({ kind: step.kind });
          return steps.length;
        });
      } catch (error) {
        this.logger.error(
          { err: error, caseId },
          'escalation steps not fired; they run again at the next pass',
        );
      }
    }
    return { cases: due.length, fired };
  }

  private async fireForCase(tx: EntityManager, caseId: string, steps: DueStep[], now: Date): Promise<void> {
    const kase = await tx.findOneByOrFail(CaseEntity, { id: caseId });
    const headlines: string[] = [];
    for (const step of steps) {
      const task = await tx.findOneByOrFail(TaskEntity, { id: step.task_id });
      await tx.query(
        `UPDATE "cases"."escalation" SET state = 'FIRED', fired_at = $2, fired_by = $3 WHERE id = $1`,
        [step.id, now, this.instance],
      );
      await tx.query(
        `UPDATE "cases"."task" SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1`,
        [task.id, step.step],
      );
      const notify = NOTIFIES[step.kind](task.team);
      await this.audit.append(
        {
          caseId,
          actor: ESCALATION_ACTOR,
          action: 'task.escalated',
          payload: {
            taskId: task.id,
            team: task.team,
            step: step.step,
            kind: step.kind,
            notify,
            dueAt: step.due_at.toISOString(),
            firedAt: now.toISOString(),
            slaTargetMinutes: task.slaTargetMinutes,
            taskDueAt: task.dueAt?.toISOString() ?? null,
            before: { escalationLevel: task.escalationLevel },
            after: { escalationLevel: Math.max(task.escalationLevel, step.step) },
            instance: this.instance,
          },
        },
        tx,
      );
      headlines.push(`${HEADLINE[step.kind]} for the ${task.team} task (${notify} notified)`);
    }
    const priority = await this.assessment.rescore(tx, kase, now);
    await enqueueCaseUpdated(
      tx,
      { ...kase, priority: priority?.score ?? kase.priority },
      headlines.join('; '),
      now,
    );
  }
}
