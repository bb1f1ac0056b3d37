import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsSchema } from '../analytics-schema.scope';
import { CalibrationBinObject, OversightAlertObject } from './service-risk-oversight.object';

@ObjectType('ActionModelPerformance', {
  registerIn: AnalyticsSchema,
  description:
    "How one action-outcome model version's success probabilities did on the actions it ranked, beside the recommender's own confidence on the same actions.",
})
export class ActionModelPerformanceObject {
  @Field()
  modelVersion: string;

  @Field(() => Int)
  actions: number;

  @Field(() => Float, { description: 'The share that succeeded.' })
  successRate: number;

  @Field(() => Float, { nullable: true, description: 'ROC AUC; null without both outcomes.' })
  auc: number | null;

  @Field(() => Float)
  brier: number;

  @Field(() => Float, { nullable: true, description: "The recommender's confidence: its ROC AUC." })
  baselineAuc: number | null;

  @Field(() => Float, { description: "The recommender's confidence: its Brier score." })
  baselineBrier: number;
}

@ObjectType('FeatureDrift', {
  registerIn: AnalyticsSchema,
  description: "One input's population stability index between two samples, and its level.",
})
export class FeatureDriftObject {
  @Field()
  feature: string;

  @Field(() => Float)
  psi: number;

  @Field({ description: "'stable' (under 0.1), 'moderate' (to 0.25) or 'significant'." })
  level: string;
}

@ObjectType('ActionRankingOversight', {
  registerIn: AnalyticsSchema,
  description:
    "How the learned ranking's predictions turned out on the actions taken whose fate is known: succeeded when the action settled its exception and the order shipped on time; failed when rejected, refused by the ERP, reworked or late.",
})
export class ActionRankingOversightObject {
  @Field(() => Int, { description: 'Actions the model ranked whose fate is known.' })
  actions: number;

  @Field(() => Float)
  successRate: number;

  @Field(() => [ActionModelPerformanceObject])
  byModel: ActionModelPerformanceObject[];

  @Field(() => [CalibrationBinObject], { description: 'observedRate: the share that succeeded.' })
  calibration: CalibrationBinObject[];

  @Field(() => [FeatureDriftObject], {
    description: 'The 10 features that moved most from the window before (of the same length) to this one.',
  })
  drift: FeatureDriftObject[];

  @Field(() => [OversightAlertObject])
  alerts: OversightAlertObject[];
}
