import { CasesSchema } from '../cases-schema.scope';
import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEntry', {
  registerIn: CasesSchema,
  description: "One step on a case's append-only, hash-chained audit trail.",
})
export class AuditEntryObject {
  @Field({ description: 'Its position on the trail: a 64-bit integer, as a string.' })
  seq: string;

  @Field({ description: 'Who acted: a user, or the system.' })
  actor: string;

  @Field({ description: "What happened, e.g. 'exception.detected'." })
  action: string;

  @Field({
    description:
      'What the step recorded, as JSON: the inputs it rested on, before and after, the rule-table and model versions that decided.',
  })
  payload: string;

  @Field(() => GraphQLISODateTime)
  recordedAt: Date;

  @Field({ description: 'sha256 (hex) over prevHash and the canonical JSON of the entry.' })
  hash: string;

  @Field({ description: "The previous entry's hash; 64 zeros on a case's first entry." })
  prevHash: string;
}
