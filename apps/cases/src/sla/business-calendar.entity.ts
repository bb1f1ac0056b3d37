import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WorkingInterval } from './domain/business-calendar.util';

/** Working hours, holidays and closures of a DC region: what SLA deadlines count. */
@Entity({ name: 'business_calendar' })
export class BusinessCalendarEntity {
  @PrimaryColumn({ type: 'text' })
  region: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'holiday_country', type: 'text', nullable: true })
  holidayCountry: string | null;

  @Column({ name: 'holiday_state', type: 'text', nullable: true })
  holidayState: string | null;

  /** ISO weekday (1 = Monday) → working intervals. */
  @Column({ name: 'working_hours', type: 'jsonb' })
  workingHours: Record<string, WorkingInterval[]>;

  @Column({ type: 'text', array: true, default: [] })
  closures: string[];

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
