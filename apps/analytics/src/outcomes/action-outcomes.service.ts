import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { KPI_SETTINGS, type KpiSettings } from '../kpis/kpi.settings';

/** What became of an action, from the steps after it. */
export type ActionFate = 'rejected' | 'refused' | 'reworked' | 'settled' | 'pending';

/** One action taken on a case and its fate. */
export interface ActionOutcome {
  actionId: string;
  caseId: string;
  orderNumber: string;
  exceptionId: string | null;
  category: string | null;
  action: string;
  rank: number | null;
  byPerson: boolean;
  /** A person took another than ordex's first recommendation. */
  overrode: boolean;
  takenBy: string | null;
  takenAt: Date;
  cost: number;
  approvalDecision: string | null;
  commandOutcome: string | null;
  settledAt: Date | null;
  reworkedAt: Date | null;
  fate: ActionFate;
  /** The order shipped after the date last asked for; null while it has not shipped. */
  orderLate: boolean | null;
  /** What ordex ranked the action on (the action-outcome model's inputs); null when not recorded. */
  rankingInput: Record<string, unknown> | null;
  /** The learned ranking's probability that it succeeds, and the model version; null when the rules ranked it. */
  successProbability: number | null;
  rankingModel: string | null;
}

/**
 * Tracks every action taken on a case to its fate — its approval, the ERP's answer to its command,
 * the settling of its exception, rework that undid it — as the cases service's steps arrive, and
 * reads them back for review and for training a model of which actions work.
 */
@Injectable()
export class ActionOutcomesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KPI_SETTINGS) private readonly settings: KpiSettings,
  ) {}

  async taken(
    tx: EntityManager,
    a: {
      actionId: string;
      caseId: string;
      orderNumber: string;
      exceptionId: string | null;
      approvalId: string | null;
      action: string;
      rank: number | null;
      byPerson: boolean;
      takenBy: string | null;
      takenAt: Date;
      cost: number;
      rankingInput: Record<string, unknown> | null;
      successProbability: number | null;
      rankingModel: string | null;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "analytics"."action_outcome"
         (action_id, case_id, order_number, exception_id, approval_id, action, rank, by_person, taken_by, taken_at, cost,
          ranking_input, success_probability, ranking_model)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (action_id) DO NOTHING`,
      [
        a.actionId,
        a.caseId,
        a.orderNumber,
        a.exceptionId,
        a.approvalId,
        a.action,
        a.rank,
        a.byPerson,
        a.takenBy,
        a.takenAt,
        a.cost,
        a.rankingInput,
        a.successProbability,
        a.rankingModel,
      ],
    );
  }

  async approvalDecided(tx: EntityManager, approvalId: string, decision: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE "analytics"."action_outcome" SET approval_decision = $2, decided_at = $3
        WHERE approval_id = $1 AND approval_decision IS NULL`,
      [approvalId, decision, at],
    );
  }

  async commandAnswered(tx: EntityManager, actionId: string, outcome: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE "analytics"."action_outcome" SET command_outcome = $2, acknowledged_at = $3
        WHERE action_id = $1 AND command_outcome IS NULL`,
      [actionId, outcome, at],
    );
  }

  /** The exception settled: the actions taken on it before then settled it. */
  async exceptionSettled(tx: EntityManager, exceptionId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE "analytics"."action_outcome" SET settled_at = $2
        WHERE exception_id = $1 AND settled_at IS NULL AND taken_at <= $2`,
      [exceptionId, at],
    );
  }

  /** The case came back as rework: what had settled it did not last. */
  async caseReworked(tx: EntityManager, caseId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE "analytics"."action_outcome" SET reworked_at = $2
        WHERE case_id = $1 AND settled_at IS NOT NULL AND reworked_at IS NULL AND settled_at <= $2`,
      [caseId, at],
    );
  }

  /** Actions taken in [from, to), oldest first, at most `first`. */
  async list(first: number, from?: Date, to?: Date): Promise<ActionOutcome[]> {
    const rows: {
      action_id: string;
      case_id: string;
      order_number: string;
      exception_id: string | null;
      category: string | null;
      action: string;
      rank: number | null;
      by_person: boolean;
      taken_by: string | null;
      taken_at: Date;
      cost: string;
      approval_decision: string | null;
      command_outcome: string | null;
      settled_at: Date | null;
      reworked_at: Date | null;
      order_late: boolean | null;
      ranking_input: Record<string, unknown> | null;
      success_probability: number | null;
      ranking_model: string | null;
    }[] = await this.db.query(
      `SELECT a.*, e.category,
              CASE WHEN o.shipped_at IS NULL OR o.requested_date IS NULL THEN NULL
                   ELSE (o.shipped_at AT TIME ZONE $4)::date > o.requested_date END AS order_late
         FROM "analytics"."action_outcome" a
         LEFT JOIN "analytics"."exception_fact" e ON e.exception_id = a.exception_id
         LEFT JOIN "analytics"."order_fact" o ON o.order_number = a.order_number
        WHERE ($1::timestamptz IS NULL OR a.taken_at >= $1) AND ($2::timestamptz IS NULL OR a.taken_at < $2)
        ORDER BY a.taken_at, a.action_id
        LIMIT $3`,
      [from ?? null, to ?? null, first, this.settings.timeZone],
    );
    return rows.map((r) => ({
      actionId: r.action_id,
      caseId: r.case_id,
      orderNumber: r.order_number,
      exceptionId: r.exception_id,
      category: r.category,
      action: r.action,
      rank: r.rank,
      byPerson: r.by_person,
      overrode: r.by_person && r.rank !== null && r.rank > 1,
      takenBy: r.taken_by,
      takenAt: r.taken_at,
      cost: Number(r.cost),
      approvalDecision: r.approval_decision,
      commandOutcome: r.command_outcome,
      settledAt: r.settled_at,
      reworkedAt: r.reworked_at,
      fate: fateOf(r),
      orderLate: r.order_late,
      rankingInput: r.ranking_input,
      successProbability: r.success_probability,
      rankingModel: r.ranking_model,
    }));
  }
}

function fateOf(r: {
  approval_decision: string | null;
  command_outcome: string | null;
  reworked_at: Date | null;
  settled_at: Date | null;
}): ActionFate {
  if (r.approval_decision !== null && r.approval_decision !== 'APPROVED') return 'rejected';
  if (r.command_outcome === 'REJECTED') return 'refused';
  if (r.reworked_at) return 'reworked';
  if (r.settled_at) return 'settled';
  return 'pending';
}
