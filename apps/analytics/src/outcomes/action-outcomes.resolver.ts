import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { instantArg, pageSize } from '@ordex/platform';
import { ActionOutcomeObject } from './action-outcome.object';
import { ActionOutcomesService } from './action-outcomes.service';

@Resolver(() => ActionOutcomeObject)
export class ActionOutcomesResolver {
  constructor(private readonly outcomes: ActionOutcomesService) {}

  @Query(() => [ActionOutcomeObject], {
    description:
      'The actions taken on cases in [from, to), oldest first, each with its fate: approved or rejected, accepted or refused by the ERP, settling its exception, undone by rework, and whether the order then shipped late.',
  })
  async actionOutcomes(
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('from', { type: () => String, nullable: true, description: 'ISO 8601 instant, inclusive.' })
    from?: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO 8601 instant, exclusive.' })
    to?: string | null,
  ): Promise<ActionOutcomeObject[]> {
    const outcomes = await this.outcomes.list(
      pageSize(first),
      instantArg('from', from),
      instantArg('to', to),
    );
    return outcomes.map((o) => ({ ...o, rankingInput: o.rankingInput && JSON.stringify(o.rankingInput) }));
  }
}
