import { HoldType } from '@ordex/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HoldState } from './domain/hold-transition.util';

/** A hold ordex asked the ERP to place on an order, and where the ERP's answers left it. */
@Entity({ name: 'order_hold' })
export class OrderHoldEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Insertion order: the tie-break of "newest first" when two holds share a timestamp. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber: string;

  @Column({ type: 'text' })
  type: HoldType;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  state: HoldState;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'placed_at', type: 'timestamptz', nullable: true })
  placedAt: Date | null;

  @Column({ name: 'release_reason', type: 'text', nullable: true })
  releaseReason: string | null;

  @Column({ name: 'release_requested_by', type: 'text', nullable: true })
  releaseRequestedBy: string | null;

  @Column({ name: 'release_requested_at', type: 'timestamptz', nullable: true })
  releaseRequestedAt: Date | null;

  @Column({ name: 'released_by', type: 'text', nullable: true })
  releasedBy: string | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;
}
