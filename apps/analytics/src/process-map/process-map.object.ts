import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ProcessMapEdge', {
  registerIn: AnalyticsSchema,
  description: 'How often one activity directly followed another on the same object.',
})
export class ProcessMapEdgeObject {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true, description: 'Median time from `from` to `to`, in seconds.' })
  medianSeconds: number | null;
}

@ObjectType('ProcessMap', {
  registerIn: AnalyticsSchema,
  description: "The directly-follows graph of an object type's event log, computed when asked.",
})
export class ProcessMapObject {
  @Field()
  objectType: string;

  @Field(() => [ProcessMapEdgeObject], { description: 'Most frequent first.' })
  edges: ProcessMapEdgeObject[];
}
