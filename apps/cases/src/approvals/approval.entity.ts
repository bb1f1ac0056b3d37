import { numericTransformer } from '@ordex/platform';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ApprovalStatus } from './approval-status.enum';

/** A decision on a case that needs someone's authority; the approver is never the requester. */
@Entity({ name: 'approval' })
@Index(['caseId', 'requestedAt'])
export class ApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  amount: number | null;

  @Column({ type: 'int' })
  level: number;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text' })
  status: ApprovalStatus;
}
