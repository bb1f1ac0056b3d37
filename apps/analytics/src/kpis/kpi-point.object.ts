import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, Float, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('KpiPoint', {
  registerIn: AnalyticsSchema,
  description: 'One value of a KPI for one time bucket.',
})
export class KpiPointObject {
  @Field()
  kpi: string;

  @Field(() => GraphQLISODateTime)
  bucketStart: Date;

  @Field({ description: "The slice it measures (e.g. a team or a segment); '' for the whole operation." })
  dimension: string;

  @Field(() => Float)
  value: number;
}
