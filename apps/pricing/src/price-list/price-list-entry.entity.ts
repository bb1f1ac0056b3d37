import { numericTransformer } from '@ordex/platform';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Pricing's view of the product master, kept from the ERP's product records. */
@Entity({ name: 'price_list_entry' })
export class PriceListEntryEntity {
  @PrimaryColumn({ type: 'text' })
  sku: string;

  @Column({ type: 'text' })
  family: string;

  @Column({ name: 'list_price', type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  listPrice: number;

  @Column({ name: 'unit_cost', type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  unitCost: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
