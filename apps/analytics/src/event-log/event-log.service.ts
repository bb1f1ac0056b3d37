import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EventAttributes, EventLogRecord, LoggedObject } from './domain/event-log-record.util';

export interface EventLogFilter {
  objectType?: string | null;
  objectId?: string | null;
}

/** An event of the log as read back, with every object it touched. */
export interface LoggedEvent {
  eventId: string;
  occurredAt: Date;
  activity: string;
  actor: string | null;
  team: string | null;
  source: string;
  attributes: EventAttributes;
  objects: LoggedObject[];
}

/**
 * The object-centric event log (OCEL 2.0's shape): `ocel_event`, the objects each event touched
 * (`ocel_event_object`, with the qualifier and the order they were named in) and the objects
 * themselves (`ocel_object`).
 */
@Injectable()
export class EventLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; with a filter, the events that touched that object (or object type). */
  async latest({ objectType, objectId }: EventLogFilter, first: number): Promise<LoggedEvent[]> {
    const events: {
      event_id: string;
      occurred_at: Date;
      activity: string;
      actor: string | null;
      team: string | null;
      source: string;
      attributes: EventAttributes;
    }[] = await this.db.query(
      `SELECT e.event_id, e.occurred_at, e.activity, e.actor, e.team, e.source, e.attributes
         FROM "analytics"."ocel_event" e
        WHERE ($1::text IS NULL AND $2::text IS NULL) OR EXISTS (
              SELECT 1 FROM "analytics"."ocel_event_object" o
               WHERE o.event_id = e.event_id
                 AND ($1::text IS NULL OR o.object_type = $1)
                 AND ($2::text IS NULL OR o.object_id = $2))
        ORDER BY e.occurred_at DESC, e.event_id DESC
        LIMIT $3`,
      [objectType ?? null, objectId ?? null, first],
    );
    if (events.length === 0) return [];
    const relations: { event_id: string; object_type: string; object_id: string; qualifier: string }[] =
      await this.db.query(
        `SELECT event_id, object_type, object_id, qualifier FROM "analytics"."ocel_event_object"
          WHERE event_id = ANY($1) ORDER BY event_id, position`,
        [events.map((e) => e.event_id)],
      );
    const objectsOf = new Map<string, LoggedObject[]>();
    for (const r of relations) {
      const list = objectsOf.get(r.event_id) ?? [];
      list.push({ type: r.object_type, id: r.object_id, qualifier: r.qualifier });
      objectsOf.set(r.event_id, list);
    }
    return events.map((e) => ({
      eventId: e.event_id,
      occurredAt: e.occurred_at,
      activity: e.activity,
      actor: e.actor,
      team: e.team,
      source: e.source,
      attributes: e.attributes,
      objects: objectsOf.get(e.event_id) ?? [],
    }));
  }

  /**
   * Logs an event once, with its objects: a redelivered event (same id) is ignored. Returns
   * whether it was new. An object named twice by one event is related once (its first role).
   */
  async append(record: EventLogRecord, tx: EntityManager): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO "analytics"."ocel_event"
         (event_id, occurred_at, activity, actor, team, source, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        record.eventId,
        record.occurredAt,
        record.activity,
        record.actor,
        record.team,
        record.source,
        JSON.stringify(record.attributes),
      ],
    );
    if (inserted.length === 0 || record.objects.length === 0) return inserted.length > 0;
    const objects = record.objects;
    await tx.query(
      `WITH related AS (
         INSERT INTO "analytics"."ocel_event_object" (event_id, object_type, object_id, qualifier, position)
         SELECT $1, t, i, q, p FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS x(t, i, q, p)
         ON CONFLICT DO NOTHING
         RETURNING object_type, object_id)
       INSERT INTO "analytics"."ocel_object" (object_type, object_id)
       SELECT DISTINCT object_type, object_id FROM related
       ON CONFLICT DO NOTHING`,
      [
        record.eventId,
        objects.map((o) => o.type),
        objects.map((o) => o.id),
        objects.map((o) => o.qualifier),
        objects.map((_, position) => position),
      ],
    );
    return true;
  }
}
