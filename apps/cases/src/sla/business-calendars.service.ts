import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { BusinessCalendarEntity } from './business-calendar.entity';
import type { BusinessCalendar, IsoWeekday, WorkingInterval } from './domain/business-calendar.util';

/** The calendar a region without its own falls back to (seeded by the migration). */
export const DEFAULT_CALENDAR_REGION = 'DEFAULT';

export function toBusinessCalendar(entity: BusinessCalendarEntity): BusinessCalendar {
  return {
    region: entity.region,
    timeZone: entity.timeZone,
    holidayCountry: entity.holidayCountry,
    holidayState: entity.holidayState,
    workingHours: entity.workingHours as Partial<Record<IsoWeekday, WorkingInterval[]>>,
    closures: entity.closures,
  };
}

/** The business calendars SLAs count on, one per DC region. */
@Injectable()
export class BusinessCalendarsService {
  constructor(
    @InjectRepository(BusinessCalendarEntity) private readonly calendars: Repository<BusinessCalendarEntity>,
  ) {}

  /** The region's calendar, else the DEFAULT one. */
  async forRegion(region: string | null, tx?: EntityManager): Promise<BusinessCalendar> {
    const repository = tx ? tx.getRepository(BusinessCalendarEntity) : this.calendars;
    const rows = await repository.findBy({
      region: In([region ?? DEFAULT_CALENDAR_REGION, DEFAULT_CALENDAR_REGION]),
    });
    const own =
      rows.find((row) => row.region === region) ?? rows.find((row) => row.region === DEFAULT_CALENDAR_REGION);
    if (!own) throw new Error('the DEFAULT business calendar is missing');
    return toBusinessCalendar(own);
  }

  all(): Promise<BusinessCalendarEntity[]> {
    return this.calendars.find({ order: { region: 'ASC' } });
  }

  /** Creates or replaces a region's calendar (the caller checked it with calendarProblems). */
  async save(calendar: BusinessCalendar, updatedBy: string, now: Date): Promise<BusinessCalendarEntity> {
    const row = {
      region: calendar.region,
      timeZone: calendar.timeZone,
      holidayCountry: calendar.holidayCountry,
      holidayState: calendar.holidayState,
      workingHours: calendar.workingHours as Record<string, WorkingInterval[]>,
      closures: calendar.closures,
      updatedBy,
      updatedAt: now,
    };
    await this.calendars.upsert(row, ['region']);
    return row;
  }
}
