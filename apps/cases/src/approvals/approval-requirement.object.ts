import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('ApprovalRequirement', {
  registerIn: CasesSchema,
  description: 'Who may approve a decision, by the approval-authority decision table.',
})
export class ApprovalRequirementObject {
  @Field({ description: 'The role the approver must hold.' })
  role: string;

  @Field(() => Int, {
    description: 'The approval level the approver must have at least (1 analyst, 2 manager).',
  })
  level: number;

  @Field(() => Int, { description: 'The version of the decision table that decided.' })
  decisionTableVersion: number;

  @Field({
    description: 'Whether the caller has that authority (four-eyes still applies to their own requests).',
  })
  callerMayApprove: boolean;
}
