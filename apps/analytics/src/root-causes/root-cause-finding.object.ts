import { AnalyticsSchema } from '../analytics-schema.scope';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field({
    description: 'The slice, as a JSON object, e.g. {"segment":"KEY_ACCOUNT"} or {"period":"month-end"}.',
  })
  dimensions: string;

  @Field(() => Float, {
    description: 'The share of all orders that are in the slice and have the category, from 0 to 1.',
  })
  support: number;

  @Field(() => Float, { description: 'How many times likelier the category is in the slice than overall.' })
  lift: number;

  @Field(() => Float, {
    description: 'One-sided Fisher exact test: the chance of this many or more by chance alone.',
  })
  pValue: number;

  @Field(() => Float, {
    description: 'The p-value adjusted for the many slices tested (Benjamini–Hochberg).',
  })
  adjustedPValue: number;

  @Field(() => Int, { description: "1 for the category's strongest finding." })
  rank: number;

  @Field(() => Int, { description: 'Orders in the slice.' })
  units: number;

  @Field(() => Int, { description: 'Orders in the slice with the category.' })
  count: number;

  @Field(() => Float, { description: "The category's rate over all orders, from 0 to 1." })
  baseline: number;

  @Field({
    description: 'The upstream owner who can remove the cause: contracts, replenishment, finance workflow…',
  })
  owner: string;

  @Field(() => Team, { description: 'The team that can remove the cause.' })
  addressedTo: Team;

  @Field()
  summary: string;

  @Field(() => GraphQLISODateTime)
  detectedAt: Date;
}
