import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseStatus, CommandAcknowledgement, CommandOutcome, ExecutionCommandType } from '@ordex/contracts';
import { clientError } from '@ordex/platform';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { APPROVAL_AUTHORITY_TABLE } from '../approvals/approval-authority.service';
import { ApprovalEntity } from '../approvals/approval.entity';
import { ApprovalStatus } from '../approvals/approval-status.enum';
import { requirementFrom } from '../approvals/domain/approval-authority.util';
import { RuleVersionsService } from '../assessment/rule-versions.service';
import { CaseExceptionEntity } from '../cases/case-exception.entity';
import { CaseEntity } from '../cases/case.entity';
import type { JsonObject } from '../audit/domain/chain-hash.util';
import { isUuid } from '../common/uuid.util';
import { RecommendationEntity } from '../recommendations/recommendation.entity';
import { RecommendedAction } from '../recommendations/recommended-action.enum';
import { CaseActionEntity, type ActionOrigin } from './case-action.entity';
import { AUTOMATION_ACTOR, CaseProgressService } from './case-progress.service';
import { actionPlan, takeRefusal } from './domain/action-plan.util';
import { commandFields, ExecutionCommandsService } from './execution-commands.service';
import { ExecutionCommandEntity } from './execution-command.entity';

/** Who takes a recommendation: a person (token subject) or the automation policy. */
export interface Actor {
  subject: string;
  origin: ActionOrigin;
  /** The automation-policy rule that allowed a POLICY action. */
  policyRule?: string | null;
}

const IN_FLIGHT = ['AWAITING_APPROVAL', 'EXECUTING'] as const;

