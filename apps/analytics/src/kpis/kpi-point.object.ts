import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsSchema } from '../analytics-schema.scope';
import { Kpi, KpiDimension, TimeGrain } from './domain/kpi-catalog';
import './kpi.enums';

@ObjectType('KpiPoint', {
  registerIn: AnalyticsSchema,
  description: 'One value of a KPI for one time bucket and one slice.',
})
export class KpiPointObject {
  @Field(() => Kpi)
  kpi: Kpi;

  @Field(() => TimeGrain)
  grain: TimeGrain;

  @Field(() => KpiDimension)
  dimension: KpiDimension;

  @Field({ description: "The slice's member (a segment, a team…); '' for ALL." })
  member: string;

  @Field(() => GraphQLISODateTime, {
    description: "Midnight of the bucket's first day, in the distributor's zone.",
  })
  bucketStart: Date;

  @Field(() => Int, {
    description:
      'Contributions in the bucket: exceptions settled or detected, approvals decided, cases closed, orders released or at risk, actions costed.',
  })
  count: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Rate: hits ÷ count (null when count is 0); sum: the total; duration: p50 in seconds.',
  })
  value: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A rate’s numerator (touchless, SLA met, recurring, reopened).',
  })
  hits: number | null;

  @Field(() => Float, { nullable: true, description: 'A duration’s median in seconds (nearest rank).' })
  p50: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'A duration’s 90th percentile in seconds (nearest rank).',
  })
  p90: number | null;

  @Field(() => Float, { nullable: true, description: 'A duration’s mean in seconds.' })
  mean: number | null;
}
