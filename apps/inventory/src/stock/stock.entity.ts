import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Stock of one SKU at one distribution centre, as of the DC's latest snapshot. */
@Entity({ name: 'stock' })
@Index(['dcCode'])
export class StockEntity {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @PrimaryColumn({ name: 'dc_code', type: 'text' })
  dcCode: string;

  @Column({ name: 'on_hand', type: 'int' })
  onHand: number;

  @Column({ type: 'int' })
  allocated: number;
}
