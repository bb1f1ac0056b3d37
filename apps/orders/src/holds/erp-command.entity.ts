import { ErpCommandType } from '@ordex/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ErpCommandState } from './domain/hold-transition.util';

/** A command orders sent to the ERP connector (orders.command.requested.v1) and the ERP's answer. */
@Entity({ name: 'erp_command' })
export class ErpCommandEntity {
  /** The command id of the event, also the key the ERP applies the command under. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'command_type', type: 'text' })
  commandType: ErpCommandType;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber: string;

  @Column({ name: 'hold_id', type: 'uuid' })
  holdId: string;

  @Column({ name: 'hold_type', type: 'text', nullable: true })
  holdType: string | null;

  /** The mirrored ERP order version the command was decided on. */
  @Column({ name: 'erp_version', type: 'int' })
  erpVersion: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'text' })
  status: ErpCommandState;

  /** The reason the ERP gave with its acknowledgement (why it rejected, typically). */
  @Column({ name: 'outcome_reason', type: 'text', nullable: true })
  outcomeReason: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** The ERP order version the acknowledgement reported. */
  @Column({ name: 'acknowledged_erp_version', type: 'int', nullable: true })
  acknowledgedErpVersion: number | null;
}
