import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('EventLogEntry', {
  registerIn: AnalyticsSchema,
  description: 'One thing that happened to one business object (process-mining event log).',
})
export class EventLogEntryObject {
  @Field(() => ID)
  eventId: string;

  @Field(() => GraphQLISODateTime)
  occurredAt: Date;

  @Field({ description: "What happened, e.g. 'Order received'." })
  activity: string;

  @Field({ description: "The kind of object it happened to, e.g. 'order'." })
  objectType: string;

  @Field(() => ID)
  objectId: string;

  @Field({ description: 'The system that reported it.' })
  source: string;

  @Field({ description: 'Further facts about the event, as a JSON object.' })
  attributes: string;
}
