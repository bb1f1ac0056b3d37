import { CaseStatus } from '@ordex/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every exception on one order, worked as one case. */
@Entity({ name: 'case' })
@Index(['status', 'openedAt'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** At most one case per order is not CLOSED at a time. */
  @Column({ name: 'order_number', type: 'text' })
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

  /** The order's ERP version detection last evaluated; null before the first evaluation. */
  @Column({ name: 'erp_version', type: 'int', nullable: true })
  erpVersion: number | null;

  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true })
  evaluatedAt: Date | null;

  /** How often the case reopened after closing. */
  @Column({ name: 'reopened_count', type: 'int', default: 0 })
  reopenedCount: number;

  /** Reopenings because an exception it had recurred within the rework window. */
  @Column({ name: 'rework_count', type: 'int', default: 0 })
  reworkCount: number;
}
