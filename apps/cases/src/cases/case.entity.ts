import { CaseStatus } from '@ordex/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every exception on one order, worked as one case. */
@Entity({ name: 'case' })
@Index(['status', 'openedAt'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_number', type: 'text', unique: true })
  orderNumber: string;

  /** The order's customer; null only for cases opened before ordex recorded it. */
  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId: string | null;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ type: 'int', default: 0 })
  priority: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
