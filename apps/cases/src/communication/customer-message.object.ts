import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('CustomerMessage', {
  registerIn: CasesSchema,
  description:
    "The revised-commitment message drafted from the case's resolution, for customer service to review and send (ordex never sends it).",
})
export class CustomerMessageObject {
  @Field()
  subject: string;

  @Field({ description: 'Plain text.' })
  body: string;

  @Field(() => [String], { description: 'Each change told to the customer.' })
  changes: string[];

  @Field(() => String, { nullable: true, description: 'The new ship date when it moved, YYYY-MM-DD.' })
  revisedDate: string | null;

  @Field({ description: 'False when nothing the customer sees changed: the order ships as ordered.' })
  needsSending: boolean;

  @Field(() => GraphQLISODateTime)
  draftedAt: Date;
}
