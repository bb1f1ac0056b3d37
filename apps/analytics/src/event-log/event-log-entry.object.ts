import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('EventLogObject', {
  registerIn: AnalyticsSchema,
  description: 'A business object an event touched, with its role in the event (an OCEL 2.0 qualifier).',
})
export class EventLogObjectObject {
  @Field({ description: 'order, line, customer, case, exception, task, approval, action or command.' })
  type: string;

  @Field(() => ID)
  id: string;

  @Field({ description: "The object's role in the event, e.g. 'order line'." })
  qualifier: string;
}

@ObjectType('EventLogEntry', {
  registerIn: AnalyticsSchema,
  description: 'One thing that happened, with every business object it touched (object-centric event log).',
})
export class EventLogEntryObject {
  @Field(() => ID)
  eventId: string;

  @Field(() => GraphQLISODateTime)
  occurredAt: Date;

  @Field({ description: "What happened, e.g. 'Order received', 'exception.detected'." })
  activity: string;

  @Field({ description: "The kind of object it chiefly happened to, e.g. 'order'." })
  objectType: string;

  @Field(() => ID, { description: 'The object it chiefly happened to.' })
  objectId: string;

  @Field(() => String, { nullable: true, description: 'Who: a user, an ordex rule or the ERP.' })
  actor: string | null;

  @Field(() => String, { nullable: true, description: 'The team whose work it was.' })
  team: string | null;

  @Field(() => [EventLogObjectObject], { description: 'Every object it touched, the chief one first.' })
  objects: EventLogObjectObject[];

  @Field({ description: 'The system that reported it.' })
  source: string;

  @Field({ description: 'Further facts about the event, as a JSON object.' })
  attributes: string;
}
