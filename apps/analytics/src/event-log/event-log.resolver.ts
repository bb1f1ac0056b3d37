import { Args, ID, Int, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { writeOcelJson, writeOcelSqlite } from '@ordex/mining';
import { instantArg, pageSize } from '@ordex/platform';
import { AnalyticsSchema } from '../analytics-schema.scope';
import { toEventLogEntryObject } from './event-log.mapper';
import { EventLogEntryObject } from './event-log-entry.object';
import { EventLogService } from './event-log.service';
import { OCEL_EXPORT_MAX_EVENTS, OcelExportService } from './ocel-export.service';

/** The file formats of the OCEL 2.0 standard an export is written in. */
export enum OcelFormat {
  JSON = 'JSON',
  SQLITE = 'SQLITE',
}

registerEnumType(OcelFormat, {
  registerIn: AnalyticsSchema,
  name: 'OcelFormat',
  valuesMap: {
    JSON: { description: 'OCEL 2.0 JSON (save as .jsonocel), as text.' },
    SQLITE: { description: 'OCEL 2.0 SQLite (save as .sqlite), base64-encoded.' },
  },
});

@Resolver(() => EventLogEntryObject)
export class EventLogResolver {
  constructor(
    private readonly eventLogService: EventLogService,
    private readonly ocel: OcelExportService,
  ) {}

  @Query(() => [EventLogEntryObject], {
    description: 'The event log newest first, optionally for one object.',
  })
  async eventLog(
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('objectType', { type: () => String, nullable: true }) objectType?: string | null,
    @Args('objectId', { type: () => ID, nullable: true }) objectId?: string | null,
  ) {
    const rows = await this.eventLogService.latest({ objectType, objectId }, pageSize(first));
    return rows.map(toEventLogEntryObject);
  }

  @Query(() => String, {
    description: `The event log of [from, to) as an OCEL 2.0 file for process-mining tools (pm4py, ocpa, Celonis), at most ${OCEL_EXPORT_MAX_EVENTS} events: a longer window is refused.`,
  })
  async ocelExport(
    @Args('format', { type: () => OcelFormat, defaultValue: OcelFormat.JSON }) format: OcelFormat,
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ): Promise<string> {
    const log = await this.ocel.export(instantArg('from', from), instantArg('to', to));
    return format === OcelFormat.SQLITE
      ? Buffer.from(await writeOcelSqlite(log)).toString('base64')
      : writeOcelJson(log);
  }
}
