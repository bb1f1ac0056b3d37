import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';
import { RecommendationParameterObject } from '../recommendations/recommendation.object';

@ObjectType('CaseAction', {
  registerIn: CasesSchema,
  description: 'A recommendation someone, or the automation policy, took on a case, and where it stands.',
})
export class CaseActionObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The exception it acts on; null for the whole case.' })
  exceptionId: string | null;

  @Field(() => ID, { nullable: true })
  recommendationId: string | null;

  @Field({
    description: "A RecommendedAction, or RELEASE_ORDER (ordex's release once everything is settled).",
  })
  action: string;

  @Field(() => [RecommendationParameterObject])
  parameters: RecommendationParameterObject[];

  @Field(() => Float)
  cost: number;

  @Field({ description: 'PERSON, or POLICY when the automation policy took it.' })
  origin: string;

  @Field()
  takenBy: string;

  @Field(() => GraphQLISODateTime)
  takenAt: Date;

  @Field(() => String, { nullable: true, description: 'The automation-policy rule behind a POLICY action.' })
  policyRule: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'AWAITING_APPROVAL, EXECUTING (the ERP has the command), DONE, REJECTED or FAILED.' })
  state: string;

  @Field(() => String, { nullable: true, description: 'How it ended: who approved, what the ERP answered.' })
  outcome: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  settledAt: Date | null;
}
