import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Order, OrderCancelled, OrderStatus } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { EntityManager, In, Repository } from 'typeorm';
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

  list(first: number, after?: string): Promise<OrderEntity[]> {
    const query = this.orders.createQueryBuilder('o').orderBy('o.order_number', 'ASC').limit(first);
    if (after) query.where('o.order_number > :after', { after });
    return query.getMany();
  }

  /**
   * Mirrors an order version from the ERP. A version older than (or equal to) the one held is
   * ignored, so re-sends and out-of-order deliveries never overwrite newer data.
   */
  async applyOrderVersion(order: Order, tx: EntityManager): Promise<ApplyOrderOutcome> {
    const written: { inserted: boolean }[] = await tx.query(
      `INSERT INTO "orders"."order"
           (order_number, erp_version, customer_id, ship_to_id, ordered_on, requested_date, currency, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (order_number) DO UPDATE SET
           erp_version = EXCLUDED.erp_version, customer_id = EXCLUDED.customer_id,
           ship_to_id = EXCLUDED.ship_to_id, ordered_on = EXCLUDED.ordered_on,
           requested_date = EXCLUDED.requested_date, currency = EXCLUDED.currency,
           status = EXCLUDED.status, updated_at = now()
         WHERE "order".erp_version < EXCLUDED.erp_version
         RETURNING (xmax = 0) AS inserted`,
      [
        order.orderNumber,
        order.erpVersion,
        order.customerId,
        order.shipToId ?? null,
        order.orderedOn,
        order.requestedDate,
        order.currency,
        order.status,
      ],
    );
    if (written.length === 0) return 'stale';
    await tx.delete(OrderLineEntity, { orderNumber: order.orderNumber });
    if (order.lines.length) {
      await tx.insert(
        OrderLineEntity,
        order.lines.map((l) => ({
          orderNumber: order.orderNumber,
          lineNo: l.lineNo,
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
        })),
      );
    }
    return written[0].inserted ? 'received' : 'changed';
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
