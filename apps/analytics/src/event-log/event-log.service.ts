import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, EntityManager } from 'typeorm';
import type { EventLogRecord } from './domain/event-log-record.util';
import { EventLogEntryEntity } from './event-log-entry.entity';

export interface EventLogFilter {
  objectType?: string | null;
  objectId?: string | null;
}

@Injectable()
export class EventLogService {
  constructor(
    @InjectRepository(EventLogEntryEntity) private readonly entries: Repository<EventLogEntryEntity>,
  ) {}

  /** Newest first. */
  latest({ objectType, objectId }: EventLogFilter, first: number): Promise<EventLogEntryEntity[]> {
    return this.entries.find({
      where: { ...(objectType ? { objectType } : {}), ...(objectId ? { objectId } : {}) },
      order: { occurredAt: 'DESC', eventId: 'DESC' },
      take: first,
    });
  }

  /** Logs an event once: a redelivered event (same id) is ignored. */
  async append(record: EventLogRecord, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO "analytics"."event_log_entry"
         (event_id, occurred_at, activity, object_type, object_id, source, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        record.eventId,
        record.occurredAt,
        record.activity,
        record.objectType,
        record.objectId,
        record.source,
        JSON.stringify(record.attributes),
      ],
    );
  }
}
