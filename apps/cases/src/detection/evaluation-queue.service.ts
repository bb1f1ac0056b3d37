import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Order } from '@ordex/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { SETTLED_ORDER_STATUSES } from './domain/detect-exceptions.util';

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
/** Due `$2` milliseconds from now. */
const DUE_IN = 'now() + make_interval(secs => $2::double precision / 1000)';
/** A request already waiting takes the new reason and due time, a new generation and a fresh count of attempts. */
const REFRESH_REQUEST = `ON CONFLICT (order_number) DO UPDATE
         SET reason = EXCLUDED.reason,
             due_at = EXCLUDED.due_at,
             generation = ${REQUESTS}.generation + 1,
             attempts = 0,
             min_erp_version = GREATEST(${REQUESTS}.min_erp_version, EXCLUDED.min_erp_version)`;

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

  /**
   * Records order versions (newest wins; an order released, shipped or cancelled is no longer
   * open, so changes to its stock, credit or carriers stop asking for it) and asks to evaluate each order (at least at its version)
   * and its customer's other open orders, whose credit exposure changes with it: one request per
   * order, its own reason before "same customer".
   */
  async watchOrders(
    versions: readonly { order: Order; reason: string }[],
    delayMs: number,
    tx: EntityManager,
  ): Promise<void> {
    if (versions.length === 0) return;
    const rows = JSON.stringify(
      versions.map(({ order, reason }) => ({
        number: order.orderNumber,
        customer: order.customerId,
        version: order.erpVersion,
        skus: [...new Set(order.lines.map((l) => l.sku))],
        requested: order.requestedDate,
        open: !SETTLED_ORDER_STATUSES.has(order.status),
        reason,
      })),
    );
    await tx.query(
      `INSERT INTO "cases"."watched_order" (order_number, customer_id, erp_version, skus, requested_date, open)
       SELECT o.number, o.customer, o.version, ARRAY(SELECT jsonb_array_elements_text(o.skus)), o.requested, o.open
         FROM jsonb_to_recordset($1::jsonb)
              AS o(number text, customer text, version int, skus jsonb, requested date, open boolean)
       ON CONFLICT (order_number) DO UPDATE
         SET customer_id = EXCLUDED.customer_id, erp_version = EXCLUDED.erp_version, skus = EXCLUDED.skus,
             requested_date = EXCLUDED.requested_date, open = EXCLUDED.open
       WHERE "watched_order".erp_version < EXCLUDED.erp_version`,
      [rows],
    );
    await tx.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at, min_erp_version)
       SELECT DISTINCT ON (w.order_number) w.order_number,
              CASE WHEN w.order_number = v.number THEN v.reason ELSE v.reason || ' (same customer)' END,
              ${DUE_IN},
              CASE WHEN w.order_number = v.number THEN v.version END
         FROM jsonb_to_recordset($1::jsonb) AS v(number text, customer text, version int, reason text)
         JOIN "cases"."watched_order" w
           ON w.customer_id = v.customer AND (w.open OR w.order_number = v.number)
        ORDER BY w.order_number, w.order_number = v.number DESC, v.version DESC
       ${REFRESH_REQUEST}`,
      [rows, delayMs],
    );
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
    const [where, params] = whereAffected(affected);
    await tx.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at, min_erp_version)
       SELECT w.order_number, $1, ${DUE_IN}, $3::int
         FROM "cases"."watched_order" w WHERE ${where}
       ${REFRESH_REQUEST}`,
      [reason, delayMs, minErpVersion, ...params],
    );
  }

  /**
   * Asks to evaluate these orders again in `delayMs` (a timeout falling due by the service's
   * clock), unless one is due sooner. The delay, not the instant, crosses over: the work list runs
   * on the database's clock.
   */
  async recheckIn(orderNumbers: readonly string[], delayMs: number, reason: string): Promise<void> {
    if (orderNumbers.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at)
       SELECT n, $2, now() + make_interval(secs => $3::double precision / 1000) FROM unnest($1::text[]) AS n
       ON CONFLICT (order_number) DO UPDATE
         SET due_at = LEAST(${REQUESTS}.due_at, EXCLUDED.due_at)`,
      [[...orderNumbers], reason, Math.max(0, delayMs)],
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

  /**
   * Done with a request: removed unless refreshed meanwhile (then only its lease ends, and it runs
   * again). Pass the transaction of the evaluation's effect; without one (an order the mirror never
   * got, dropped) it runs on its own.
   */
  async complete(claimed: ClaimedEvaluation, tx: EntityManager = this.dataSource.manager): Promise<void> {
    await tx.query(
      `WITH done AS (DELETE FROM ${REQUESTS} WHERE order_number = $1 AND generation = $2 RETURNING 1)
       UPDATE ${REQUESTS} SET lease_until = NULL WHERE order_number = $1 AND NOT EXISTS (SELECT 1 FROM done)`,
      [claimed.orderNumber, claimed.generation],
    );
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

  /** Asks to evaluate every order with an open case again (the periodic sweep). */
  async requestOpenCases(reason: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${REQUESTS} (order_number, reason, due_at)
       SELECT DISTINCT c.order_number, $1, now() FROM "cases"."case" c WHERE c.status <> 'CLOSED'
       ON CONFLICT (order_number) DO NOTHING`,
      [reason],
    );
  }

  /** How many evaluations wait (due or not). */
  async backlog(): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM ${REQUESTS}`);
    return Number(row.n);
  }
}

/** The watched orders a change concerns, as a condition on `w` whose parameters follow the first three. */
function whereAffected(affected: Affected): [string, unknown[]] {
  if ('orderNumber' in affected) return ['w.order_number = $4', [affected.orderNumber]];
  if ('customerId' in affected) return ['w.open AND w.customer_id = $4', [affected.customerId]];
  if ('sku' in affected) return ['w.open AND w.skus @> ARRAY[$4::text]', [affected.sku]];
  if ('requestedDate' in affected)
    return ['w.open AND w.requested_date = $4::date', [affected.requestedDate]];
  return ['w.open', []];
}
