import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { pageSize } from '@ordex/platform';
import { toEventLogEntryObject } from './event-log.mapper';
import { EventLogEntryObject } from './event-log-entry.object';
import { EventLogService } from './event-log.service';

@Resolver(() => EventLogEntryObject)
export class EventLogResolver {
  constructor(private readonly eventLogService: EventLogService) {}

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
}
