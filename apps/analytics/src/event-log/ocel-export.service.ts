import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  OCEL_EPOCH,
  type OcelEvent,
  type OcelEventAttribute,
  type OcelLog,
  type OcelObject,
  type OcelValue,
} from '@ordex/mining';
import type { DataSource } from 'typeorm';
import type { EventAttributes } from './domain/event-log-record.util';

/** The most events one export carries; a longer window is narrowed by the caller. */
export const OCEL_EXPORT_MAX_EVENTS = 100_000;

/** The window of events an export reads, as SQL over `e` (ocel_event) with $1 = from and $2 = to. */
const WINDOW = `($1::timestamptz IS NULL OR e.occurred_at >= $1) AND ($2::timestamptz IS NULL OR e.occurred_at < $2)`;

/**
 * The live event log as an OCEL 2.0 log, for pm4py, ocpa, Celonis and other process-mining tools:
 * every event in [from, to) in time order, with its actor, team and source among its attributes,
 * related to each object it touched (with the qualifier the event gave); the objects with their
 * attributes (as of the epoch: the log keeps no history of them). An event's own attribute wins
 * over the actor, team or source of the same name. OCEL 2.0 wants object ids unique across types: an id that two types share (an order
 * and a customer called the same) is written `type:id` for both.
 */
@Injectable()
export class OcelExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async export(from?: Date, to?: Date, maxEvents = OCEL_EXPORT_MAX_EVENTS): Promise<OcelLog> {
    const window = [from ?? null, to ?? null];
    const [{ events: total }]: { events: number }[] = await this.db.query(
      `SELECT count(*)::int AS events FROM "analytics"."ocel_event" e WHERE ${WINDOW}`,
      window,
    );
    if (total > maxEvents)
      throw new BadRequestException(
        `the window holds ${total} events; one export takes at most ${maxEvents}: narrow from and to`,
      );
    const events: {
      event_id: string;
      activity: string;
      occurred_at: Date;
      actor: string | null;
      team: string | null;
      source: string;
      attributes: EventAttributes;
    }[] = await this.db.query(
      `SELECT e.event_id, e.activity, e.occurred_at, e.actor, e.team, e.source, e.attributes
         FROM "analytics"."ocel_event" e WHERE ${WINDOW} ORDER BY e.occurred_at, e.event_id`,
      window,
    );
    const relations: { event_id: string; object_type: string; object_id: string; qualifier: string }[] =
      await this.db.query(
        `SELECT r.event_id, r.object_type, r.object_id, r.qualifier
           FROM "analytics"."ocel_event_object" r JOIN "analytics"."ocel_event" e USING (event_id)
          WHERE ${WINDOW} ORDER BY r.event_id, r.position`,
        window,
      );
    const objects: { object_type: string; object_id: string; attributes: EventAttributes }[] =
      await this.db.query(
        `SELECT o.object_type, o.object_id, o.attributes FROM "analytics"."ocel_object" o
        WHERE EXISTS (SELECT 1 FROM "analytics"."ocel_event_object" r JOIN "analytics"."ocel_event" e USING (event_id)
                       WHERE r.object_type = o.object_type AND r.object_id = o.object_id AND ${WINDOW})
        ORDER BY o.object_type, o.object_id`,
        window,
      );

    const typesOfId = new Map<string, Set<string>>();
    for (const o of objects)
      typesOfId.set(o.object_id, (typesOfId.get(o.object_id) ?? new Set()).add(o.object_type));
    const ocelId = (type: string, id: string) => ((typesOfId.get(id)?.size ?? 1) > 1 ? `${type}:${id}` : id);
    const relationsOf = new Map<string, OcelEvent['relationships']>();
    for (const r of relations) {
      const list = relationsOf.get(r.event_id) ?? [];
      list.push({ objectId: ocelId(r.object_type, r.object_id), qualifier: r.qualifier });
      relationsOf.set(r.event_id, list);
    }
    return {
      objectTypes: [],
      eventTypes: [],
      objects: objects.map((o): OcelObject => ({
        id: ocelId(o.object_type, o.object_id),
        type: o.object_type,
        attributes: scalars(o.attributes).map(({ name, value }) => ({ name, time: OCEL_EPOCH, value })),
        relationships: [],
      })),
      events: events.map((e): OcelEvent => ({
        id: e.event_id,
        type: e.activity,
        time: e.occurred_at.toISOString(),
        attributes: scalars({ actor: e.actor, team: e.team, source: e.source, ...e.attributes }),
        relationships: relationsOf.get(e.event_id) ?? [],
      })),
    };
  }
}

/** The attributes with a value (nulls are not OCEL values), in name order. */
function scalars(attributes: EventAttributes): OcelEventAttribute[] {
  return Object.entries(attributes)
    .filter((entry): entry is [string, OcelValue] => entry[1] !== null && entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value }));
}
