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
}
