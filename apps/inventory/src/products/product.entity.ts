import { UnitOfMeasure } from '@ordex/contracts';
import { numericTransformer } from '@ordex/platform';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'product' })
export class ProductEntity {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  family: string;

  @Column({ name: 'unit_of_measure', type: 'text' })
  unitOfMeasure: UnitOfMeasure;

  @Column({ name: 'weight_kg', type: 'numeric', precision: 12, scale: 3, transformer: numericTransformer })
  weightKg: number;

  /** Cubic metres per unit; null until the ERP has measured it. */
  @Column({
    name: 'volume_m3',
    type: 'numeric',
    precision: 14,
    scale: 6,
    nullable: true,
    transformer: numericTransformer,
  })
  volumeM3: number | null;

  @Column({ name: 'unit_cost', type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  unitCost: number;

  @Column({ name: 'list_price', type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  listPrice: number;

  @Column({ type: 'text', array: true })
  substitutes: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
