import { addDays, isoWeekday, isWorkingDay, onOrNextWorkingDay, workingDaysBetween } from './calendar.util';

describe('calendar', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-01', -1)).toBe('2026-11-30');
  });

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekday('2026-11-30')).toBe(1); // Monday
    expect(isoWeekday('2026-12-02')).toBe(3); // the reference order's Wednesday
    expect(isoWeekday('2026-12-06')).toBe(7); // Sunday
    expect(isWorkingDay('2026-12-04')).toBe(true);
    expect(isWorkingDay('2026-12-05')).toBe(false);
  });

  it('moves a weekend date to the next Monday and keeps a working day', () => {
    expect(onOrNextWorkingDay('2026-12-26')).toBe('2026-12-28');
    expect(onOrNextWorkingDay('2026-12-27')).toBe('2026-12-28');
    expect(onOrNextWorkingDay('2026-12-02')).toBe('2026-12-02');
  });

  it('lists the working days of a range, both ends included', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-08')).toEqual([
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
    ]);
    expect(workingDaysBetween('2026-12-05', '2026-12-06')).toEqual([]);
  });
});
