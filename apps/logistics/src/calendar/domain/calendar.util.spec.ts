import {
  addDays,
  addWorkingDays,
  isCalendarDate,
  isoWeekday,
  isWorkingDay,
  workingDaysAfter,
} from './calendar.util';

describe('calendar', () => {
  it('recognises real calendar days only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(isCalendarDate('yesterday')).toBe(false);
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekday('2026-12-07')).toBe(1); // Monday
    expect(isoWeekday('2026-12-11')).toBe(5); // Friday
    expect(isoWeekday('2026-12-13')).toBe(7); // Sunday
    expect(isWorkingDay('2026-12-11')).toBe(true);
    expect(isWorkingDay('2026-12-12')).toBe(false);
  });

  it('adds working days skipping weekends', () => {
    expect(addWorkingDays('2026-12-11', 2)).toBe('2026-12-15'); // Friday + 2 → Tuesday
    expect(addWorkingDays('2026-12-12', 1)).toBe('2026-12-14'); // Saturday + 1 → Monday
    expect(addWorkingDays('2026-12-12', 0)).toBe('2026-12-12');
    expect(addWorkingDays('2026-12-08', 3)).toBe('2026-12-11'); // Tuesday + 3 → Friday
  });

  it('counts working days after a date up to another', () => {
    expect(workingDaysAfter('2026-12-11', '2026-12-14')).toBe(1); // Friday → Monday
    expect(workingDaysAfter('2026-12-12', '2026-12-14')).toBe(1); // Saturday → Monday
    expect(workingDaysAfter('2026-12-12', '2026-12-13')).toBe(0); // Saturday → Sunday
    expect(workingDaysAfter('2026-12-07', '2026-12-07')).toBe(0);
    expect(workingDaysAfter('2026-12-07', '2026-12-14')).toBe(5);
  });
});
