import { Args, Query, Resolver } from '@nestjs/graphql';
import { clientError, instantArg } from '@ordex/platform';
import { ActionRankingOversightObject } from './action-ranking-oversight.object';
import { ActionRankingOversightService } from './action-ranking-oversight.service';

@Resolver(() => ActionRankingOversightObject)
export class ActionRankingOversightResolver {
  constructor(private readonly oversight: ActionRankingOversightService) {}

  @Query(() => ActionRankingOversightObject, {
    description:
      "Oversight of the learned ranking on the actions taken in [from, to) whose fate is known: each model version's discrimination and accuracy beside the recommender's confidence, calibration, the drift of the actions' features from the window before, and alerts (AUC under 0.6, less accurate than the confidence it replaces, a feature over PSI 0.25). Errors: BAD_USER_INPUT.",
  })
  async actionRankingOversight(
    @Args('from', { type: () => String, description: 'ISO 8601 instant, inclusive.' }) from: string,
    @Args('to', { type: () => String, description: 'ISO 8601 instant, exclusive.' }) to: string,
  ): Promise<ActionRankingOversightObject> {
    const start = instantArg('from', from);
    const end = instantArg('to', to);
    if (!start || !end || !(start < end))
      throw clientError('BAD_USER_INPUT', 'from and to must be ISO 8601 instants, from before to');
    return this.oversight.report(start, end);
  }
}
