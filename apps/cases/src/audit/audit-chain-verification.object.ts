import { CasesSchema } from '../cases-schema.scope';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditChainVerification', {
  registerIn: CasesSchema,
  description: "The outcome of recomputing a case's audit hash chain.",
})
export class AuditChainVerificationObject {
  @Field(() => Boolean, { description: 'True when no entry was altered, removed or reordered.' })
  valid: boolean;

  @Field(() => Int, { description: 'How many entries the trail has.' })
  entries: number;

  @Field(() => String, { nullable: true, description: 'The seq of the first broken entry; null when valid.' })
  firstBrokenSeq: string | null;
}
