import { CasesSchema } from '../cases-schema.scope';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Team } from '@ordex/contracts';

@ObjectType('Task', {
  registerIn: CasesSchema,
  description: "A piece of work on an exception, in one team's queue.",
})
export class TaskObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The exception the work is for.' })
  exceptionId: string;

  @Field(() => Team)
  team: Team;

  @Field()
  status: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null when the task has no deadline.' })
  dueAt: Date | null;
}
