import { Injectable } from '@nestjs/common';
import { OrderStatus, type CustomerChanged, type Order, type Product } from '@ordex/contracts';
import type { EntityManager } from 'typeorm';
import type { EventLogRecord } from '../event-log/domain/event-log-record.util';
import { isPerson, KpiLedgerService } from '../kpis/kpi-ledger.service';
import { ActionOutcomesService } from '../outcomes/action-outcomes.service';

/**
 * One lock for every transaction that changes the facts the KPI ledger counts from. The ERP's and
 * the cases service's consumers run concurrently, in batches: holding it from the first fact
 * change to the commit makes each see the other's committed facts (an order's first exception and
 * its first version, its cancellation) and keeps the ledger's shared rows from deadlocking.
 */
const FACTS_LOCK = 0x6f72_6478;

/**
 * The facts process intelligence slices and measures, kept as events arrive: customers (segment,
 * tier, ship-to regions) and products (family) from the ERP's master data, orders from the ERP's
 * order events, and exceptions from the cases service's steps — detected, acted on (by people or
 * by the policy), settled. Every write is idempotent and tolerant of order: a newer ERP version is
 * never replaced by an older one, a settlement is recorded once. Each change that a KPI counts is
 * handed to the KPI ledger in the same transaction.
 */
@Injectable()
export class ProcessFactsService {
  constructor(
    private readonly kpis: KpiLedgerService,
    private readonly outcomes: ActionOutcomesService,
  ) {}

  async customerChanged(tx: EntityManager, { customer, shipTos }: CustomerChanged): Promise<void> {
    const regions = Object.fromEntries(shipTos.map((s) => [s.id, s.region]));
    await tx.query(
      `INSERT INTO "analytics"."customer_dim" (customer_id, segment, tier, ship_to_regions)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE
         SET segment = EXCLUDED.segment, tier = EXCLUDED.tier, ship_to_regions = EXCLUDED.ship_to_regions`,
      [customer.id, customer.segment, customer.tier, JSON.stringify(regions)],
    );
  }

  async productChanged(tx: EntityManager, product: Product): Promise<void> {
    await tx.query(
      `INSERT INTO "analytics"."product_dim" (sku, family) VALUES ($1, $2)
       ON CONFLICT (sku) DO UPDATE SET family = EXCLUDED.family`,
      [product.sku, product.family],
    );
  }

