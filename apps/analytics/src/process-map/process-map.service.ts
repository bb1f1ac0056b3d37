import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bottlenecks, directlyFollows, EventLogBuilder, type Bottleneck, type Dfg } from '@ordex/mining';
import { DataSource } from 'typeorm';

/** The most event-log rows one process map reads; past it, the map covers the earliest events only. */
export const PROCESS_MAP_MAX_ROWS = 500_000;

/** An object type's flattened log mined: process map and bottlenecks by team. */
export interface MinedObjectType {
  objectType: string;
  cases: number;
  events: number;
  dfg: Dfg;
  bottlenecks: Bottleneck[];
}

/**
 * Process discovery over the object-centric log, per object type as OCEL flattening defines it:
 * each object of the type is a case holding every event that touched it, the team as resource.
 */
@Injectable()
export class ProcessMapService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mine(objectType: string, from?: Date, to?: Date): Promise<MinedObjectType> {
    const rows: { object_id: string; activity: string; at: number; team: string | null }[] =
      await this.db.query(
        `SELECT o.object_id, e.activity, (extract(epoch FROM e.occurred_at) * 1000)::float8 AS at, e.team
         FROM "analytics"."ocel_event_object" o
         JOIN "analytics"."ocel_event" e USING (event_id)
        WHERE o.object_type = $1
          AND ($2::timestamptz IS NULL OR e.occurred_at >= $2)
          AND ($3::timestamptz IS NULL OR e.occurred_at < $3)
        ORDER BY e.occurred_at, e.event_id
        LIMIT $4`,
        [objectType, from ?? null, to ?? null, PROCESS_MAP_MAX_ROWS],
      );
    const builder = new EventLogBuilder();
    for (const row of rows) builder.add(row.object_id, row.activity, row.at, row.team);
    const log = builder.build();
    return {
      objectType,
      cases: log.caseIds.length,
      events: rows.length,
      dfg: directlyFollows(log),
      bottlenecks: bottlenecks(log),
    };
  }
}
