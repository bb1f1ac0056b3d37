import { Args, Query, Resolver } from '@nestjs/graphql';
import { toProcessMapObject } from './process-map.mapper';
import { ProcessMapObject } from './process-map.object';
import { PROCESS_MAP_MAX_ROWS, ProcessMapService } from './process-map.service';

@Resolver(() => ProcessMapObject)
export class ProcessMapResolver {
  constructor(private readonly processMapService: ProcessMapService) {}

  @Query(() => ProcessMapObject, {
    description: `The directly-follows graph of an object type's event log, from at most ${PROCESS_MAP_MAX_ROWS} events.`,
  })
  async processMap(@Args('objectType') objectType: string) {
    return toProcessMapObject(objectType, await this.processMapService.directlyFollows(objectType));
  }
}
