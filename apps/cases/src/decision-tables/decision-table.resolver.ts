import { BadRequestException } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { DecisionTablePublisher } from './decision-table-publisher.service';
import { toDecisionTableObject } from './decision-table.mapper';
import { DecisionTableObject } from './decision-table.object';
import { DecisionTablesService } from './decision-tables.service';

@Resolver(() => DecisionTableObject)
export class DecisionTableResolver {
  constructor(
    private readonly decisionTableService: DecisionTablesService,
    private readonly publisher: DecisionTablePublisher,
  ) {}

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

  @Query(() => [DecisionTableObject], {
    description:
      "Every version of a table, newest first: who published each, when and why (the table's audit trail).",
  })
  async decisionTableHistory(@Args('key', { type: () => ID }) key: string) {
    const rows = await this.decisionTableService.history(key);
    return rows.map(toDecisionTableObject);
  }

  @Mutation(() => DecisionTableObject, {
    description:
      'Publishes a new version of a governance table (routing, sla-targets, automation-policy, approval-authority) from a GoRules JDM document. It is checked first: zen-engine must run it and it must answer every category, tier and action ordex asks it about. Open cases keep the version they pinned. Errors: BAD_USER_INPUT.',
  })
  async publishDecisionTable(
    @Args('key', { type: () => ID }) key: string,
    @Args('content', { description: 'The JDM document, as JSON.' }) content: string,
    @Args('comment', { description: 'What changed and why.' }) comment: string,
    @Context() ctx: GraphQLRequestContext,
  ) {
    const entity = await this.publisher.publish(key, content, comment, ctx.identity.subject);
    return toDecisionTableObject(entity);
  }
}
