import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLRequestContext, PartnerDirectory } from '@ordex/platform';
import { visibleCase } from '../cases/case.mapper';
import { CaseObject } from '../cases/case.object';
import { CasesService } from '../cases/cases.service';
import { CaseUpdateInput } from './case-update.input';
import { CaseUpdateObject } from './case-update.object';

/**
 * The rest of the graph around a case update. `caseUpdate(update)` answers the update it is given
 * (nothing more) so that the gateway can complete a subscription's selection through the
 * federated graph: `case` here, and through it the order, its customer, stock and prices in the
 * services that own them, each with the caller's access and partner scope.
 */
@Resolver(() => CaseUpdateObject)
export class CaseUpdateCompletionResolver {
  constructor(
    private readonly caseService: CasesService,
    private readonly partners: PartnerDirectory,
  ) {}

  @Query(() => CaseUpdateObject, {
    description:
      'Echoes a case update (as caseUpdated delivered it) so that its selection can reach the rest of the graph: the gateway completes subscriptions through it. It answers only what it is given, and the case and order only as far as the caller may see them.',
  })
  caseUpdate(@Args('update', { type: () => CaseUpdateInput }) update: CaseUpdateInput): CaseUpdateObject {
    return { ...update };
  }

  @ResolveField(() => CaseObject, {
    nullable: true,
    description: 'The case as it is now (null when the caller may not see it).',
  })
  async case(@Parent() update: CaseUpdateObject, @Context() ctx: GraphQLRequestContext) {
    const entity = await ctx.loaders
      .get('cases.caseById', (ids: readonly string[]) => this.caseService.byIds(ids))
      .load(update.caseId);
    return visibleCase(entity, await this.partners.customerScope(ctx));
  }
}
