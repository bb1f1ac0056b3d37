import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { StockAdjusted, StockSnapshot } from '@ordex/contracts';
import { groupByKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { StockEntity } from './stock.entity';

export type ApplySnapshotOutcome = 'applied' | 'stale';
export type ApplyAdjustmentOutcome = 'applied' | 'unknown-sku' | 'unknown-dc';

/** Rows per INSERT, well under PostgreSQL's 65,535 bind parameters for a DC with many SKUs. */
const INSERT_CHUNK = 1000;

@Injectable()
export class StockService {
  constructor(@InjectRepository(StockEntity) private readonly stock: Repository<StockEntity>) {}

  async bySkus(skus: readonly string[]): Promise<StockEntity[][]> {
    const rows = await this.stock.find({ where: { sku: In([...skus]) }, order: { dcCode: 'ASC' } });
    return groupByKeys(skus, rows, (s) => s.sku);
  }

  /**
   * Replaces a DC's stock with the ERP's snapshot. A snapshot taken no later than the one held is
   * ignored, so re-sends and out-of-order deliveries never bring old stock back.
   */
  async applySnapshot(snapshot: StockSnapshot, tx: EntityManager): Promise<ApplySnapshotOutcome> {
    const written: { dc_code: string }[] = await tx.query(
      `INSERT INTO "inventory"."stock_snapshot" (dc_code, as_of)
         VALUES ($1, $2)
         ON CONFLICT (dc_code) DO UPDATE SET as_of = EXCLUDED.as_of
         WHERE "stock_snapshot".as_of < EXCLUDED.as_of
         RETURNING dc_code`,
      [snapshot.dcCode, snapshot.asOf],
    );
    if (written.length === 0) return 'stale';
    await tx.delete(StockEntity, { dcCode: snapshot.dcCode });
    const rows = snapshot.levels.map((l) => ({
      sku: l.sku,
      dcCode: snapshot.dcCode,
      onHand: l.onHand,
      allocated: l.allocated,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.insert(StockEntity, rows.slice(i, i + INSERT_CHUNK));
    }
    return 'applied';
  }

  /**
   * Applies a stock movement. Deltas are not idempotent by themselves: the intake applies each
   * event once (its id is claimed in the same transaction). Stock never goes below zero.
   */
  async applyAdjustment(adjustment: StockAdjusted, tx: EntityManager): Promise<ApplyAdjustmentOutcome> {
    const [known] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM "inventory"."product" WHERE sku = $1) AS sku,
              EXISTS (SELECT 1 FROM "inventory"."distribution_center" WHERE code = $2) AS dc`,
      [adjustment.sku, adjustment.dcCode],
    );
    if (!known.sku) return 'unknown-sku';
    if (!known.dc) return 'unknown-dc';
    await tx.query(
      `INSERT INTO "inventory"."stock" (sku, dc_code, on_hand, allocated)
       VALUES ($1, $2, GREATEST(0, $3::int), GREATEST(0, $4::int))
       ON CONFLICT (sku, dc_code) DO UPDATE SET
         on_hand = GREATEST(0, "stock".on_hand + $3::int),
         allocated = GREATEST(0, "stock".allocated + $4::int)`,
      [adjustment.sku, adjustment.dcCode, adjustment.onHandDelta, adjustment.allocatedDelta],
    );
    return 'applied';
  }
}
