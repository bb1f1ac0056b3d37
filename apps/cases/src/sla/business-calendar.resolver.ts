import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientError, type GraphQLRequestContext, SERVICE_CLOCK } from '@ordex/platform';
import type { BusinessCalendarEntity } from './business-calendar.entity';
import { BusinessCalendarInput } from './business-calendar.input';
import { BusinessCalendarObject } from './business-calendar.object';
import { BusinessCalendarsService } from './business-calendars.service';
import {
  type BusinessCalendar,
  calendarProblems,
  type IsoWeekday,
  type WorkingInterval,
} from './domain/business-calendar.util';

@Resolver(() => BusinessCalendarObject)
export class BusinessCalendarResolver {
  constructor(
    private readonly calendars: BusinessCalendarsService,
    @Inject(SERVICE_CLOCK) private readonly clock: () => Date,
  ) {}

  @Query(() => [BusinessCalendarObject], {
    description: 'The business calendar of every DC region, and DEFAULT.',
  })
  async businessCalendars() {
    return (await this.calendars.all()).map(toBusinessCalendarObject);
  }

  @Mutation(() => BusinessCalendarObject, {
    description:
      "Creates or replaces a region's business calendar; open tasks keep their deadlines, new ones count on it. Errors: BAD_USER_INPUT.",
  })
  async setBusinessCalendar(
    @Args('calendar') input: BusinessCalendarInput,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<BusinessCalendarObject> {
    const workingHours: Partial<Record<IsoWeekday, WorkingInterval[]>> = {};
    for (const { weekday, from, to } of input.workingHours) {
      const day = weekday as IsoWeekday;
      workingHours[day] = [...(workingHours[day] ?? []), { from, to }];
    }
    const calendar: BusinessCalendar = {
      region: input.region.trim(),
      timeZone: input.timeZone,
      holidayCountry: input.holidayCountry ?? null,
      holidayState: input.holidayState ?? null,
      workingHours,
      closures: input.closures ?? [],
    };
    const problems = [
      ...(calendar.region ? [] : ['region must not be blank']),
      ...calendarProblems(calendar),
    ];
    if (problems.length) throw clientError('BAD_USER_INPUT', problems.join('; '));
    return toBusinessCalendarObject(await this.calendars.save(calendar, ctx.identity.subject, this.clock()));
  }
}

function toBusinessCalendarObject(entity: BusinessCalendarEntity): BusinessCalendarObject {
  return {
    region: entity.region,
    timeZone: entity.timeZone,
    holidayCountry: entity.holidayCountry,
    holidayState: entity.holidayState,
    workingHours: Object.entries(entity.workingHours)
      .flatMap(([weekday, intervals]) => intervals.map((i) => ({ weekday: Number(weekday), ...i })))
      .sort((a, b) => a.weekday - b.weekday || (a.from < b.from ? -1 : 1)),
    closures: [...entity.closures].sort(),
    updatedBy: entity.updatedBy,
    updatedAt: entity.updatedAt,
  };
}
