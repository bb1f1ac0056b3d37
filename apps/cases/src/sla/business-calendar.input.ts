import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CasesSchema } from '../cases-schema.scope';

@InputType('WorkingHoursInput', { registerIn: CasesSchema })
export class WorkingHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday: number;

  @Field({ description: 'Local opening time, HH:MM.' })
  from: string;

  @Field({ description: 'Local closing time, HH:MM (24:00 for midnight).' })
  to: string;
}

@InputType('BusinessCalendarInput', { registerIn: CasesSchema })
export class BusinessCalendarInput {
  @Field(() => ID, {
    description:
      "The DC region (a DistributionCenter's region), or DEFAULT for every region without its own.",
  })
  region: string;

  @Field({ description: 'IANA time zone of the working hours, e.g. Europe/Berlin.' })
  timeZone: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166 country whose public holidays are closed days.',
  })
  holidayCountry?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Subdivision of the country for regional holidays, e.g. BE.',
  })
  holidayState?: string | null;

  @Field(() => [WorkingHoursInput], { description: 'Working intervals; a weekday without one is closed.' })
  workingHours: WorkingHoursInput[];

  @Field(() => [String], { nullable: true, description: 'Extra closed local dates, YYYY-MM-DD.' })
  closures?: string[] | null;
}
