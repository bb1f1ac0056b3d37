import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsSchema } from '../analytics-schema.scope';

@ObjectType('ActionOutcome', {
  registerIn: AnalyticsSchema,
  description: 'An action taken on a case and what became of it: the record a model of actions learns from.',
})
export class ActionOutcomeObject {
  @Field(() => ID)
  actionId: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  orderNumber: string;

  @Field(() => ID, { nullable: true })
  exceptionId: string | null;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field()
  action: string;

  @Field(() => Int, { nullable: true, description: "Its rank among ordex's recommendations." })
  rank: number | null;

  @Field()
  byPerson: boolean;

  @Field({ description: "A person took another than ordex's first recommendation." })
  overrode: boolean;

  @Field(() => String, { nullable: true })
  takenBy: string | null;

  @Field(() => GraphQLISODateTime)
  takenAt: Date;

  @Field(() => Float)
  cost: number;

  @Field(() => String, { nullable: true })
  approvalDecision: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The ERP's answer to its command: ACCEPTED or REJECTED.",
  })
  commandOutcome: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  settledAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  reworkedAt: Date | null;

  @Field({
    description:
      "'rejected' (its approval was refused), 'refused' (the ERP refused its command), 'reworked' (settled, then the case came back), 'settled' or 'pending'.",
  })
  fate: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The order shipped after the date last asked for; null while it has not shipped.',
  })
  orderLate: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "What ordex ranked the action on, as JSON: the action-outcome model's inputs (action, category, cost, marginEffect, dateEffectDays, confidence, automatable, orderValue, lines, segment, tier, monthEnd, recentExceptions, exceptions; a null field is left out). With the fate, a training example for `npm run train -- --from-graph`. Null for actions taken before ordex recorded it.",
  })
  rankingInput: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "The learned ranking's probability that the action succeeds; null when the rules ranked it.",
  })
  successProbability: number | null;

  @Field(() => String, { nullable: true, description: 'The action-outcome model version that gave it.' })
  rankingModel: string | null;
}
