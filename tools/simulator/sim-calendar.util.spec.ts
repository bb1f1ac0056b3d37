import {
  addWorkingDays,
  instantToLocal,
  isMonthEndWindow,
  isoDate,
  isoWeekday,
  localHour,
  localToInstant,
  parseIsoDate,
  parseLocalTime,
} from './sim-calendar.util';

const at = (text: string) => Date.parse(`${text}Z`);

describe('simulated calendar', () => {
  it('knows weekdays and hours of local time', () => {
    expect(isoWeekday(at('2026-11-02T10:00:00'))).toBe(1);
    expect(isoWeekday(at('2026-11-08T23:59:00'))).toBe(7);
    expect(isoWeekday(at('1969-12-31T12:00:00'))).toBe(3);
    expect(localHour(at('2026-11-02T17:45:00'))).toBe(17.75);
  });

  it('adds working days over weekends', () => {
    expect(isoDate(addWorkingDays(at('2026-11-06T15:00:00'), 1))).toBe('2026-11-09');
    expect(isoDate(addWorkingDays(at('2026-11-07T10:00:00'), 0))).toBe('2026-11-09');
    expect(isoDate(addWorkingDays(at('2026-11-02T10:00:00'), 5))).toBe('2026-11-09');
  });

  it('marks the last three working days of a month (November 2026 ends on a Monday)', () => {
    const window = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'].filter((d) =>
      isMonthEndWindow(parseIsoDate(d)),
    );
    expect(window).toEqual(['2026-11-26', '2026-11-27', '2026-11-30']);
    expect(isMonthEndWindow(parseIsoDate('2026-11-28'))).toBe(false);
  });

  it('turns local time into the instant in the zone, across daylight saving', () => {
    expect(localToInstant(at('2026-11-02T09:00:00'), 'Europe/Berlin').toISOString()).toBe(
      '2026-11-02T08:00:00.000Z',
    );
    expect(localToInstant(at('2026-07-01T09:00:00'), 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(localToInstant(at('2026-07-01T09:00:00'), 'America/Chicago').toISOString()).toBe(
      '2026-07-01T14:00:00.000Z',
    );
    expect(instantToLocal(new Date('2026-11-02T08:00:00.000Z'), 'Europe/Berlin')).toBe(
      at('2026-11-02T09:00:00'),
    );
  });

  it('parses HH:MM and refuses anything else', () => {
    expect(parseLocalTime('16:30')).toBe(990);
    expect(parseLocalTime('24:00')).toBeUndefined();
    expect(parseLocalTime('4pm')).toBeUndefined();
  });
});
