import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Order, OrderCancelled } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { EntityManager, Repository } from 'typeorm';
import { toOrderExposure } from './domain/order-exposure.util';
import { OrderExposureEntity } from './order-exposure.entity';

/** An order asked about in a credit check: its customer (from orders) and number. */
export interface OrderOfCustomer {
  customerId: string;
  orderNumber: string;
}

@Injectable()
export class OrderExposureService {
  constructor(
    @InjectRepository(OrderExposureEntity) private readonly exposures: Repository<OrderExposureEntity>,
  ) {}

  /** Σ value of each customer's open orders, in cents (0 without any), in one statement. */
  async openValueCentsByCustomers(customerIds: readonly string[]): Promise<number[]> {
    const rows: { customer_id: string; cents: string }[] = await this.exposures.query(
      `SELECT customer_id, SUM(value_cents)::text AS cents
         FROM "pricing"."order_exposure"
        WHERE open AND customer_id = ANY($1::text[])
        GROUP BY customer_id`,
      [[...customerIds]],
    );
    return byKeys(customerIds, rows, (row) => row.customer_id, null).map((row) =>
      row ? Number(row.cents) : 0,
    );
  }

  /**
   * For each order, Σ value of its customer's open orders other than itself, in cents, in one
   * statement: each customer's open total once, less the order's own row when it is open and
   * held for that customer.
   */
  async otherOpenValueCents(orders: readonly OrderOfCustomer[]): Promise<number[]> {
    const rows: { i: string; cents: string }[] = await this.exposures.query(
      `WITH asked AS (
         SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a(customer_id, order_number, i)
       ), totals AS (
         SELECT e.customer_id, SUM(e.value_cents) AS cents
           FROM "pricing"."order_exposure" e
          WHERE e.open AND e.customer_id IN (SELECT customer_id FROM asked)
          GROUP BY e.customer_id
       )
       SELECT a.i::text AS i, (COALESCE(t.cents, 0) - COALESCE(own.value_cents, 0))::text AS cents
         FROM asked a
         LEFT JOIN totals t ON t.customer_id = a.customer_id
         LEFT JOIN "pricing"."order_exposure" own
           ON own.order_number = a.order_number AND own.open AND own.customer_id = a.customer_id`,
      [orders.map((o) => o.customerId), orders.map((o) => o.orderNumber)],
    );
    const cents = new Map(rows.map((row) => [Number(row.i), Number(row.cents)]));
    return orders.map((_, index) => cents.get(index + 1) ?? 0);
  }

  /**
   * Keeps order versions (one per order), set-based in one statement. A version older than or
   * equal to the one held is ignored, as in orders. Returns the order numbers that were applied.
   */
  async applyOrderVersions(orders: readonly Order[], tx: EntityManager): Promise<Set<string>> {
    if (orders.length === 0) return new Set();
    // In key order, so concurrent transactions lock rows in the same order.
    const rows = orders
      .map(toOrderExposure)
      .sort((a, b) => (a.orderNumber < b.orderNumber ? -1 : a.orderNumber > b.orderNumber ? 1 : 0));
    const applied: { order_number: string }[] = await tx.query(
      `INSERT INTO "pricing"."order_exposure" (order_number, erp_version, customer_id, value_cents, open)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[], $5::boolean[])
       ON CONFLICT (order_number) DO UPDATE SET
         erp_version = EXCLUDED.erp_version, customer_id = EXCLUDED.customer_id,
         value_cents = EXCLUDED.value_cents, open = EXCLUDED.open, updated_at = now()
       WHERE "order_exposure".erp_version < EXCLUDED.erp_version
       RETURNING order_number`,
      [
        rows.map((r) => r.orderNumber),
        rows.map((r) => r.erpVersion),
        rows.map((r) => r.customerId),
        rows.map((r) => String(r.valueCents)),
        rows.map((r) => r.open),
      ],
    );
    return new Set(applied.map((row) => row.order_number));
  }

  /**
   * Closes cancelled orders as of the ERP version that cancelled them, in one statement; an
   * older cancellation than the version held is ignored. An order not seen yet is recorded
   * closed (no customer, no value), so its older versions arriving later stay ignored.
   */
  async applyCancellations(cancels: readonly OrderCancelled[], tx: EntityManager): Promise<Set<string>> {
    if (cancels.length === 0) return new Set();
    const sorted = [...cancels].sort((a, b) =>
      a.orderNumber < b.orderNumber ? -1 : a.orderNumber > b.orderNumber ? 1 : 0,
    );
    const applied: { order_number: string }[] = await tx.query(
      `INSERT INTO "pricing"."order_exposure" (order_number, erp_version, customer_id, value_cents, open)
       SELECT order_number, erp_version, NULL, 0, false
         FROM unnest($1::text[], $2::int[]) AS c(order_number, erp_version)
       ON CONFLICT (order_number) DO UPDATE SET
         erp_version = EXCLUDED.erp_version, open = false, updated_at = now()
       WHERE "order_exposure".erp_version < EXCLUDED.erp_version
       RETURNING order_number`,
      [sorted.map((c) => c.orderNumber), sorted.map((c) => c.erpVersion)],
    );
    return new Set(applied.map((row) => row.order_number));
  }
}
