import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { StockSnapshot } from '@ordex/contracts';
import { groupByKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { StockEntity } from './stock.entity';

export type ApplySnapshotOutcome = 'applied' | 'stale';

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
}
