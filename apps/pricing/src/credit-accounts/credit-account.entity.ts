import { numericTransformer } from '@ordex/platform';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'credit_account' })
export class CreditAccountEntity {
  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ name: 'credit_limit', type: 'numeric', precision: 16, scale: 2, transformer: numericTransformer })
  creditLimit: number;

  @Column({
    name: 'open_receivables',
    type: 'numeric',
    precision: 16,
    scale: 2,
    transformer: numericTransformer,
  })
  openReceivables: number;

  @Column({ name: 'overdue_days', type: 'int' })
  overdueDays: number;

  @Column({
    name: 'overdue_amount',
    type: 'numeric',
    precision: 16,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  overdueAmount: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
