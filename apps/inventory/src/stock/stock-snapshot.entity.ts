import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When each DC's stock rows were taken, so an older snapshot never overwrites a newer one. */
@Entity({ name: 'stock_snapshot' })
export class StockSnapshotEntity {
  @PrimaryColumn({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;
}
