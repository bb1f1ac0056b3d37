import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsSchema } from '../analytics-schema.scope';

@ObjectType('RiskDeciderPerformance', {
  registerIn: AnalyticsSchema,
  description:
    'How one decider of service risk (a model version, or the rules) did on the orders it decided.',
})
export class RiskDeciderPerformanceObject {
  @Field({ description: "'model' or 'rules'." })
  source: string;

  @Field(() => String, { nullable: true })
  modelVersion: string | null;

  @Field(() => Int)
  orders: number;

  @Field(() => Float)
  lateRate: number;

  @Field(() => Float, { nullable: true, description: 'ROC AUC; null without both late and on-time orders.' })
  auc: number | null;

  @Field(() => Float)
  brier: number;
}

@ObjectType('CalibrationBin', {
  registerIn: AnalyticsSchema,
  description:
    'Predictions whose probability fell in [from, to): their mean and the share where the predicted outcome happened (service risk: shipped late; action outcome: succeeded).',
})
export class CalibrationBinObject {
  @Field(() => Float)
  from: number;

  @Field(() => Float)
  to: number;

  @Field(() => Int)
  count: number;

  @Field(() => Float)
  meanPredicted: number;

  @Field(() => Float)
  observedRate: number;
}

@ObjectType('GroupPerformance', {
  registerIn: AnalyticsSchema,
  description: "Service-risk decisions in one customer segment or tier ('segment SMB', 'tier GOLD').",
})
export class GroupPerformanceObject {
  @Field()
  group: string;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  positives: number;

  @Field(() => Float, { nullable: true })
  auc: number | null;

  @Field(() => Float)
  brier: number;

  @Field(() => Float)
  meanPredicted: number;

  @Field(() => Float)
  observedRate: number;
}

@ObjectType('OversightAlert', {
  registerIn: AnalyticsSchema,
  description: 'A threshold the service-risk decisions crossed.',
})
export class OversightAlertObject {
  @Field({ description: "'discrimination', 'calibration', 'bias' or 'drift'." })
  kind: string;

  @Field({ description: 'The decider or group it concerns.' })
  subject: string;

  @Field()
  message: string;
}

@ObjectType('ServiceRiskOversight', {
  registerIn: AnalyticsSchema,
  description:
    "How ordex's service-risk decisions turned out on the orders that shipped: each order's first decision against whether it shipped after the date last asked for.",
})
export class ServiceRiskOversightObject {
  @Field(() => Int)
  orders: number;

  @Field(() => Float)
  lateRate: number;

  @Field(() => Float, { nullable: true })
  auc: number | null;

  @Field(() => Float, { nullable: true })
  brier: number | null;

  @Field(() => Float, {
    description: 'The share of decisions the rules made (no model, or one that could not decide).',
  })
  fallbackShare: number;

  @Field(() => [RiskDeciderPerformanceObject])
  bySource: RiskDeciderPerformanceObject[];

  @Field(() => [CalibrationBinObject])
  calibration: CalibrationBinObject[];

  @Field(() => [GroupPerformanceObject])
  groups: GroupPerformanceObject[];

  @Field(() => [OversightAlertObject])
  alerts: OversightAlertObject[];
}
