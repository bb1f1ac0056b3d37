import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { ModelStage } from './model-stage.enum';

@ObjectType('ModelVersion', {
  registerIn: AnalyticsSchema,
  description: 'One trained version of a learned model, with what it was trained on and how well it did.',
})
export class ModelVersionObject {
  @Field({ description: "The model's name." })
  model: string;

  @Field()
  version: string;

  @Field(() => ModelStage)
  stage: ModelStage;

  @Field({ description: 'First day of the training data, YYYY-MM-DD.' })
  trainingWindowFrom: string;

  @Field({ description: 'Last day of the training data, YYYY-MM-DD.' })
  trainingWindowTo: string;

  @Field({ description: 'Evaluation metrics, as a JSON object.' })
  metrics: string;

  @Field(() => [String], { description: 'The features it reads, in order.' })
  featureList: string[];

  @Field({ description: 'Identifies the exact training data.' })
  dataFingerprint: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who registered it.' })
  registeredBy: string | null;

  @Field(() => String, { nullable: true, description: 'Who promoted it to CHAMPION (never its registrant).' })
  promotedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  promotedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  retiredAt: Date | null;
}

@ObjectType('ChampionModel', {
  registerIn: AnalyticsSchema,
  description: "The version of a model that serves, with the model itself: what ordex's services load.",
})
export class ChampionModelObject {
  @Field()
  model: string;

  @Field()
  version: string;

  @Field({ description: 'The model as JSON (weights, features, ranges, fingerprint).' })
  artifact: string;
}
