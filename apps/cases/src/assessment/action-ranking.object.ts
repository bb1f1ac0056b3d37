import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

export enum RankingSource {
  MODEL = 'MODEL',
  RULES = 'RULES',
}

registerEnumType(RankingSource, {
  registerIn: CasesSchema,
  name: 'RankingSource',
  valuesMap: {
    MODEL: {
      description: 'The learned action-outcome model ordered the recommendations, by expected value.',
    },
    RULES: { description: "The recommendations kept the rules' order (see fallbackReason)." },
  },
});

@ObjectType('ActionRanking', {
  registerIn: CasesSchema,
  description:
    "How the case's recommendations were ordered at the last assessment: by the learned action-outcome model's expected value or, when it may not (no model, an action or figure outside its training range, slower than its budget), in the rules' order.",
})
export class ActionRankingObject {
  @Field(() => RankingSource)
  source: RankingSource;

  @Field(() => String, {
    nullable: true,
    description: 'The model version used or consulted; null when none was loaded.',
  })
  modelVersion: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the rules ranked: 'unavailable', 'out-of-range' or 'slow'; null when the model did.",
  })
  fallbackReason: string | null;

  @Field(() => [String], {
    description: "The features outside the model's training range, when that was the reason; else empty.",
  })
  outOfRange: string[];
}
