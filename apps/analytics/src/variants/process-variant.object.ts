import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ProcessVariant', {
  registerIn: AnalyticsSchema,
  description:
    'One path through the process: a distinct sequence of activities, and how many objects took it.',
})
export class ProcessVariantObject {
  @Field(() => ID, { description: 'A hash of the activity sequence.' })
  id: string;

  @Field({ description: "The kind of object that took the path, e.g. 'order'." })
  objectType: string;

  @Field(() => [String], { description: 'The activities in the order they happened.' })
  activities: string[];

  @Field(() => Int, { description: 'How many objects (process-mining cases) took the path.' })
  caseCount: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median first-to-last activity time; null when unknown.',
  })
  medianDurationSeconds: number | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
