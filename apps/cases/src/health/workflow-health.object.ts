import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('CaseStateCount', { registerIn: CasesSchema })
export class CaseStateCountObject {
  @Field()
  state: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('TeamLoad', { registerIn: CasesSchema, description: "A team's open tasks and where they stand." })
export class TeamLoadObject {
  @Field()
  team: string;

  @Field(() => Int)
  open: number;

  @Field(() => Int, { description: 'Past their at-risk point, not yet due.' })
  atRisk: number;

  @Field(() => Int)
  breached: number;

  @Field(() => Int, { description: 'In the queue, nobody working them.' })
  unassigned: number;
}

@ObjectType('WorkflowHealth', {
  registerIn: CasesSchema,
  description: 'Where the operation stands right now (the same figures as the ordex_cases_* metrics).',
})
export class WorkflowHealthObject {
  @Field(() => [CaseStateCountObject], { description: 'Cases not closed, by state.' })
  casesByState: CaseStateCountObject[];

  @Field(() => [TeamLoadObject])
  tasksByTeam: TeamLoadObject[];

  @Field(() => Int, {
    description: 'Open cases with nothing on their audit trail for longer than stuckAfterMinutes.',
  })
  stuckCases: number;

  @Field(() => Float)
  stuckAfterMinutes: number;

  @Field(() => Int, { description: 'Commands sent to the ERP connector not answered yet.' })
  commandsAwaitingAcknowledgement: number;

  @Field(() => Int, { nullable: true })
  oldestCommandWaitingSeconds: number | null;

  @Field(() => Int)
  pendingApprovals: number;

  @Field(() => Int, { description: 'Escalation steps due and not fired yet (the scheduler is behind).' })
  escalationsDue: number;

  @Field(() => GraphQLISODateTime)
  asOf: Date;
}
