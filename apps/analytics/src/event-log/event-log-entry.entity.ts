import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EventAttributes } from './domain/event-log-record.util';

/** One thing that happened to one business object: a row of the process-mining event log. */
@Entity({ name: 'event_log_entry' })
@Index(['objectType', 'objectId', 'occurredAt'])
@Index(['occurredAt'])
export class EventLogEntryEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  activity: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType: string;

  @Column({ name: 'object_id', type: 'text' })
  objectId: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'jsonb' })
  attributes: EventAttributes;
}
