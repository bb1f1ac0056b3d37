import { FeatureContributionObject } from '../assessment/service-risk.object';
import { CasesSchema } from '../cases-schema.scope';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { RecommendedAction } from './recommended-action.enum';

@ObjectType('RecommendationParameter', { registerIn: CasesSchema })
export class RecommendationParameterObject {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  value: string | null;
}

@ObjectType('Recommendation', {
  registerIn: CasesSchema,
  description: 'A next best action proposed for a case, with what it costs and changes.',
})
export class RecommendationObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The exception it addresses; null for the whole case.' })
  exceptionId: string | null;

  @Field(() => RecommendedAction)
  action: RecommendedAction;

  @Field(() => Float, { description: "What it costs, in the order's currency." })
  cost: number;

  @Field(() => Float, { description: "Its effect on the order's margin, in the order's currency." })
  marginEffect: number;

  @Field(() => Int, { description: 'Days it moves the delivery date (positive: later, 0: unchanged).' })
  dateEffectDays: number;

  @Field(() => Float, { description: 'How sure the recommender is, from 0 to 1.' })
  confidence: number;

  @Field({ description: 'Why it was proposed.' })
  reason: string;

  @Field(() => Boolean, { description: 'Whether policy lets it run without a human.' })
  automatable: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The automation-policy rule that decided whether it may run without a human.',
  })
  policyRule: string | null;

  @Field(() => [RecommendationParameterObject], {
    description: 'What executing it needs, e.g. lineNo, dcCode, quantity; values as text.',
  })
  parameters: RecommendationParameterObject[];

  @Field(() => Int, {
    description:
      "Its place among the case's recommendations, 1 the best: by the learned model's expected value when it ranked (see Case.actionRanking), else the rules' order.",
  })
  rank: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The learned model's probability that the action succeeds — taken without being refused or reworked, and on time; null when the rules ranked.",
  })
  successProbability: number | null;

  @Field(() => [FeatureContributionObject], {
    description: 'What moved its success probability most, largest first; empty when the rules ranked.',
  })
  rankingExplanation: FeatureContributionObject[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
