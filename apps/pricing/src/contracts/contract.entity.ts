import { numericTransformer } from '@ordex/platform';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A customer's agreed price for a SKU, or for a whole product family when `sku` is null. */
@Entity({ name: 'contract' })
@Index(['customerId'])
export class ContractEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ type: 'text', nullable: true })
  sku: string | null;

  @Column({ type: 'text', nullable: true })
  family: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  price: number;

  @Column({ name: 'tolerance_pct', type: 'numeric', precision: 7, scale: 3, transformer: numericTransformer })
  tolerancePct: number;

  @Column({
    name: 'margin_floor_pct',
    type: 'numeric',
    precision: 7,
    scale: 3,
    transformer: numericTransformer,
  })
  marginFloorPct: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
