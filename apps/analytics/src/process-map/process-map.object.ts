import type { Dfg } from '@ordex/mining';
import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ProcessMapEdge', {
  registerIn: AnalyticsSchema,
  description: 'How often one activity directly followed another on the same object, and how long it took.',
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

  @Field(() => Float, { nullable: true, description: '90th percentile (nearest rank), in seconds.' })
  p90Seconds: number | null;
}

@ObjectType('ActivityCount', { registerIn: AnalyticsSchema, description: 'An activity and how often.' })
export class ActivityCountObject {
  @Field()
  name: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('Bottleneck', {
  registerIn: AnalyticsSchema,
  description: 'A step where work waits, by the team that picks it up: the longest mean waits first.',
})
export class BottleneckObject {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => String, { nullable: true, description: 'The team of the step waited for; null when none.' })
  team: string | null;

  @Field(() => Int)
  occurrences: number;

  @Field(() => Float)
  meanWaitSeconds: number;

  @Field(() => Float)
  maxWaitSeconds: number;
}

@ObjectType('ProcessMap', {
  registerIn: AnalyticsSchema,
  description:
    "The directly-follows graph of an object type's event log (each object a case, OCEL flattening), computed when asked.",
})
export class ProcessMapObject {
  @Field()
  objectType: string;

  @Field(() => Int, { description: 'Objects of the type with at least one event.' })
  cases: number;

  @Field(() => Int)
  events: number;

  @Field(() => [ActivityCountObject], { description: 'Events per activity.' })
  activities: ActivityCountObject[];

  @Field(() => [ProcessMapEdgeObject], { description: 'Most frequent first.' })
  edges: ProcessMapEdgeObject[];

  @Field(() => [ActivityCountObject], { description: 'Activities objects start with.' })
  starts: ActivityCountObject[];

  @Field(() => [ActivityCountObject], { description: 'Activities objects end with (so far).' })
  ends: ActivityCountObject[];

  @Field(() => [BottleneckObject])
  bottlenecks: BottleneckObject[];

  /** The mined graph itself, which the `svg` field draws; not a field of the graph. */
  dfg: Dfg;
}
