import { CasesSchema } from '../cases-schema.scope';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Team } from '@ordex/contracts';

export enum SlaStateValue {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
}

registerEnumType(SlaStateValue, {
  registerIn: CasesSchema,
  name: 'SlaState',
  description: 'Where a task stands against its SLA, on its business calendar.',
  valuesMap: {
    ON_TRACK: { description: 'Less than the at-risk share of the target used.' },
    AT_RISK: { description: 'Past the at-risk share of the target, not yet due.' },
    BREACHED: { description: 'Past its deadline.' },
  },
});

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

  @Field({ description: 'OPEN, DONE or CANCELLED (its exception cleared by itself).' })
  status: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the SLA breaches (the target in working minutes on the business calendar); null without an SLA.',
  })
  dueAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the task counts as at risk.' })
  atRiskAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The SLA target in working minutes.' })
  slaTargetMinutes: number | null;

  @Field(() => SlaStateValue, {
    nullable: true,
    description: 'Null for a task without an SLA or no longer open.',
  })
  slaState: SlaStateValue | null;

  @Field(() => Int, {
    description: 'The last escalation step that fired: 0 none, 1 at risk, 2 breached, 3 manager.',
  })
  escalationLevel: number;

  @Field(() => String, {
    nullable: true,
    description: "The person working it; null while it waits in the team's queue.",
  })
  assignee: string | null;
}
