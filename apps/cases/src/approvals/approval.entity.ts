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

  /** The action waiting for this approval. */
  @Column({ name: 'action_id', type: 'uuid', nullable: true })
  actionId: string | null;

  /** Who may approve: this role at `level` or above (approval-authority table, `tableVersion`). */
  @Column({ name: 'required_role', type: 'text', nullable: true })
  requiredRole: string | null;

  @Column({ name: 'table_version', type: 'int', nullable: true })
  tableVersion: number | null;

  /** Why it was asked for. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Why it was approved or rejected. */
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;
}
