import { Injectable } from '@nestjs/common';
import type { CustomerChanged, Order, Product } from '@ordex/contracts';
import type { EntityManager } from 'typeorm';
import type { EventLogRecord } from '../event-log/domain/event-log-record.util';

/** Actors whose actions are the automation policy's, not a person's. */
const POLICY_ACTORS = new Set(['ordex.automation']);

/**
 * The facts process intelligence slices and measures, kept as events arrive: customers (segment,
 * tier, ship-to regions) and products (family) from the ERP's master data, orders from the ERP's
 * order events, and exceptions from the cases service's steps — detected, acted on (by people or
 * by the policy), settled. Every write is idempotent and tolerant of order: a newer ERP version is
 * never replaced by an older one, a settlement is recorded once.
 */
@Injectable()
export class ProcessFactsService {
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
    const value = order.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    await tx.query(
      `INSERT INTO "analytics"."order_fact"
         (order_number, customer_id, ship_to_id, received_at, erp_version, skus, line_skus, order_value)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
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
         erp_version = GREATEST("order_fact".erp_version, EXCLUDED.erp_version)`,
      [
        order.orderNumber,
        order.customerId,
        order.shipToId ?? null,
        at,
        order.erpVersion,
        [...new Set(order.lines.map((l) => l.sku))],
        JSON.stringify(Object.fromEntries(order.lines.map((l) => [l.lineNo, l.sku]))),
        Math.round(value * 100) / 100,
      ],
    );
  }

  async orderCancelled(tx: EntityManager, orderNumber: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE "analytics"."order_fact" SET cancelled_at = COALESCE(cancelled_at, $2) WHERE order_number = $1`,
      [orderNumber, at],
    );
  }

  /** What a case's step changes in the exception facts (most steps change none). */
  async caseStep(tx: EntityManager, step: EventLogRecord): Promise<void> {
    const exceptionId = step.objects.find((o) => o.type === 'exception')?.id;
    if (!exceptionId) return;
    const caseId = step.objects.find((o) => o.type === 'case')?.id;
    const orderNumber = step.objects.find((o) => o.type === 'order')?.id;
    const { category, lineNo, sku, dcCode } = step.attributes;
    switch (step.activity) {
      case 'exception.detected':
        if (!caseId || !orderNumber || typeof category !== 'string') return;
        await tx.query(
          `INSERT INTO "analytics"."exception_fact"
             (exception_id, case_id, order_number, category, line_no, sku, dc_code, team, detected_at)
           SELECT $1, $2, $3, $4, $5::int,
                  COALESCE($6, (SELECT line_skus ->> ($5::int)::text
                                  FROM "analytics"."order_fact" WHERE order_number = $3)),
                  $7, $8, $9
           ON CONFLICT (exception_id) DO NOTHING`,
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
          ],
        );
        return;
      case 'action.taken': {
        const byPolicy = POLICY_ACTORS.has(step.actor ?? '') ? 1 : 0;
        await tx.query(
          `UPDATE "analytics"."exception_fact"
              SET people_actions = people_actions + $2, policy_actions = policy_actions + $3
            WHERE exception_id = $1`,
          [exceptionId, 1 - byPolicy, byPolicy],
        );
        return;
      }
      case 'exception.resolved':
      case 'exception.cleared':
        await tx.query(
          `UPDATE "analytics"."exception_fact" SET settled_at = $2, settled_by = $3
            WHERE exception_id = $1 AND settled_at IS NULL AND detected_at <= $2`,
          [exceptionId, step.occurredAt, step.actor],
        );
        return;
      default:
        return;
    }
  }
}
