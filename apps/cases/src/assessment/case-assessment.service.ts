import { Injectable } from '@nestjs/common';
import {
  AUTOMATION_POLICY_TABLE,
  isMonthEnd,
  type ActionRankingDecision,
  type ServiceRiskDecision,
} from '@ordex/decision';
import { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit/audit-trail.service';
import type { JsonObject } from '../audit/domain/chain-hash.util';
import { CaseExceptionEntity } from '../cases/case-exception.entity';
import { type CaseActionRanking, CaseEntity } from '../cases/case.entity';
import {
  casePriority,
  marginAtRisk,
  PRIORITY_MODEL,
  type Priority,
  type PriorityInputs,
} from '../cases/domain/priority.util';
import { ExceptionStatus } from '../cases/exception-status.enum';
import type { OrderContext } from '../detection/order-context';
import {
  type ProductContext,
  type RecommendationCandidate,
  recommendActions,
} from '../recommendations/domain/recommend-actions.util';
import { RecommendationEntity } from '../recommendations/recommendation.entity';
import { BusinessCalendarsService } from '../sla/business-calendars.service';
import { workingMinutesBetween } from '../sla/domain/business-calendar.util';
import { ActionRankingService } from './action-ranking.service';
import { applyRanking, rankingCandidates } from './domain/recommendation-ranking.util';
import { RuleVersionsService } from './rule-versions.service';
import { ServiceRiskService } from './service-risk.service';
import { TaskPlannerService } from './task-planner.service';

/** Who records assessments on the audit trail. */
export const ASSESSMENT_ACTOR = 'ordex.assessment';

/** Exceptions that put the promised date at risk while they are open. */
const DATE_THREATENING = new Set(['STOCK_SHORTAGE', 'SHIPMENT_CONSTRAINT', 'ROUTING_RULE', 'CREDIT_HOLD']);

export interface AssessmentInput {
  order: OrderContext;
  products: ProductContext[];
  assignedDc: string | null;
  now: Date;
}

/** A recommendation as the assessment proposes it, before it is stored. */
type ProposedRow = Omit<RecommendationEntity, 'id' | 'createdAt'>;

/** What changed, for the case's update event; empty when nothing did. */
export interface AssessmentChange {
  priorityBefore: number;
  priority: number;
  recommendationsChanged: boolean;
}

/**
 * Scores an open case's priority (factor by factor) and proposes its next best actions from the
 * order's context, each marked with whether the automation policy lets it run without a person,
 * ranked by the learned action-outcome model where it may (the rules' order otherwise).
 * Records an assessment on the audit trail only when the score or the proposals changed.
 */
@Injectable()
export class CaseAssessmentService {
  constructor(
    private readonly rules: RuleVersionsService,
    private readonly tasks: TaskPlannerService,
    private readonly calendars: BusinessCalendarsService,
    private readonly audit: AuditTrailService,
    private readonly serviceRisk: ServiceRiskService,
    private readonly actionRanking: ActionRankingService,
  ) {}

  async assess(tx: EntityManager, kase: CaseEntity, input: AssessmentInput): Promise<AssessmentChange> {
    const { order, now } = input;
    // In detection's order (category, then line): the recommendations' ranking follows it.
    const open = await tx.find(CaseExceptionEntity, {
      where: { caseId: kase.id, status: ExceptionStatus.OPEN },
      order: { category: 'ASC', lineNo: { direction: 'ASC', nulls: 'FIRST' } },
    });
    const inputs: PriorityInputs = {
      tier: order.customer?.tier ?? null,
      orderValue: order.orderValue,
      marginAtRisk: marginAtRisk(
        order.lines.map((line) => ({
          lineNo: line.lineNo,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          marginPct: line.priceCheck?.marginPct ?? null,
        })),
        open,
      ),
      daysToRequestedDate: daysBetween(now.toISOString().slice(0, 10), order.requestedDate),
      dateThreatened: open.some((e) => DATE_THREATENING.has(e.category)),
      slaShareLeft: await this.slaShareLeft(tx, kase, open, now),
    };
    const priority = casePriority(inputs);
    const recentExceptions = await this.recentExceptions(tx, kase);
    const risk = this.serviceRisk.decide({
      orderedAt: kase.openedAt,
      requestedDate: order.requestedDate,
      lines: order.lines.length,
      orderValue: order.orderValue,
      segment: order.customer?.segment ?? null,
      tier: order.customer?.tier ?? null,
      monthEnd: isMonthEnd(kase.openedAt),
      categories: open.map((e) => e.category),
      recentExceptions,
    });
    const riskChanged = riskSignature(kase.serviceRisk) !== riskSignature(risk);

    const candidates = recommendActions({
      order,
      exceptions: open.map((e) => ({
        category: e.category,
        lineNo: e.lineNo,
        facts: e.facts,
        reason: e.reason,
      })),
      products: input.products,
      assignedDc: input.assignedDc,
      asOf: now.toISOString().slice(0, 10),
    });
    const rows = await this.withPolicy(tx, kase, candidates, open, order);
    const toRank = rankingCandidates(rows, {
      categories: new Map(open.map((e) => [e.id, e.category])),
      orderValue: order.orderValue,
      lines: order.lines.length,
      segment: order.customer?.segment ?? null,
      tier: order.customer?.tier ?? null,
      monthEnd: isMonthEnd(now),
      recentExceptions,
      exceptions: open.length,
    });
    const decision = this.actionRanking.rank(toRank);
    const proposed: ProposedRow[] = applyRanking(rows, toRank, decision);
    const ranking = rankingOf(decision);
    const rankingChanged = rankingSignature(kase.actionRanking) !== rankingSignature(ranking);
    const existing = await tx.find(RecommendationEntity, {
      where: { caseId: kase.id },
      order: { rank: 'ASC' },
    });
    const recommendationsChanged = signature(existing) !== signature(proposed);
    const priorityChanged = priority.score !== kase.priority || !kase.priorityInputs;

    if (recommendationsChanged) {
      await tx.delete(RecommendationEntity, { caseId: kase.id });
      if (proposed.length)
        await tx.insert(
          RecommendationEntity,
          proposed.map((r) => ({ ...r, createdAt: now })),
        );
    }
    await tx.update(
      CaseEntity,
      { id: kase.id },
      {
        priority: priority.score,
        priorityFactors: priority.factors,
        priorityInputs: inputs,
        serviceRisk: risk,
        actionRanking: ranking,
        orderSnapshot: {
          currency: order.currency,
          requestedDate: order.requestedDate,
          originalRequestedDate: kase.orderSnapshot?.originalRequestedDate ?? order.requestedDate,
          customerName: order.customer?.name ?? null,
          lines: order.lines.map(({ lineNo, sku, quantity, unitPrice }) => ({
            lineNo,
            sku,
            quantity,
            unitPrice,
          })),
        },
      },
    );
    const change = { priorityBefore: kase.priority, priority: priority.score, recommendationsChanged };
    if (priorityChanged || recommendationsChanged || riskChanged || rankingChanged) {
      await this.record(tx, kase, priority, proposed, recommendationsChanged, risk, ranking);
    }
    kase.priority = priority.score;
    kase.serviceRisk = risk;
    kase.actionRanking = ranking;
    return change;
  }

  /** Rescores a case as time passes (an escalation fired) from the inputs it was last assessed on. */
  async rescore(tx: EntityManager, kase: CaseEntity, now: Date): Promise<Priority | null> {
    if (!kase.priorityInputs) return null;
    const open = await tx.find(CaseExceptionEntity, {
      where: { caseId: kase.id, status: ExceptionStatus.OPEN },
    });
    const inputs = { ...kase.priorityInputs, slaShareLeft: await this.slaShareLeft(tx, kase, open, now) };
    const priority = casePriority(inputs);
    await tx.update(
      CaseEntity,
      { id: kase.id },
      { priority: priority.score, priorityFactors: priority.factors, priorityInputs: inputs },
    );
    return priority;
  }

  /** The customer's exceptions on its other orders' cases in the 30 days before this case opened. */
  private async recentExceptions(tx: EntityManager, kase: CaseEntity): Promise<number> {
    if (!kase.customerId) return 0;
    const [{ n }]: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM "cases"."case_exception" e JOIN "cases"."case" c ON c.id = e.case_id
        WHERE c.customer_id = $1 AND c.order_number <> $2
          AND e.detected_at < $3 AND e.detected_at >= $3::timestamptz - interval '30 days'`,
      [kase.customerId, kase.orderNumber, kase.openedAt],
    );
    return n;
  }

  /** The tightest open task's share of its SLA still left (negative once breached); null without SLAs. */
  private async slaShareLeft(
    tx: EntityManager,
    kase: CaseEntity,
    open: CaseExceptionEntity[],
    now: Date,
  ): Promise<number | null> {
    const tasks = (
      await this.tasks.openTasks(
        tx,
        open.map((e) => e.id),
      )
    ).filter((t) => t.dueAt !== null && t.slaTargetMinutes !== null);
    if (tasks.length === 0) return null;
    const calendar = await this.calendars.forRegion(kase.region, tx);
    const shares = tasks.map(
      (t) => workingMinutesBetween(now, t.dueAt as Date, calendar) / (t.slaTargetMinutes as number),
    );
    return Math.round(Math.min(...shares) * 1000) / 1000;
  }

  /** The candidates as rows in the rules' order, each judged by the case's automation-policy table. */
  private async withPolicy(
    tx: EntityManager,
    kase: CaseEntity,
    candidates: RecommendationCandidate[],
    open: CaseExceptionEntity[],
    order: OrderContext,
  ): Promise<Omit<ProposedRow, 'successProbability' | 'rankingExplanation' | 'rankingInput'>[]> {
    const rows: Omit<ProposedRow, 'successProbability' | 'rankingExplanation' | 'rankingInput'>[] = [];
    for (const candidate of candidates) {
      const policy = await this.rules.decide<{ automatable?: unknown; rule?: unknown }>(
        tx,
        kase,
        AUTOMATION_POLICY_TABLE,
        {
          action: candidate.action,
          cost: candidate.cost,
          dateEffectDays: candidate.dateEffectDays,
          marginEffect: candidate.marginEffect,
          tier: order.customer?.tier ?? null,
          segment: order.customer?.segment ?? null,
        },
      );
      const exception = candidate.exception
        ? open.find(
            (e) => e.category === candidate.exception?.category && e.lineNo === candidate.exception.lineNo,
          )
        : undefined;
      rows.push({
        caseId: kase.id,
        exceptionId: exception?.id ?? null,
        action: candidate.action,
        cost: candidate.cost,
        marginEffect: candidate.marginEffect,
        dateEffectDays: candidate.dateEffectDays,
        confidence: candidate.confidence,
        reason: candidate.reason,
        automatable: policy.result.automatable === true,
        policyRule: typeof policy.result.rule === 'string' ? policy.result.rule : null,
        parameters: candidate.parameters,
        rank: candidate.rank,
      });
    }
    return rows;
  }

  private record(
    tx: EntityManager,
    kase: CaseEntity,
    priority: Priority,
    proposed: ProposedRow[],
    recommendationsChanged: boolean,
    risk: ServiceRiskDecision,
    ranking: CaseActionRanking,
  ) {
    return this.audit.append(
      {
        caseId: kase.id,
        actor: ASSESSMENT_ACTOR,
        action: 'case.assessed',
        payload: {
          model: PRIORITY_MODEL,
          rules: kase.ruleVersions as JsonObject,
          before: { priority: kase.priority },
          after: { priority: priority.score },
          serviceRisk: {
            probability: Math.round(risk.probability * 10_000) / 10_000,
            source: risk.source,
            modelVersion: risk.modelVersion,
            rulesVersion: risk.rulesVersion,
            fallbackReason: risk.fallbackReason,
          },
          actionRanking: {
            source: ranking.source,
            modelVersion: ranking.modelVersion,
            fallbackReason: ranking.fallbackReason,
            outOfRange: ranking.outOfRange,
          },
          factors: priority.factors.map((f) => ({
            factor: f.factor,
            input: f.input,
            contribution: f.contribution,
          })),
          ...(recommendationsChanged
            ? {
                recommendations: proposed.map((r) => ({
                  rank: r.rank,
                  action: r.action,
                  exceptionId: r.exceptionId,
                  cost: r.cost,
                  dateEffectDays: r.dateEffectDays,
                  marginEffect: r.marginEffect,
                  automatable: r.automatable,
                  policyRule: r.policyRule,
                  successProbability: r.successProbability,
                })),
              }
            : {}),
        },
      },
      tx,
    );
  }
}

/** What makes a service-risk decision worth recording again: who decided, and the rounded probability. */
function riskSignature(risk: ServiceRiskDecision | null): string {
  if (!risk) return '';
  return [risk.source, risk.modelVersion, risk.fallbackReason, risk.probability.toFixed(3)].join('|');
}

/** The ranking decision as the case keeps it: what ranked, and why (each place is on its recommendation). */
function rankingOf(decision: ActionRankingDecision): CaseActionRanking {
  return {
    source: decision.source,
    modelVersion: decision.modelVersion,
    fallbackReason: decision.fallbackReason,
    outOfRange: decision.outOfRange,
  };
}

/** What makes a ranking decision worth recording again: who ranked, and why the model did not. */
function rankingSignature(ranking: CaseActionRanking | null): string {
  if (!ranking) return '';
  return [ranking.source, ranking.modelVersion, ranking.fallbackReason, ...ranking.outOfRange].join('|');
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Equal when two sets of proposals would read the same to a person. */
function signature(rows: readonly ProposedRow[]): string {
  return JSON.stringify(
    rows.map((r) => [
      r.rank,
      r.action,
      r.exceptionId,
      Number(r.cost),
      Number(r.marginEffect),
      r.dateEffectDays,
      Number(r.confidence),
      r.automatable,
      r.policyRule,
      r.reason,
      r.successProbability === null ? null : Number(r.successProbability).toFixed(4),
      // jsonb stores keys in its own order: compare the entries sorted.
      Object.entries(r.parameters ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ]),
  );
}
