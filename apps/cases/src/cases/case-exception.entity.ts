import { ExceptionCategory } from '@ordex/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ExceptionStatus } from './exception-status.enum';

/** One reason an order fell out of the standard path, on its case. */
@Entity({ name: 'case_exception' })
@Index(['caseId'])
export class CaseExceptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  category: ExceptionCategory;

  @Column({ name: 'line_no', type: 'int', nullable: true })
  lineNo: number | null;

  @Column({ type: 'text' })
  status: ExceptionStatus;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;

  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt: Date | null;

  @Column({ type: 'text' })
  reason: string;

  /** Why it cleared (the cause went away, the order left exception handling); null while open. */
  @Column({ name: 'clear_reason', type: 'text', nullable: true })
  clearReason: string | null;

  /** The figures detection rested on, as it last saw them. */
  @Column({ type: 'jsonb', default: {} })
  facts: Record<string, unknown>;
}
