import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '@ordex/platform';
import { CaseObject } from '../cases/case.object';
import { toRecommendationObject } from './recommendation.mapper';
import { RecommendationObject } from './recommendation.object';
import { RecommendationsService } from './recommendations.service';

/** Adds the case's recommendations to Case. */
@Resolver(() => CaseObject)
export class CaseRecommendationsResolver {
  constructor(private readonly recommendationService: RecommendationsService) {}

  @ResolveField(() => [RecommendationObject], { description: 'Next best actions, best first.' })
  async recommendations(@Parent() parent: CaseObject, @Context() ctx: GraphQLRequestContext) {
    const rows = await ctx.loaders
      .get('cases.recommendationsByCase', (ids: readonly string[]) =>
        this.recommendationService.byCaseIds(ids),
      )
      .load(parent.id);
    return rows.map(toRecommendationObject);
  }
}
