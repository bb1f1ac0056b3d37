import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

export enum ServiceRiskSource {
  MODEL = 'MODEL',
  RULES = 'RULES',
}

registerEnumType(ServiceRiskSource, {
  registerIn: CasesSchema,
  name: 'ServiceRiskSource',
  valuesMap: {
    MODEL: { description: 'The learned service-risk model decided.' },
    RULES: { description: 'The deterministic rules decided (see fallbackReason).' },
  },
});

@ObjectType('FeatureContribution', {
  registerIn: CasesSchema,
  description: 'One input of a decision and how much it moved it.',
})
export class FeatureContributionObject {
  @Field()
  feature: string;

  @Field(() => Float, {
    description: "Model: the feature's share of the log-odds; rules: the category's miss rate in the rules.",
  })
  contribution: number;
}

@ObjectType('ServiceRisk', {
  registerIn: CasesSchema,
  description:
    'The probability that the order misses its promised date, as last assessed, and what decided it: the learned model or, when it may not (no model, an input outside its training range, slower than its budget, too close to call), the rules.',
})
export class ServiceRiskObject {
  @Field(() => Float)
  probability: number;

  @Field(() => ServiceRiskSource)
  source: ServiceRiskSource;

  @Field(() => String, {
    nullable: true,
    description: 'The model version used or consulted; null when none was loaded.',
  })
  modelVersion: string | null;

  @Field()
  rulesVersion: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the rules decided: 'unavailable', 'out-of-range', 'slow' or 'unsure'; null when the model did.",
  })
  fallbackReason: string | null;

  @Field(() => [FeatureContributionObject], {
    description: 'What drove the probability most, largest first.',
  })
  explanation: FeatureContributionObject[];
}
