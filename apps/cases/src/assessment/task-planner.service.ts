import { Injectable } from '@nestjs/common';
import { EXCEPTION_CATEGORY_OWNER, Team } from '@ordex/contracts';
import { EntityManager, In } from 'typeorm';
import { CaseExceptionEntity } from '../cases/case-exception.entity';
import { CaseEntity } from '../cases/case.entity';
import { TaskEntity } from '../cases/task.entity';
import { ROUTING_TABLE } from '../decision-tables/domain/routing.table';
import { BusinessCalendarsService } from '../sla/business-calendars.service';
import { escalationLadder, slaTargetFrom, type LadderStep } from '../sla/domain/escalation-ladder.util';
import { SLA_TARGETS_TABLE } from '../sla/domain/sla-targets.table';
import { EscalationEntity } from '../sla/escalation.entity';
import { RuleVersionsService } from './rule-versions.service';

/** The customer facts routing and SLA targets are decided on. */
export interface TaskContext {
  tier: string | null;
  segment: string | null;
}

export interface PlannedTask {
  task: TaskEntity;
  ladder: LadderStep[];
  /** The table versions that routed it and set its SLA. */
  rules: Record<string, number>;
}

const TEAMS = new Set<string>(Object.values(Team));

/**
 * Puts an exception's task in the right queue with its SLA: the routing table picks the team, the
 * sla-targets table the target, the case's business calendar turns it into deadlines, and the
 * escalation ladder is scheduled from them (the scheduler fires each step once).
 */
@Injectable()
export class TaskPlannerService {
  constructor(
    private readonly rules: RuleVersionsService,
    private readonly calendars: BusinessCalendarsService,
  ) {}

  async openTask(
    tx: EntityManager,
    kase: CaseEntity,
    exception: CaseExceptionEntity,
    context: TaskContext,
    now: Date,
  ): Promise<PlannedTask> {
    const routing = await this.rules.decide<{ team?: unknown }>(tx, kase, ROUTING_TABLE, {
      category: exception.category,
      stockElsewhere: stockElsewhere(exception),
      segment: context.segment,
      tier: context.tier,
    });
    const team =
      typeof routing.result.team === 'string' && TEAMS.has(routing.result.team)
        ? (routing.result.team as Team)
        : EXCEPTION_CATEGORY_OWNER[exception.category];
    const sla = await this.rules.decide(tx, kase, SLA_TARGETS_TABLE, {
      category: exception.category,
      tier: context.tier,
    });
    const target = slaTargetFrom(sla.result);
    const ladder = target
      ? escalationLadder(now, target, await this.calendars.forRegion(kase.region, tx))
      : [];
    const task = await tx.save(
      TaskEntity,
      tx.create(TaskEntity, {
        exceptionId: exception.id,
        team,
        status: 'OPEN',
        createdAt: now,
        closedAt: null,
        dueAt: ladder.find((step) => step.kind === 'BREACHED')?.dueAt ?? null,
        atRiskAt: ladder.find((step) => step.kind === 'AT_RISK')?.dueAt ?? null,
        slaTargetMinutes: target?.targetMinutes ?? null,
        escalationLevel: 0,
        assignee: null,
      }),
    );
    if (ladder.length) {
      await tx.insert(
        EscalationEntity,
        ladder.map((step) => ({
          taskId: task.id,
          caseId: kase.id,
          step: step.step,
          kind: step.kind,
          dueAt: step.dueAt,
          state: 'PENDING' as const,
        })),
      );
    }
    return { task, ladder, rules: { [ROUTING_TABLE]: routing.version, [SLA_TARGETS_TABLE]: sla.version } };
  }

  /** Cancels the open tasks of exceptions that went away, and the escalations still waiting on them. */
  async cancelTasks(tx: EntityManager, exceptionIds: readonly string[], now: Date): Promise<void> {
    if (exceptionIds.length === 0) return;
    await tx.query(
      `WITH cancelled AS (
         UPDATE "cases"."task" SET status = 'CANCELLED', closed_at = $2
         WHERE exception_id = ANY($1) AND status = 'OPEN' RETURNING id)
       UPDATE "cases"."escalation" SET state = 'CANCELLED'
       WHERE state = 'PENDING' AND task_id IN (SELECT id FROM cancelled)`,
      [[...exceptionIds], now],
    );
  }

  /** The open tasks of a case's open exceptions. */
  openTasks(tx: EntityManager, exceptionIds: readonly string[]): Promise<TaskEntity[]> {
    return exceptionIds.length
      ? tx.find(TaskEntity, { where: { exceptionId: In([...exceptionIds]), status: 'OPEN' } })
      : Promise.resolve([]);
  }
}

/** A short line another DC could fill, or partly fill from its own DC: warehouse work; otherwise it needs supply. */
function stockElsewhere(exception: CaseExceptionEntity): boolean | null {
  if (exception.category !== 'STOCK_SHORTAGE') return null;
  const { alternateDc, availableByRequestedDate } = exception.facts as {
    alternateDc?: unknown;
    availableByRequestedDate?: unknown;
  };
  return (typeof alternateDc === 'string' && alternateDc !== '') || Number(availableByRequestedDate ?? 0) > 0;
}
