import { isCalendarDate } from './calendar-date.util';

describe('isCalendarDate', () => {
  it('accepts real days, including 29 February of a leap year', () => {
    expect(isCalendarDate('2026-12-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('refuses days that do not exist', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
  });

  it('refuses anything but YYYY-MM-DD', () => {
    for (const value of ['', '2026-1-01', '01/12/2026', '2026-12-01T00:00:00Z', ' 2026-12-01', 'tomorrow']) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });
});
