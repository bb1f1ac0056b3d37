import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ExceptionCategory, Team } from '@ordex/contracts';

@ObjectType('RootCauseFinding', {
  registerIn: AnalyticsSchema,
  description: 'A slice of the operation where one exception category is over-represented.',
})
export class RootCauseFindingObject {
  @Field(() => ID)
  id: string;

  @Field(() => ExceptionCategory)
  category: ExceptionCategory;

  @Field({ description: 'The slice, as a JSON object, e.g. {"segment":"KEY_ACCOUNT"}.' })
  dimensions: string;

  @Field(() => Float, { description: 'The share of the exceptions that fall in the slice, from 0 to 1.' })
  support: number;

  @Field(() => Float, { description: 'How many times likelier the category is in the slice than overall.' })
  lift: number;

  @Field(() => Float, { description: 'The chance of a lift this high without a real cause.' })
  pValue: number;

  @Field(() => Team, { description: 'The team that can remove the cause.' })
  addressedTo: Team;

  @Field()
  summary: string;

  @Field(() => GraphQLISODateTime)
  detectedAt: Date;
}
