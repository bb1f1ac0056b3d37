import { Team } from '@ordex/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A piece of work on an exception, in one team's queue. */
@Entity({ name: 'task' })
@Index(['exceptionId'])
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'exception_id', type: 'uuid' })
  exceptionId: string;

  @Column({ type: 'text' })
  team: Team;

  @Column({ type: 'text' })
  status: string;

  /** When the SLA breaches: the target in working minutes after creation, on the case's business calendar. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'sla_target_minutes', type: 'int', nullable: true })
  slaTargetMinutes: number | null;

  /** When the task counts as at risk of breaching (the ladder's first step). */
  @Column({ name: 'at_risk_at', type: 'timestamptz', nullable: true })
  atRiskAt: Date | null;

  /** The last step of the escalation ladder that fired (0: none). */
  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel: number;

  /** The person working it; null while it waits in the team's queue. */
  @Column({ type: 'text', nullable: true })
  assignee: string | null;
}
