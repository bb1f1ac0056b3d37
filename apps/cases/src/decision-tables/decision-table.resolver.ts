import { BadRequestException } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { toDecisionTableObject } from './decision-table.mapper';
import { DecisionTableObject } from './decision-table.object';
import { DecisionTablesService } from './decision-tables.service';

@Resolver(() => DecisionTableObject)
export class DecisionTableResolver {
  constructor(private readonly decisionTableService: DecisionTablesService) {}

  @Query(() => [DecisionTableObject], { description: 'The latest version of every decision table.' })
  async decisionTables() {
    const rows = await this.decisionTableService.latestVersions();
    return rows.map(toDecisionTableObject);
  }

  @Query(() => DecisionTableObject, {
    nullable: true,
    description: 'One version of a decision table; its latest when no version is given.',
  })
  async decisionTable(
    @Args('key', { type: () => ID }) key: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ) {
    if (!key.trim()) throw new BadRequestException('key must not be blank');
    if (version != null && version < 1) throw new BadRequestException('version must be 1 or more');
    const entity = await this.decisionTableService.find(key, version);
    return entity ? toDecisionTableObject(entity) : null;
  }
}
