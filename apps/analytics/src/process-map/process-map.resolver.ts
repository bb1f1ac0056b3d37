import { Args, Query, Resolver } from '@nestjs/graphql';
import { instant } from '../common/instant.util';
import { toProcessMapObject } from './process-map.mapper';
import { ProcessMapObject } from './process-map.object';
import { PROCESS_MAP_MAX_ROWS, ProcessMapService } from './process-map.service';

@Resolver(() => ProcessMapObject)
export class ProcessMapResolver {
  constructor(private readonly processMapService: ProcessMapService) {}

  @Query(() => ProcessMapObject, {
    description: `The process map of an object type (order, line, case, exception, task, approval, action, command, customer) from at most ${PROCESS_MAP_MAX_ROWS} events, optionally of events in [from, to).`,
  })
  async processMap(
    @Args('objectType') objectType: string,
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ) {
    return toProcessMapObject(
      await this.processMapService.mine(objectType, instant('from', from), instant('to', to)),
    );
  }
}
