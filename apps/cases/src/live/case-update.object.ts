import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatus } from '@ordex/contracts';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('CaseUpdate', {
  registerIn: CasesSchema,
  description: 'A change to a case, pushed to subscribers as it happens (cases.case.updated.v1).',
})
export class CaseUpdateObject {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  orderNumber: string;

  @Field(() => ID)
  customerId: string;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => Int)
  priority: number;

  @Field({ description: 'What changed, in words: opened, escalated to level 2, resolved, ...' })
  change: string;

  @Field(() => GraphQLISODateTime)
  changedAt: Date;
}
