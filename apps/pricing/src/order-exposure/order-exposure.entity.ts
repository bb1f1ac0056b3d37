import { numericTransformer } from '@ordex/platform';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Pricing's own record of each ERP order's credit exposure, at the newest ERP version seen. A
 * cancellation of an order pricing never saw leaves a closed row without a customer, so an older
 * version arriving later cannot reopen it.
 */
@Entity({ name: 'order_exposure' })
export class OrderExposureEntity {
  @PrimaryColumn({ name: 'order_number', type: 'text' })
  orderNumber: string;

  @Column({ name: 'erp_version', type: 'int' })
  erpVersion: number;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId: string | null;

  @Column({ name: 'value_cents', type: 'bigint', transformer: numericTransformer })
  valueCents: number;

  @Column({ type: 'boolean' })
  open: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
