import { isTimeZone, localDateTime, minuteOfDay, parseInstant } from './local-time.util';

describe('local time', () => {
  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads HH:MM as minutes after midnight', () => {
    expect(minuteOfDay('15:00')).toBe(900);
    expect(minuteOfDay('00:00')).toBe(0);
    expect(minuteOfDay('23:59')).toBe(1439);
    expect(minuteOfDay('24:00')).toBeNull();
    expect(minuteOfDay('9:00')).toBeNull();
    expect(minuteOfDay('15:60')).toBeNull();
  });

  it('reads the local date and minute in winter and summer', () => {
    // Berlin is UTC+1 in December, UTC+2 in July.
    expect(localDateTime(Date.parse('2026-12-07T14:01:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-12-07',
      minute: 15 * 60 + 1,
    });
    expect(localDateTime(Date.parse('2026-07-07T13:00:59Z'), 'Europe/Berlin')).toEqual({
      date: '2026-07-07',
      minute: 15 * 60,
    });
    // 23:30 UTC on Monday is already Tuesday 00:30 in Berlin, and still Monday in New York.
    expect(localDateTime(Date.parse('2026-12-07T23:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-12-08',
      minute: 30,
    });
    expect(localDateTime(Date.parse('2026-12-07T23:30:00Z'), 'America/New_York').date).toBe('2026-12-07');
  });

  it('accepts ISO instants with an offset only', () => {
    expect(parseInstant('2026-12-07T14:00:00Z')).toBe(Date.parse('2026-12-07T14:00:00Z'));
    expect(parseInstant('2026-12-07T15:00:00+01:00')).toBe(Date.parse('2026-12-07T14:00:00Z'));
    expect(parseInstant('2026-12-07T14:00Z')).toBe(Date.parse('2026-12-07T14:00:00Z'));
    expect(parseInstant('2026-12-07T14:00:00')).toBeNull();
    expect(parseInstant('2026-12-07')).toBeNull();
    expect(parseInstant('2026-13-07T14:00:00Z')).toBeNull();
    expect(parseInstant('2026-02-30T14:00:00Z')).toBeNull();
    expect(parseInstant('2026-12-07T24:00:00Z')).toBeNull();
    expect(parseInstant('now')).toBeNull();
  });
});
