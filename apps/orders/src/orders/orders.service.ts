import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Order, OrderCancelled, OrderStatus } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { EntityManager, In, Repository } from 'typeorm';
import { orderNotesToKeep } from './domain/order-notes.util';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';

/** `received`: a first version; `changed`: a newer version replaced ours; `stale`: ignored. */
export type ApplyOrderOutcome = 'received' | 'changed' | 'stale';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderLineEntity) private readonly lines: Repository<OrderLineEntity>,
  ) {}

  async byNumbers(numbers: readonly string[]): Promise<(OrderEntity | null)[]> {
    const rows = await this.orders.findBy({ orderNumber: In([...numbers]) });
    return byKeys(numbers, rows, (o) => o.orderNumber, null);
  }

  async linesByOrders(numbers: readonly string[]): Promise<OrderLineEntity[][]> {
    const rows = await this.lines.find({
      where: { orderNumber: In([...numbers]) },
      order: { lineNo: 'ASC' },
    });
    return groupByKeys(numbers, rows, (l) => l.orderNumber);
  }

  /** A page of orders in order-number order; only `customerIds`' orders when given. */
  list(
    first: number,
    after?: string,
    customerIds?: readonly string[],
    orderNumbers?: readonly string[],
  ): Promise<OrderEntity[]> {
    const query = this.orders.createQueryBuilder('o').orderBy('o.order_number', 'ASC').limit(first);
    if (after) query.andWhere('o.order_number > :after', { after });
    if (orderNumbers)
      query.andWhere('o.order_number = ANY(:orderNumbers)', { orderNumbers: [...orderNumbers] });
    if (customerIds) query.andWhere('o.customer_id = ANY(:customerIds)', { customerIds: [...customerIds] });
    return query.getMany();
  }

  /**
   * Mirrors order versions from the ERP, one per order, set-based: one statement each for the
   * headers, the old lines and the new lines however many orders come. A version older than (or
   * equal to) the one held is ignored, so re-sends and out-of-order deliveries never overwrite
   * newer data. The notes are kept as {@link orderNotesToKeep} says, under the same version rule.
   * Returns the outcome per order number.
   */
  async applyOrderVersions(
    orders: readonly Order[],
    tx: EntityManager,
  ): Promise<Map<string, ApplyOrderOutcome>> {
    // In key order, so concurrent transactions lock rows in the same order.
    const sorted = [...orders].sort((a, b) => (a.orderNumber < b.orderNumber ? -1 : 1));
    const column = <T>(pick: (order: Order) => T) => sorted.map(pick);
    const written: { order_number: string; inserted: boolean }[] = await tx.query(
      `INSERT INTO "orders"."order"
           (order_number, erp_version, customer_id, ship_to_id, ordered_on, requested_date, currency, status,
            notes)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::date[], $6::date[],
                              $7::text[], $8::text[], $9::text[])
         ON CONFLICT (order_number) DO UPDATE SET
           erp_version = EXCLUDED.erp_version, customer_id = EXCLUDED.customer_id,
           ship_to_id = EXCLUDED.ship_to_id, ordered_on = EXCLUDED.ordered_on,
           requested_date = EXCLUDED.requested_date, currency = EXCLUDED.currency,
           status = EXCLUDED.status, notes = EXCLUDED.notes, updated_at = now()
         WHERE "order".erp_version < EXCLUDED.erp_version
         RETURNING order_number, (xmax = 0) AS inserted`,
      [
        column((o) => o.orderNumber),
        column((o) => o.erpVersion),
        column((o) => o.customerId),
        column((o) => o.shipToId ?? null),
        column((o) => o.orderedOn),
        column((o) => o.requestedDate),
        column((o) => o.currency),
        column((o) => o.status),
        column((o) => orderNotesToKeep(o.notes)),
      ],
    );
    const outcomes = new Map<string, ApplyOrderOutcome>(
      sorted.map((o) => [o.orderNumber, 'stale' as ApplyOrderOutcome]),
    );
    if (written.length === 0) return outcomes;
    for (const row of written) outcomes.set(row.order_number, row.inserted ? 'received' : 'changed');
    const replaced = sorted.filter((o) => outcomes.get(o.orderNumber) !== 'stale');
    await tx.query(`DELETE FROM "orders"."order_line" WHERE order_number = ANY($1::text[])`, [
      replaced.map((o) => o.orderNumber),
    ]);
    const lines = replaced.flatMap((o) => o.lines.map((line) => ({ orderNumber: o.orderNumber, ...line })));
    if (lines.length) {
      await tx.query(
        `INSERT INTO "orders"."order_line" (order_number, line_no, sku, quantity, unit_price)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::numeric[])`,
        [
          lines.map((l) => l.orderNumber),
          lines.map((l) => l.lineNo),
          lines.map((l) => l.sku),
          lines.map((l) => l.quantity),
          lines.map((l) => l.unitPrice),
        ],
      );
    }
    return outcomes;
  }

  /**
   * Cancels a mirrored order as of the ERP version that cancelled it; an older cancellation than
   * the version held is ignored. `unknown` when ordex has never seen the order.
   */
  async applyCancellation(
    cancel: OrderCancelled,
    tx: EntityManager,
  ): Promise<'cancelled' | 'stale' | 'unknown'> {
    const [, updated] = await tx.query(
      `UPDATE "orders"."order" SET status = $3, erp_version = $2, updated_at = now()
       WHERE order_number = $1 AND erp_version < $2`,
      [cancel.orderNumber, cancel.erpVersion, OrderStatus.CANCELLED],
    );
    if (updated > 0) return 'cancelled';
    const held = await tx.query(`SELECT 1 FROM "orders"."order" WHERE order_number = $1`, [
      cancel.orderNumber,
    ]);
    return held.length ? 'stale' : 'unknown';
  }
}