/**
 * Taking a case's recommendations, on every path the same way: a person through GraphQL and
 * the automation policy both call {@link take}. A price override or a credit release always
 * waits for an approval by someone with the authority the approval-authority table names (never
 * the one who asked), whoever or whatever asked; sourcing, price corrections and date moves go
 * to the connector as commands and settle on its acknowledgement; the rest is recorded.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: CaseProgressService,
    private readonly commands: ExecutionCommandsService,
    private readonly rules: RuleVersionsService,
  ) {}

  /** A person takes a recommendation (GraphQL); `customerScope` hides other partners' cases. */
  takeRecommendation(recommendationId: string, actor: Actor, note: string | null, now: Date) {
    if (!isUuid(recommendationId)) throw clientError('NOT_FOUND', `no recommendation ${recommendationId}`);
    return this.dataSource.transaction(async (tx) => {
      const found = await tx.findOneBy(RecommendationEntity, { id: recommendationId });
      const kase = found && (await this.progress.lock(tx, found.caseId));
      // Read again under the case's lock: an assessment may have replaced the recommendations.
      const recommendation = kase && (await tx.findOneBy(RecommendationEntity, { id: recommendationId }));
      if (!kase || !recommendation) {
        throw clientError(
          found ? 'ACTION_CONFLICT' : 'NOT_FOUND',
          found
            ? `recommendation ${recommendationId} was replaced by a newer assessment; take one of the case's current recommendations`
            : `no recommendation ${recommendationId}`,
        );
      }
      return this.take(tx, kase, recommendation, actor, note, now);
    });
  }

  /**
   * Takes `recommendation` on the locked case in the caller's transaction: checks it can be
   * taken, records the action, and starts what it needs (an approval, a command, or nothing).
   * Throws a client error when it cannot be taken.
   */
  async take(
    tx: EntityManager,
    kase: CaseEntity,
    recommendation: RecommendationEntity,
    actor: Actor,
    note: string | null,
    now: Date,
  ): Promise<CaseActionEntity> {
    const exception = recommendation.exceptionId
      ? await tx.findOneBy(CaseExceptionEntity, { id: recommendation.exceptionId })
      : null;
    if (exception) await this.abandonUnanswered(tx, kase.id, exception.id, actor.subject, now);
    const inFlight = exception
      ? await tx.countBy(CaseActionEntity, { exceptionId: exception.id, state: In([...IN_FLIGHT]) })
      : 0;
    const refusal = takeRefusal({
      caseStatus: kase.status,
      exceptionStatus: exception?.status ?? null,
      actionInFlight: inFlight > 0,
    });
    if (refusal) throw clientError('ACTION_CONFLICT', `${recommendation.action} cannot be taken: ${refusal}`);

    const plan = actionPlan(recommendation.action);
    const action = tx.create(CaseActionEntity, {
      caseId: kase.id,
      exceptionId: exception?.id ?? null,
      recommendationId: recommendation.id,
      action: recommendation.action,
      parameters: recommendation.parameters,
      cost: recommendation.cost,
      origin: actor.origin,
      takenBy: actor.subject,
      takenAt: now,
      policyRule: actor.policyRule ?? null,
      note,
      state: plan.kind === 'approval' ? 'AWAITING_APPROVAL' : plan.kind === 'command' ? 'EXECUTING' : 'DONE',
      outcome: plan.kind === 'record' ? `recorded by ${actor.subject}` : null,
      settledAt: plan.kind === 'record' ? now : null,
    });
    let approval: ApprovalEntity | null = null;
    if (plan.kind === 'approval') {
      const amount = Number(recommendation.parameters.amount ?? 0);
      const authority = await this.rules.decide(tx, kase, APPROVAL_AUTHORITY_TABLE, {
        action: plan.approvalAction,
        amount,
        belowMarginFloor: recommendation.parameters.belowMarginFloor === true,
        tier: kase.priorityInputs?.tier ?? null,
      });
      const requirement = requirementFrom(authority.result);
      if (!requirement) {
        throw clientError(
          'INSUFFICIENT_AUTHORITY',
          `no one may approve ${plan.approvalAction} of ${amount} under approval-authority v${authority.version}`,
        );
      }
      await tx.save(CaseActionEntity, action);
      approval = await tx.save(
        ApprovalEntity,
        tx.create(ApprovalEntity, {
          caseId: kase.id,
          actionId: action.id,
          subject: plan.approvalAction,
          amount,
          level: requirement.level,
          requiredRole: requirement.role,
          tableVersion: authority.version,
          requestedBy: actor.subject,
          requestedAt: now,
          decidedBy: null,
          decidedAt: null,
          status: ApprovalStatus.PENDING,
          note,
          decisionNote: null,
        }),
      );
      await this.progress.step(tx, kase, { type: 'APPROVAL_REQUESTED' }, now);
    } else {
      await tx.save(CaseActionEntity, action);
      await this.progress.step(tx, kase, { type: 'WORK_STARTED' }, now);
    }
    let commandId: string | null = null;
    if (plan.kind === 'command') {
      const facts = (exception?.facts ?? {}) as { sku?: string; dcCode?: string };
      const command = await this.commands.send(
        tx,
        kase,
        action,
        plan.commandType,
        commandFields(plan.commandType, recommendation.parameters, {
          sku: facts.sku,
          assignedDc: facts.dcCode,
        }),
        now,
      );
      commandId = command.id;
    }
    if (recommendation.action === RecommendedAction.NOTIFY_CUSTOMER) {
      await this.progress.draftCustomerMessage(tx, kase, actor.subject, now);
    }
    if (plan.kind === 'record' && plan.resolves && exception) {
      await this.progress.resolveException(
        tx,
        exception.id,
        `${recommendation.action} by ${actor.subject}`,
        actor.subject,
        now,
      );
    }
    await this.progress.record(tx, kase.id, actor.subject, 'action.taken', {
      actionId: action.id,
      recommendationId: recommendation.id,
      action: recommendation.action,
      exceptionId: exception?.id ?? null,
      origin: actor.origin,
      policyRule: actor.policyRule ?? null,
      inputs: recommendation.parameters,
      cost: recommendation.cost,
      rank: recommendation.rank,
      // What ordex ranked it on: with the action's fate, a training example for the next model.
      rankingInput: recommendation.rankingInput as JsonObject | null,
      // The learned ranking's prediction for it, which oversight judges once its fate is known.
      successProbability: recommendation.successProbability,
      rankingModelVersion:
        recommendation.successProbability === null ? null : (kase.actionRanking?.modelVersion ?? null),
      state: action.state,
      approvalId: approval?.id ?? null,
      requiredRole: approval?.requiredRole ?? null,
      requiredLevel: approval?.level ?? null,
      commandId,
      rules: kase.ruleVersions,
      note,
    });
    const settled = await this.progress.settleIfDone(tx, kase, now);
    await this.progress.publish(
      tx,
      kase,
      [
        `${recommendation.action} ${approval ? 'awaits approval' : commandId ? 'sent to the ERP' : 'taken'}`,
        settled,
      ]
        .filter(Boolean)
        .join('; '),
      now,
    );
    return action;
  }

  /**
   * Gives up on the exception's commands the connector never answered after every send (the
   * dispatcher stopped resending): their actions FAIL and the commands are closed as abandoned,
   * so a person can act on the exception another way. A late answer to them is then ignored.
   */
  private async abandonUnanswered(
    tx: EntityManager,
    caseId: string,
    exceptionId: string,
    by: string,
    now: Date,
  ): Promise<void> {
    const [abandoned]: [{ id: string; action_id: string; attempts: number }[], number] = await tx.query(
      `UPDATE "cases"."execution_command" c
          SET status = 'REJECTED', reason = 'abandoned: no answer from the connector after ' || c.attempts || ' sends'
         FROM "cases"."case_action" a
        WHERE a.id = c.action_id AND a.exception_id = $1 AND a.state = 'EXECUTING'
          AND c.status = 'PENDING' AND c.next_attempt_at IS NULL
      RETURNING c.id, c.action_id, c.attempts`,
      [exceptionId],
    );
    for (const { action_id: actionId, attempts } of abandoned) {
      await tx.update(
        CaseActionEntity,
        { id: actionId },
        {
          state: 'FAILED',
          outcome: `no answer from the ERP after ${attempts} sends; abandoned`,
          settledAt: now,
        },
      );
    }
  }

  /**
   * The automation policy's turn, in the caller's transaction (after an assessment): for each open
   * exception nobody is acting on, its best-ranked recommendation is taken without a person when
   * the automation-policy table allows it — through {@link take}, so an action that needs an
   * approval still waits for one. Policy acts on an exception once: whatever came of it (the ERP
   * refused, a recorded resync did not fix the source), people decide what next. Returns how many
   * actions it took.
   */
  async runPolicy(tx: EntityManager, kase: CaseEntity, now: Date): Promise<number> {
    const best: { id: string; automatable: boolean; policy_rule: string | null }[] = await tx.query(
      `SELECT DISTINCT ON (r.exception_id) r.id, r.automatable, r.policy_rule
         FROM "cases"."recommendation" r
         JOIN "cases"."case_exception" e ON e.id = r.exception_id
        WHERE r.case_id = $1 AND e.status = 'OPEN'
          AND NOT EXISTS (SELECT 1 FROM "cases"."case_action" a WHERE a.exception_id = r.exception_id
                            AND (a.state IN ('AWAITING_APPROVAL', 'EXECUTING') OR a.origin = 'POLICY'))
        ORDER BY r.exception_id, r.rank`,
      [kase.id],
    );
    let taken = 0;
    for (const row of best) {
      if (!row.automatable) continue;
      const recommendation = await tx.findOneByOrFail(RecommendationEntity, { id: row.id });
      // A policy step that cannot be taken (no one may approve it under the pinned table) is left
      // to people: it never rolls back the evaluation that asked for it.
      await tx.query('SAVEPOINT ordex_policy_action');
      try {
        await this.take(
          tx,
          kase,
          recommendation,
          { subject: AUTOMATION_ACTOR, origin: 'POLICY', policyRule: row.policy_rule },
          null,
          now,
        );
        await tx.query('RELEASE SAVEPOINT ordex_policy_action');
        taken++;
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT ordex_policy_action');
        if (!(error instanceof GraphQLError)) throw error;
        // Kept as a refused policy action, so policy does not try it again at every evaluation.
        const refused = await tx.save(
          CaseActionEntity,
          tx.create(CaseActionEntity, {
            caseId: kase.id,
            exceptionId: recommendation.exceptionId,
            recommendationId: recommendation.id,
            action: recommendation.action,
            parameters: recommendation.parameters,
            cost: recommendation.cost,
            origin: 'POLICY',
            takenBy: AUTOMATION_ACTOR,
            takenAt: now,
            policyRule: row.policy_rule,
            note: null,
            state: 'REJECTED',
            outcome: error.message,
            settledAt: now,
          }),
        );
        await this.progress.record(tx, kase.id, AUTOMATION_ACTOR, 'policy.skipped', {
          actionId: refused.id,
          recommendationId: recommendation.id,
          action: recommendation.action,
          why: error.message,
        });
      }
    }
    return taken;
  }

  /**
   * The connector's answer to one of ordex's commands, in the intake's transaction: the action is
   * DONE (its exception RESOLVED) or FAILED (its exception stays open for another action); a
   * confirmed release closes the case. Answers to commands ordex did not send here are ignored.
   */
  async acknowledge(ack: CommandAcknowledgement, tx: EntityManager, now: Date): Promise<void> {
    if (!isUuid(ack.commandId)) return;
    const command = await tx.findOneBy(ExecutionCommandEntity, { id: ack.commandId });
    // Not ours, already settled, or an answer about another order or command: nothing to settle.
    if (!command || command.status !== 'PENDING') return;
    if (
      ack.commandType !== command.commandType ||
      (ack.orderNumber && ack.orderNumber !== command.orderNumber)
    )
      return;
    const kase = await this.progress.lock(tx, command.caseId);
    const action = await tx.findOneBy(CaseActionEntity, { id: command.actionId });
    if (!kase || !action) return;
    const accepted = ack.outcome === CommandOutcome.ACCEPTED;
    // Settled once: a second answer (to a resend) finds it no longer PENDING.
    const [claimed]: [{ id: string }[], number] = await tx.query(
      `UPDATE "cases"."execution_command" SET status = $2, acknowledged_at = $3, reason = $4
        WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      [command.id, accepted ? 'ACCEPTED' : 'REJECTED', new Date(ack.acknowledgedAt), ack.reason ?? null],
    );
    if (claimed.length === 0) return;
    const outcome = accepted
      ? `the ERP confirmed ${command.commandType} (v${ack.erpVersion ?? '?'})`
      : `the ERP refused ${command.commandType}: ${ack.reason ?? 'no reason given'}`;
    await tx.update(
      CaseActionEntity,
      { id: action.id },
      { state: accepted ? 'DONE' : 'FAILED', outcome, settledAt: now },
    );
    if (accepted && action.exceptionId)
      await this.progress.resolveException(tx, action.exceptionId, outcome, 'erp', now);
    await this.progress.record(tx, kase.id, 'erp', 'command.acknowledged', {
      commandId: command.id,
      actionId: action.id,
      commandType: command.commandType,
      outcome: ack.outcome,
      reason: ack.reason ?? null,
      erpVersion: ack.erpVersion ?? null,
    });
    let settled: string | null = null;
    if (command.commandType === ExecutionCommandType.RELEASE_ORDER) {
      if (accepted) {
        const before = kase.status;
        await this.progress.step(tx, kase, { type: 'EXECUTION_CONFIRMED' }, now);
        if (before !== CaseStatus.CLOSED && kase.status === CaseStatus.CLOSED) {
          await this.progress.record(tx, kase.id, 'erp', 'case.closed', {
            why: `the ERP released the order (v${ack.erpVersion ?? '?'})`,
          });
        }
      } else if (kase.status !== CaseStatus.CLOSED) {
        // Back to people: the release is not asked for again until something on the case changes.
        await this.progress.step(tx, kase, { type: 'EXCEPTION_DETECTED' }, now);
      }
    } else {
      settled = await this.progress.settleIfDone(tx, kase, now);
    }
    await this.progress.publish(tx, kase, [outcome, settled].filter(Boolean).join('; '), now);
  }
}
