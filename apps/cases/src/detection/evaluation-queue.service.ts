import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Order } from '@ordex/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** Which watched orders a change concerns. */
export type Affected =
  | { orderNumber: string }
  | { customerId: string }
  | { sku: string }
  | { requestedDate: string }
  | { allOpen: true };

/** An evaluation taken by one worker, leased so no other instance runs it at the same time. */
export interface ClaimedEvaluation {
  orderNumber: string;
  generation: number;
  attempts: number;
  minErpVersion: number | null;
  reason: string;
}

const REQUESTS = '"cases"."evaluation_request"';

/**
 * The durable work list of exception detection. A change that may alter an order's exceptions
 * records (or refreshes) one request per order it concerns, in the transaction that records the
 * change's event as processed — so a trigger is never lost and many triggers for one order
 * collapse into one evaluation. Workers of any number of instances lease due requests with
 * SKIP LOCKED; a request refreshed while leased keeps its new generation and runs again.
 */
@Injectable()
export class EvaluationQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records order versions (newest wins) and asks to evaluate each, and the other open orders of their customers. */
  async watchOrders(
    versions: readonly { order: Order; reason: string }[],
    delayMs: number,
    tx: EntityManager,
  ): Promise<void> {
    if (versions.length === 0) return;
    const orders = versions.map((v) => v.order);
    await tx.query(
      `INSERT INTO "cases"."watched_order" (order_number, customer_id, erp_version, skus, requested_date, open)
       SELECT o.number, o.customer, o.version, ARRAY(SELECT jsonb_array_elements_text(o.skus)), o.requested, true
         FROM jsonb_to_recordset($1::jsonb) AS o(number text, customer text, version int, skus jsonb, requested date)
       ON CONFLICT (order_number) DO UPDATE
         SET customer_id = EXCLUDED.customer_id, erp_version = EXCLUDED.erp_version, skus = EXCLUDED.skus,
             requested_date = EXCLUDED.requested_date
       WHERE "watched_order".erp_version < EXCLUDED.erp_version`,
      [
        JSON.stringify(
          orders.map((o) => ({
            number: o.orderNumber,
            customer: o.customerId,
            version: o.erpVersion,
            skus: [...new Set(o.lines.map((l) => l.sku))],
            requested: o.requestedDate,
          })),
        ),
      ],
    );
    // Another open order of the customer changes its credit exposure: those are evaluated too.
    for (const { order, reason } of versions) {
      await this.request(tx, { customerId: order.customerId }, `${reason} (same customer)`, delayMs);
    }
    for (const { order, reason } of versions) {
      await this.request(tx, { orderNumber: order.orderNumber }, reason, delayMs, order.erpVersion);
    }
  }

  /** Marks a cancelled order as no longer open and asks to evaluate it (its case closes). */
  async orderCancelled(
    orderNumber: string,
    erpVersion: number,
    reason: string,
    delayMs: number,
    tx: EntityManager,
  ) {
    await tx.query(`UPDATE "cases"."watched_order" SET open = false WHERE order_number = $1`, [orderNumber]);
    await this.request(tx, { orderNumber }, reason, delayMs, erpVersion);
  }

  /**
   * Asks to evaluate the open orders `affected` names, `delayMs` from now (time for the service
   * that owns the changed data to apply it). `minErpVersion`: the evaluation must see at least
   * this order version.
   */
  async request(
    tx: EntityManager,
    affected: Affected,
    reason: string,
    delayMs: number,
    minErpVersion: number | null = null,
  ): Promise<void> {
    const [where, param] = whereAffected(affected);
    await tx.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at, min_erp_version)
       SELECT w.order_number, $2, now() + make_interval(secs => $3::double precision / 1000), $4::int
         FROM "cases"."watched_order" w WHERE ${where}
       ON CONFLICT (order_number) DO UPDATE
         SET reason = EXCLUDED.reason,
             due_at = EXCLUDED.due_at,
             generation = ${REQUESTS}.generation + 1,
             attempts = 0,
             min_erp_version = GREATEST(${REQUESTS}.min_erp_version, EXCLUDED.min_erp_version)`,
      [param, reason, delayMs, minErpVersion],
    );
  }

  /** Asks to evaluate these orders again at `at` (a timeout falling due), unless one is due sooner. */
  async recheckAt(orderNumbers: readonly string[], at: Date, reason: string): Promise<void> {
    if (orderNumbers.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at)
       SELECT n, $2, $3 FROM unnest($1::text[]) AS n
       ON CONFLICT (order_number) DO UPDATE
         SET due_at = LEAST(${REQUESTS}.due_at, EXCLUDED.due_at)`,
      [[...orderNumbers], reason, at],
    );
  }

  /** Leases up to `limit` due requests for `leaseMs`. */
  async claim(limit: number, leaseMs: number): Promise<ClaimedEvaluation[]> {
    const rows: {
      order_number: string;
      generation: number;
      attempts: number;
      min_erp_version: number | null;
      reason: string;
    }[] = await this.dataSource.query(
      // In a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH claimed AS (
         UPDATE ${REQUESTS} r
            SET lease_until = now() + make_interval(secs => $2::double precision / 1000), attempts = r.attempts + 1
          WHERE r.order_number IN (
            SELECT order_number FROM ${REQUESTS}
             WHERE due_at <= now() AND (lease_until IS NULL OR lease_until < now())
             ORDER BY due_at
             LIMIT $1
               FOR UPDATE SKIP LOCKED)
         RETURNING r.order_number, r.generation, r.attempts, r.min_erp_version, r.reason)
       SELECT * FROM claimed`,
      [limit, leaseMs],
    );
    return rows.map((r) => ({
      orderNumber: r.order_number,
      generation: r.generation,
      attempts: r.attempts,
      minErpVersion: r.min_erp_version,
      reason: r.reason,
    }));
  }

  /** Done with a request, in the transaction of its effect: removed, unless refreshed meanwhile. */
  async complete(tx: EntityManager, claimed: ClaimedEvaluation): Promise<void> {
    await tx.query(`DELETE FROM ${REQUESTS} WHERE order_number = $1 AND generation = $2`, [
      claimed.orderNumber,
      claimed.generation,
    ]);
    await tx.query(`UPDATE ${REQUESTS} SET lease_until = NULL WHERE order_number = $1`, [
      claimed.orderNumber,
    ]);
  }

  /** Gives requests back to run again after `delayMs` (the graph could not answer, the mirror lags). */
  async retryLater(claimed: readonly ClaimedEvaluation[], delayMs: number): Promise<void> {
    if (claimed.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${REQUESTS}
          SET lease_until = NULL,
              due_at = GREATEST(due_at, now() + make_interval(secs => $2::double precision / 1000))
        WHERE order_number = ANY($1::text[])`,
      [claimed.map((c) => c.orderNumber), delayMs],
    );
  }

  /** Drops a request that cannot run (an order the mirror never got), unless refreshed meanwhile. */
  async abandon(claimed: ClaimedEvaluation): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${REQUESTS} WHERE order_number = $1 AND generation = $2`, [
      claimed.orderNumber,
      claimed.generation,
    ]);
    await this.dataSource.query(`UPDATE ${REQUESTS} SET lease_until = NULL WHERE order_number = $1`, [
      claimed.orderNumber,
    ]);
  }

  /** Asks to evaluate every order with an open case again (the periodic sweep). */
  async requestOpenCases(reason: string): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at)
       SELECT DISTINCT c.order_number, $1, now() FROM "cases"."case" c WHERE c.status <> 'CLOSED'
       ON CONFLICT (order_number) DO NOTHING
       RETURNING order_number`,
      [reason],
    );
    return rows.length;
  }

  /** How many evaluations wait (due or not). */
  async backlog(): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM ${REQUESTS}`);
    return Number(row.n);
  }
}

function whereAffected(affected: Affected): [string, unknown] {
  if ('orderNumber' in affected) return ['w.order_number = $1', affected.orderNumber];
  if ('customerId' in affected) return ['w.open AND w.customer_id = $1', affected.customerId];
  if ('sku' in affected) return ['w.open AND w.skus @> ARRAY[$1::text]', affected.sku];
  if ('requestedDate' in affected) return ['w.open AND w.requested_date = $1::date', affected.requestedDate];
  return ['w.open AND $1::boolean', true];
}
