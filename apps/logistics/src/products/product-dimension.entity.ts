import { numericTransformer } from '@ordex/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A product's weight and volume as logistics learnt them from erp.product.changed.v1. */
@Entity({ name: 'product_dimension' })
export class ProductDimensionEntity {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @Column({ name: 'weight_kg', type: 'numeric', precision: 14, scale: 6, transformer: numericTransformer })
  weightKg: number;

  @Column({
    name: 'volume_m3',
    type: 'numeric',
    precision: 14,
    scale: 6,
    nullable: true,
    transformer: numericTransformer,
  })
  volumeM3: number | null;
}
