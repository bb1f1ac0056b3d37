import type { ExecutionCommand, ExecutionCommandType } from '@ordex/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ExecutionCommandStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';

/** A command ordex sent the connector for a case; its id is the idempotency key. */
@Entity({ name: 'execution_command' })
export class ExecutionCommandEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @Column({ name: 'command_type', type: 'text' })
  commandType: ExecutionCommandType;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber: string;

  /** The command as sent (cases.command.requested.v1). */
  @Column({ type: 'jsonb' })
  payload: ExecutionCommand;

  @Column({ type: 'text' })
  status: ExecutionCommandStatus;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** How often it was put on the bus (the first send and the resends while unanswered). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When the dispatcher sends it (again); null once it gives up resending. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;
}
