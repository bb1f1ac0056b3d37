import { CasesSchema } from '../cases-schema.scope';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DecisionTable', {
  registerIn: CasesSchema,
  description: 'One version of a decision table of the deterministic policy; a change is a new version.',
})
export class DecisionTableObject {
  @Field(() => ID, { description: "The table's name, the same for all its versions." })
  key: string;

  @Field(() => Int, { description: 'Counts up from 1.' })
  version: number;

  @Field()
  createdBy: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'What changed in this version, and why.' })
  comment: string;

  @Field({
    description: 'The rules: a GoRules JSON Decision Model document, as JSON (opens in the GoRules editor).',
  })
  content: string;
}
