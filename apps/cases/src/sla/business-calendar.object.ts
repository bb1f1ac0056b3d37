import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('WorkingHours', { registerIn: CasesSchema })
export class WorkingHoursObject {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday: number;

  @Field()
  from: string;

  @Field()
  to: string;
}

@ObjectType('BusinessCalendar', {
  registerIn: CasesSchema,
  description: "A DC region's working hours, public holidays and closures: what SLA deadlines count.",
})
export class BusinessCalendarObject {
  @Field(() => ID)
  region: string;

  @Field()
  timeZone: string;

  @Field(() => String, { nullable: true })
  holidayCountry: string | null;

  @Field(() => String, { nullable: true })
  holidayState: string | null;

  @Field(() => [WorkingHoursObject])
  workingHours: WorkingHoursObject[];

  @Field(() => [String])
  closures: string[];

  @Field()
  updatedBy: string;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
