import { OrderStatus } from '@ordex/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** ordex's mirror of an ERP order at its newest known version. */
@Entity({ name: 'order' })
@Index(['customerId'])
export class OrderEntity {
  @PrimaryColumn({ name: 'order_number', type: 'text' })
  orderNumber: string;

  @Column({ name: 'erp_version', type: 'int' })
  erpVersion: number;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ name: 'ship_to_id', type: 'text', nullable: true })
  shipToId: string | null;

  @Column({ name: 'ordered_on', type: 'date' })
  orderedOn: string;

  @Column({ name: 'requested_date', type: 'date' })
  requestedDate: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  status: OrderStatus;

  /** The ERP's free text on the order as ordex keeps it (see domain/order-notes.util). */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
