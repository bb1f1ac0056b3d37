import { CasesSchema } from '../cases-schema.scope';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApprovalStatus } from './approval-status.enum';

@ObjectType('Approval', {
  registerIn: CasesSchema,
  description: 'A decision on a case that needs authority (four eyes: the approver is never the requester).',
})
export class ApprovalObject {
  @Field(() => ID)
  id: string;

  @Field({ description: "What is to be approved, e.g. 'PRICE_OVERRIDE'." })
  subject: string;

  @Field(() => Float, { nullable: true, description: "The amount at stake, in the order's currency." })
  amount: number | null;

  @Field(() => Int, { description: 'The authority level it needs; higher levels are more senior.' })
  level: number;

  @Field()
  requestedBy: string;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => String, { nullable: true, description: 'Null while pending.' })
  decidedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while pending.' })
  decidedAt: Date | null;

  @Field(() => ApprovalStatus)
  status: ApprovalStatus;

  @Field(() => String, { nullable: true, description: 'The role that may decide it (at `level` or above).' })
  requiredRole: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The approval-authority table version that set who may decide.',
  })
  tableVersion: number | null;

  @Field(() => ID, { nullable: true, description: 'The action waiting for it.' })
  actionId: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was asked for.' })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was approved or rejected.' })
  decisionNote: string | null;
}
