import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { CaseStatus } from '@ordex/contracts';
import { CasesSchema } from '../cases-schema.scope';

/** A case update as the subscription delivered it: what the gateway completes a selection from. */
@InputType('CaseUpdateInput', { registerIn: CasesSchema })
export class CaseUpdateInput {
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

  @Field()
  change: string;

  @Field(() => GraphQLISODateTime)
  changedAt: Date;
}