  /** An order version: the newest version's lines and value; received when the first one arrived. */
  async orderVersion(tx: EntityManager, order: Order, at: Date): Promise<void> {
    await serialise(tx);
    const value = Math.round(order.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) * 100) / 100;
    const [{ inserted }]: { inserted: boolean }[] = await tx.query(
      `INSERT INTO "analytics"."order_fact"
         (order_number, customer_id, ship_to_id, received_at, erp_version, skus, line_skus, order_value,
          requested_date, shipped_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (order_number) DO UPDATE SET
         received_at = LEAST("order_fact".received_at, EXCLUDED.received_at),
         customer_id = CASE WHEN EXCLUDED.erp_version > "order_fact".erp_version
                            THEN EXCLUDED.customer_id ELSE "order_fact".customer_id END,
         ship_to_id = CASE WHEN EXCLUDED.erp_version > "order_fact".erp_version
                           THEN EXCLUDED.ship_to_id ELSE "order_fact".ship_to_id END,
         skus = CASE WHEN EXCLUDED.erp_version > "order_fact".erp_version
                     THEN EXCLUDED.skus ELSE "order_fact".skus END,
         line_skus = CASE WHEN EXCLUDED.erp_version > "order_fact".erp_version
                          THEN EXCLUDED.line_skus ELSE "order_fact".line_skus END,
         order_value = CASE WHEN EXCLUDED.erp_version > "order_fact".erp_version
                            THEN EXCLUDED.order_value ELSE "order_fact".order_value END,
         requested_date = CASE WHEN EXCLUDED.erp_version > "order_fact".erp_version
                               THEN EXCLUDED.requested_date ELSE "order_fact".requested_date END,
         shipped_at = COALESCE("order_fact".shipped_at, EXCLUDED.shipped_at),
         erp_version = GREATEST("order_fact".erp_version, EXCLUDED.erp_version)
       RETURNING (xmax = 0) AS inserted`,
      [
        order.orderNumber,
        order.customerId,
        order.shipToId ?? null,
        at,
        order.erpVersion,
        [...new Set(order.lines.map((l) => l.sku))],
        JSON.stringify(Object.fromEntries(order.lines.map((l) => [l.lineNo, l.sku]))),
        value,
        order.requestedDate,
        order.status === OrderStatus.SHIPPED ? at : null,
      ],
    );
    if (inserted) await this.kpis.orderArrived(tx, order.orderNumber, value);
  }

  async orderCancelled(tx: EntityManager, orderNumber: string, at: Date): Promise<void> {
    await serialise(tx);
    const [cancelled]: [{ value: string }[], number] = await tx.query(
      `UPDATE "analytics"."order_fact" SET cancelled_at = $2
        WHERE order_number = $1 AND cancelled_at IS NULL RETURNING order_value AS value`,
      [orderNumber, at],
    );
    if (cancelled.length) await this.kpis.orderCancelled(tx, orderNumber, at, Number(cancelled[0].value));
  }

  /** What a case's step changes in the facts and the KPIs (most steps change none). */
  async caseStep(tx: EntityManager, step: EventLogRecord): Promise<void> {
    const objectId = (type: string) => step.objects.find((o) => o.type === type)?.id ?? null;
    const exceptionId = objectId('exception');
    const orderNumber = objectId('order');
    const { category, lineNo, sku, dcCode, dueAt, carrierCode, nextCarrier, cost, state } = step.attributes;
    if (!FACT_STEPS.has(step.activity)) return;
    await serialise(tx);
    switch (step.activity) {
      case 'exception.detected': {
        const caseId = objectId('case');
        if (!exceptionId || !caseId || !orderNumber || typeof category !== 'string') return;
        const inserted: { sku: string | null }[] = await tx.query(
          `INSERT INTO "analytics"."exception_fact"
             (exception_id, case_id, order_number, category, line_no, sku, dc_code, team, detected_at, due_at, carrier)
           SELECT $1, $2, $3, $4, $5::int,
                  COALESCE($6, (SELECT line_skus ->> ($5::int)::text
                                  FROM "analytics"."order_fact" WHERE order_number = $3)),
                  $7, $8, $9, $10, $11
           ON CONFLICT (exception_id) DO NOTHING
           RETURNING sku`,
          [
            exceptionId,
            caseId,
            orderNumber,
            category,
            typeof lineNo === 'number' ? lineNo : null,
            sku === undefined || sku === null ? null : String(sku),
            typeof dcCode === 'string' ? dcCode : null,
            step.team,
            step.occurredAt,
            instantOrNull(dueAt),
            textOrNull(carrierCode) ?? textOrNull(nextCarrier),
          ],
        );
        if (inserted.length)
          await this.kpis.exceptionDetected(tx, {
            exceptionId,
            orderNumber,
            category,
            sku: inserted[0].sku,
            detectedAt: step.occurredAt,
          });
        return;
      }
      case 'action.taken': {
        if (exceptionId) {
          const byPerson = isPerson(step.actor) ? 1 : 0;
          await tx.query(
            `UPDATE "analytics"."exception_fact"
                SET people_actions = people_actions + $2, policy_actions = policy_actions + $3
              WHERE exception_id = $1`,
            [exceptionId, byPerson, 1 - byPerson],
          );
        }
        const actionId = objectId('action');
        const caseId = objectId('case');
        if (actionId && caseId && orderNumber && typeof step.attributes.action === 'string')
          await this.outcomes.taken(tx, {
            actionId,
            caseId,
            orderNumber,
            exceptionId,
            approvalId: objectId('approval'),
            action: step.attributes.action,
            rank: typeof step.attributes.rank === 'number' ? step.attributes.rank : null,
            byPerson: isPerson(step.actor),
            takenBy: step.actor,
            takenAt: step.occurredAt,
            cost: typeof cost === 'number' ? cost : 0,
            rankingInput: prefixed(step.attributes, 'rankingInput'),
            successProbability: probabilityOrNull(step.attributes.successProbability),
            rankingModel: textOrNull(step.attributes.rankingModelVersion),
          });
        if (orderNumber && isPerson(step.actor) && typeof step.attributes.rank === 'number')
          await this.kpis.personChose(tx, step.occurredAt, step.attributes.rank, {
            exceptionId,
            orderNumber,
          });
        // Done at once: its cost is spent now. Sent to the ERP: when the ERP accepts it. Waiting
        // for an approval: when approved.
        if (orderNumber && typeof cost === 'number' && cost > 0 && state === 'DONE')
          await this.kpis.recoveryCost(tx, step.occurredAt, cost, { exceptionId, orderNumber });
        return;
      }
      case 'approval.decided': {
        const approvalId = objectId('approval');
        if (!approvalId || !orderNumber) return;
        if (typeof step.attributes.decision === 'string')
          await this.outcomes.approvalDecided(tx, approvalId, step.attributes.decision, step.occurredAt);
        const request = await this.kpis.approvalDecided(
          tx,
          approvalId,
          step.occurredAt,
          step.attributes.decision === 'APPROVED',
          orderNumber,
        );
        // A person deciding is a touch, whichever way they decide.
        if (request?.exceptionId && isPerson(step.actor))
          await tx.query(
            `UPDATE "analytics"."exception_fact" SET people_actions = people_actions + 1 WHERE exception_id = $1`,
            [request.exceptionId],
          );
        return;
      }
      case 'exception.resolved':
      case 'exception.cleared': {
        if (!exceptionId) return;
        const [settled]: [
          { detected_at: Date; due_at: Date | null; people_actions: number; settled_by: string | null }[],
          number,
        ] = await tx.query(
          `UPDATE "analytics"."exception_fact" SET settled_at = $2, settled_by = $3
            WHERE exception_id = $1 AND settled_at IS NULL AND detected_at <= $2
            RETURNING detected_at, due_at, people_actions, settled_by`,
          [exceptionId, step.occurredAt, step.actor],
        );
        if (settled.length) await this.outcomes.exceptionSettled(tx, exceptionId, step.occurredAt);
        if (settled.length)
          await this.kpis.exceptionSettled(tx, {
            exceptionId,
            detectedAt: settled[0].detected_at,
            settledAt: step.occurredAt,
            dueAt: settled[0].due_at,
            peopleActions: settled[0].people_actions,
            settledBy: settled[0].settled_by,
          });
        return;
      }
      case 'case.assessed': {
        // The first service-risk decision on the order is the prediction oversight judges.
        const probability = step.attributes['serviceRisk.probability'];
        if (orderNumber && typeof probability === 'number')
          await tx.query(
            `UPDATE "analytics"."order_fact" SET risk_probability = $2, risk_source = $3, risk_model_version = $4
              WHERE order_number = $1 AND risk_probability IS NULL`,
            [
              orderNumber,
              probability,
              textOrNull(step.attributes['serviceRisk.source']),
              textOrNull(step.attributes['serviceRisk.modelVersion']),
            ],
          );
        return;
      }
      case 'case.closed':
        if (orderNumber) await this.kpis.caseClosedOrReopened(tx, orderNumber, step.occurredAt, false);
        return;
      case 'case.reopened':
        // The cases service says whether a reopening is rework (the same exception back soon).
        if (orderNumber && step.attributes.rework === true) {
          await this.kpis.caseClosedOrReopened(tx, orderNumber, step.occurredAt, true);
          const reopened = objectId('case');
          if (reopened) await this.outcomes.caseReworked(tx, reopened, step.occurredAt);
        }
        return;
      case 'command.acknowledged': {
        const actionId = objectId('action');
        if (actionId && typeof step.attributes.outcome === 'string')
          await this.outcomes.commandAnswered(tx, actionId, step.attributes.outcome, step.occurredAt);
        if (!orderNumber || step.attributes.outcome !== 'ACCEPTED') return;
        if (step.attributes.commandType === 'RELEASE_ORDER')
          await this.kpis.orderReleased(tx, orderNumber, step.occurredAt);
        else if (actionId) await this.kpis.commandAccepted(tx, actionId, step.occurredAt, orderNumber);
        return;
      }
      default:
        return;
    }
  }
}

/** The steps that change facts; the rest only go into the event log. */
const FACT_STEPS = new Set([
  'case.assessed',
  'exception.detected',
  'action.taken',
  'approval.decided',
  'exception.resolved',
  'exception.cleared',
  'case.closed',
  'case.reopened',
  'command.acknowledged',
]);

/** Takes the facts lock (see {@link FACTS_LOCK}) until the transaction ends. */
async function serialise(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [FACTS_LOCK]);
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** An ISO instant attribute as a Date; anything else (absent, malformed) as null. */
function instantOrNull(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The attributes named `<prefix>.<field>` as one object (the cases service flattens a nested
 * payload object so; its null fields were left out and come back as absent); null when none.
 */
function prefixed(attributes: Record<string, unknown>, prefix: string): Record<string, unknown> | null {
  const start = `${prefix}.`;
  const entries = Object.entries(attributes).filter(([name]) => name.startsWith(start));
  return entries.length === 0
    ? null
    : Object.fromEntries(entries.map(([name, value]) => [name.slice(start.length), value]));
}

/** A probability attribute, or null when absent or not one. */
function probabilityOrNull(value: unknown): number | null {
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : null;
}
