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

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;
}
