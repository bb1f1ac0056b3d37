import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EscalationKind } from './domain/escalation-ladder.util';

export type EscalationState = 'PENDING' | 'FIRED' | 'CANCELLED';

/** One step of a task's escalation ladder, due at an instant; it fires once, on whichever instance claims it. */
@Entity({ name: 'escalation' })
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'int' })
  step: number;

  @Column({ type: 'text' })
  kind: EscalationKind;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  state: EscalationState;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt: Date | null;

  /** The service instance that fired it. */
  @Column({ name: 'fired_by', type: 'text', nullable: true })
  firedBy: string | null;
}
