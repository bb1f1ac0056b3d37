import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './domain/chain-hash.util';

/** One step on a case's append-only, hash-chained audit trail. */
@Entity({ name: 'audit_entry' })
@Index(['caseId', 'seq'])
export class AuditEntryEntity {
  // bigint arrives as a string so that no value is rounded.
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb' })
  payload: JsonObject;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
