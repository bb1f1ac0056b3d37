import { CasesSchema } from '../cases-schema.scope';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatus, ExceptionCategory, Team } from '@ordex/contracts';
import { ExceptionStatus } from './exception-status.enum';

@ObjectType('CaseException', {
  registerIn: CasesSchema,
  description: 'One reason an order fell out of the standard path.',
})
export class CaseExceptionObject {
  @Field(() => ID)
  id: string;

  @Field(() => ExceptionCategory)
  category: ExceptionCategory;

  @Field(() => Team, { description: 'The team that owns the category.' })
  owner: Team;

  @Field(() => Int, { nullable: true, description: 'Null when the exception concerns the whole order.' })
  lineNo: number | null;

  @Field(() => ExceptionStatus)
  status: ExceptionStatus;

  @Field(() => GraphQLISODateTime)
  detectedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  clearedAt: Date | null;

  @Field()
  reason: string;
}

@ObjectType('Case', {
  registerIn: CasesSchema,
  description: 'Every exception on one order, worked as one case (owned by cases).',
})
@Directive('@key(fields: "id")')
export class CaseObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderNumber: string;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => Int)
  priority: number;

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => [CaseExceptionObject])
  exceptions?: CaseExceptionObject[];
}
