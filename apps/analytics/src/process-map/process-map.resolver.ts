import { instantArg } from '@ordex/platform';
import { BadRequestException } from '@nestjs/common';
import { Args, Int, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { renderProcessMapSvg } from '@ordex/mining';
import { AnalyticsSchema } from '../analytics-schema.scope';
import { toProcessMapObject } from './process-map.mapper';
import { ProcessMapObject } from './process-map.object';
import { PROCESS_MAP_MAX_ROWS, ProcessMapService } from './process-map.service';

/** What a drawn process map's edges show. */
export enum ProcessMapMetric {
  FREQUENCY = 'FREQUENCY',
  WAIT = 'WAIT',
}

registerEnumType(ProcessMapMetric, {
  registerIn: AnalyticsSchema,
  name: 'ProcessMapMetric',
  valuesMap: {
    FREQUENCY: { description: 'Edge width and label: how often one activity follows the other.' },
    WAIT: { description: 'Edge colour and label: the median wait between them, slow in red.' },
  },
});

/** The most edges a drawn map may ask for; more than this is unreadable and slow to lay out. */
export const SVG_MAX_EDGES_LIMIT = 300;

@Resolver(() => ProcessMapObject)
export class ProcessMapResolver {
  constructor(private readonly processMapService: ProcessMapService) {}

  @Query(() => ProcessMapObject, {
    description: `The process map of an object type (order, line, shipment, case, exception, task, approval, action, command, customer) from at most ${PROCESS_MAP_MAX_ROWS} events, optionally of events in [from, to).`,
  })
  async processMap(
    @Args('objectType') objectType: string,
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ) {
    return toProcessMapObject(
      await this.processMapService.mine(objectType, instantArg('from', from), instantArg('to', to)),
    );
  }

  @ResolveField(() => String, {
    description:
      'The map drawn as a standalone SVG (left to right): the most frequent edges, plus any that keep every activity connected.',
  })
  svg(
    @Parent() map: ProcessMapObject,
    @Args('metric', { type: () => ProcessMapMetric, defaultValue: ProcessMapMetric.FREQUENCY })
    metric: ProcessMapMetric,
    @Args('maxEdges', { type: () => Int, defaultValue: 60, description: `1 to ${SVG_MAX_EDGES_LIMIT}.` })
    maxEdges: number,
  ): string {
    if (maxEdges < 1 || maxEdges > SVG_MAX_EDGES_LIMIT)
      throw new BadRequestException(`maxEdges must be from 1 to ${SVG_MAX_EDGES_LIMIT}`);
    return renderProcessMapSvg(map.dfg, {
      rankdir: 'LR',
      metric: metric === ProcessMapMetric.WAIT ? 'wait' : 'frequency',
      maxEdges,
      title: `${map.objectType} process map`,
    });
  }
}
