import { Settings } from 'luxon';
import {
  addWorkingMinutes,
  BusinessCalendar,
  calendarProblems,
  defaultCalendar,
  isOpenAt,
  workingMinutesBetween,
} from './business-calendar.util';
import { demoBusinessCalendars } from '@ordex/demo-data';

/** The demo distributor's calendars, as the demo loads them through setBusinessCalendar. */
const DEMO_CALENDARS: BusinessCalendar[] = demoBusinessCalendars().map((c) => ({
  ...c,
  workingHours: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7]
      .map((day) => [
        day,
        c.workingHours.filter((h) => h.weekday === day).map(({ from, to }) => ({ from, to })),
      ])
      .filter(([, hours]) => (hours as unknown[]).length > 0),
  ),
}));

// Instants are written with the offset the zone has on that date (CET +01:00, CEST +02:00,
// EET +02:00, WET +00:00) so every expected value can be checked by hand; results are compared as UTC.
const at = (iso: string) => new Date(iso);
const utc = (iso: string) => new Date(iso).toISOString();

const demo = (region: string): BusinessCalendar => {
  const calendar = DEMO_CALENDARS.find((candidate) => candidate.region === region);
  if (!calendar) throw new Error(`no demo calendar ${region}`);
  return calendar;
};
const NORTH = demo('NORTH');
const SOUTH = demo('SOUTH');
const EAST = demo('EAST');
const WEST = demo('WEST');

/** Monday–Friday 08:00–18:00 UTC: June 2026 has no DST change and the default has no holidays. */
const UTC_DEFAULT = defaultCalendar();

/** A warehouse with a lunch break, the intervals deliberately listed out of order. */
const LUNCH_BREAK: BusinessCalendar = {
  ...defaultCalendar(),
  region: 'LUNCH',
  workingHours: Object.fromEntries(
    [1, 2, 3, 4, 5].map((weekday) => [
      weekday,
      [
        { from: '13:00', to: '17:00' },
        { from: '08:00', to: '12:00' },
      ],
    ]),
  ),
};

const withHours = (
  base: BusinessCalendar,
  workingHours: BusinessCalendar['workingHours'],
  closures: string[] = [],
): BusinessCalendar => ({ ...base, workingHours, closures });

describe('addWorkingMinutes', () => {
  it('counts on from a start inside working hours', () => {
    // Wed 2026-06-03 10:00 + 90 min = 11:30, still before the 18:00 close.
    expect(addWorkingMinutes(at('2026-06-03T10:00Z'), 90, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T11:30Z'),
    );
  });

  it('starts counting at opening for a start before opening', () => {
    // Wed 06:00 is closed: counting begins at 08:00, + 30 = 08:30.
    expect(addWorkingMinutes(at('2026-06-03T06:00Z'), 30, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T08:30Z'),
    );
  });

  it('rolls a start after closing to the next working day', () => {
    // Wed 19:00 is after the close: counting begins Thu 08:00, + 30 = Thu 08:30.
    expect(addWorkingMinutes(at('2026-06-03T19:00Z'), 30, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-04T08:30Z'),
    );
  });

  it('answers the closing time when the count runs out exactly at closing', () => {
    // 08:00 + 600 min = 18:00 the same day (not the next morning); one more minute is Thu 08:01.
    expect(addWorkingMinutes(at('2026-06-03T08:00Z'), 600, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T18:00Z'),
    );
    expect(addWorkingMinutes(at('2026-06-03T08:00Z'), 601, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-04T08:01Z'),
    );
  });

  it('with 0 minutes answers the next working instant at or after the start', () => {
    expect(addWorkingMinutes(at('2026-06-03T10:17Z'), 0, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T10:17Z'),
    );
    expect(addWorkingMinutes(at('2026-06-03T08:00Z'), 0, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T08:00Z'),
    );
    // Closing time itself is closed: the next working instant is Thu 08:00.
    expect(addWorkingMinutes(at('2026-06-03T18:00Z'), 0, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-04T08:00Z'),
    );
    // Sat 2026-06-06 noon: the next opening is Mon 2026-06-08 08:00.
    expect(addWorkingMinutes(at('2026-06-06T12:00Z'), 0, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-08T08:00Z'),
    );
  });

  it('rolls a Friday evening over the weekend', () => {
    // Fri 2026-06-05 17:00: 60 min to the 18:00 close, Sat/Sun closed, Mon 08:00 + 60 = 09:00.
    expect(addWorkingMinutes(at('2026-06-05T17:00Z'), 120, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-08T09:00Z'),
    );
    // Fri 20:00 is already closed: Mon 08:00 + 30 = 08:30.
    expect(addWorkingMinutes(at('2026-06-05T20:00Z'), 30, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-08T08:30Z'),
    );
  });

  it('computes a 10-working-day SLA', () => {
    // 10 days × 600 min = 6000 min: from Mon 2026-06-01 08:00 the tenth day ends Fri 06-12 18:00.
    expect(addWorkingMinutes(at('2026-06-01T08:00Z'), 6000, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-12T18:00Z'),
    );
    // From Wed 06-03 12:00: 360 left that day, 5640 = 9 full days (Thu 4 … Tue 16) + 240 → Wed 06-17 12:00.
    expect(addWorkingMinutes(at('2026-06-03T12:00Z'), 6000, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-17T12:00Z'),
    );
  });

  it('keeps fractions of minutes', () => {
    // 0.5 min = 30 s; 1.25 min = 75 s.
    expect(addWorkingMinutes(at('2026-06-03T10:00Z'), 0.5, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T10:00:30Z'),
    );
    expect(addWorkingMinutes(at('2026-06-03T10:00Z'), 1.25, UTC_DEFAULT).toISOString()).toBe(
      utc('2026-06-03T10:01:15Z'),
    );
  });

  it('skips a lunch break between two intervals of a day', () => {
    // Mon 2026-06-01 11:30: 30 min to 12:00, lunch, 13:00 + 30 = 13:30.
    expect(addWorkingMinutes(at('2026-06-01T11:30Z'), 60, LUNCH_BREAK).toISOString()).toBe(
      utc('2026-06-01T13:30Z'),
    );
    // During lunch the next working instant is 13:00.
    expect(addWorkingMinutes(at('2026-06-01T12:15Z'), 0, LUNCH_BREAK).toISOString()).toBe(
      utc('2026-06-01T13:00Z'),
    );
    // 10:00 + 420: 120 (10–12) + 240 (13–17) = 360, the last 60 from Tue 08:00 → 09:00.
    expect(addWorkingMinutes(at('2026-06-01T10:00Z'), 420, LUNCH_BREAK).toISOString()).toBe(
      utc('2026-06-02T09:00Z'),
    );
  });

  it('skips a closure date', () => {
    const berlin = withHours(defaultCalendar('Europe/Berlin'), defaultCalendar().workingHours, [
      '2026-07-15',
    ]);
    // Tue 2026-07-14 17:00 CEST: 60 min to 18:00, Wed 07-15 closed (stock-take), Thu 08:00 + 60 = 09:00 CEST.
    expect(addWorkingMinutes(at('2026-07-14T17:00+02:00'), 120, berlin).toISOString()).toBe(
      utc('2026-07-16T09:00+02:00'),
    );
    // Without the closure the same SLA ends Wed 09:00 CEST.
    expect(
      addWorkingMinutes(at('2026-07-14T17:00+02:00'), 120, defaultCalendar('Europe/Berlin')).toISOString(),
    ).toBe(utc('2026-07-15T09:00+02:00'));
  });

  it('treats a shift ending at 24:00 as running up to midnight', () => {
    const nightShift = withHours(UTC_DEFAULT, {
      1: [{ from: '20:00', to: '24:00' }],
      2: [{ from: '00:00', to: '04:00' }],
    });
    // Mon 2026-06-01 23:00: 60 min to midnight, then Tue 00:00 + 60 = 01:00.
    expect(addWorkingMinutes(at('2026-06-01T23:00Z'), 120, nightShift).toISOString()).toBe(
      utc('2026-06-02T01:00Z'),
    );
  });

  describe('public holidays of the demo regions (checked against date-holidays 3.37.0)', () => {
    it('NORTH (Germany, Berlin) is closed on Christmas Day', () => {
      // Thu 2026-12-24 18:00 CET: 60 min to 19:00; Fri 12-25 1. Weihnachtstag, Sat 12-26
      // 2. Weihnachtstag, Sun closed; Mon 12-28 07:00 + 60 = 08:00 CET.
      expect(addWorkingMinutes(at('2026-12-24T18:00+01:00'), 120, NORTH).toISOString()).toBe(
        utc('2026-12-28T08:00+01:00'),
      );
    });

    it("NORTH keeps Berlin's own holiday that the rest of Germany works through", () => {
      // Mon 2027-03-08 is Internationaler Frauentag in Berlin only. From Fri 2027-03-05 18:00 CET:
      // 60 min to 19:00, then Berlin resumes Tue 03-09 07:00 (+60 = 08:00), Germany Mon 03-08.
      const germanyWithoutState: BusinessCalendar = { ...NORTH, holidayState: null };
      expect(addWorkingMinutes(at('2027-03-05T18:00+01:00'), 120, NORTH).toISOString()).toBe(
        utc('2027-03-09T08:00+01:00'),
      );
      expect(addWorkingMinutes(at('2027-03-05T18:00+01:00'), 120, germanyWithoutState).toISOString()).toBe(
        utc('2027-03-08T08:00+01:00'),
      );
    });

    it('SOUTH (Italy) is closed on the Immacolata', () => {
      // Mon 2026-12-07 18:30 CET: 30 min to 19:00, Tue 12-08 closed, Wed 12-09 07:00 + 30 = 07:30 CET.
      expect(addWorkingMinutes(at('2026-12-07T18:30+01:00'), 60, SOUTH).toISOString()).toBe(
        utc('2026-12-09T07:30+01:00'),
      );
    });

    it('EAST (Romania) is closed on Sfântul Andrei and the national day', () => {
      // Fri 2026-11-27 18:00 EET: 60 min to 19:00; Sat, Sun, Mon 11-30 and Tue 12-01 closed;
      // Wed 12-02 07:00 + 60 = 08:00 EET.
      expect(addWorkingMinutes(at('2026-11-27T18:00+02:00'), 120, EAST).toISOString()).toBe(
        utc('2026-12-02T08:00+02:00'),
      );
    });

    it('WEST (Portugal) is closed on Restauração da Independência', () => {
      // Mon 2026-11-30 18:00 WET: 60 min to 19:00, Tue 12-01 closed, Wed 12-02 07:00 + 60 = 08:00 WET.
      expect(addWorkingMinutes(at('2026-11-30T18:00Z'), 120, WEST).toISOString()).toBe(
        utc('2026-12-02T08:00Z'),
      );
    });
  });

  describe('DST changes (Europe/Berlin)', () => {
    const berlinOffice = defaultCalendar('Europe/Berlin');
    const sundayShift = (from: string, to: string) => withHours(berlinOffice, { 7: [{ from, to }] });

    it('rolls an SLA over the spring-forward weekend', () => {
      // Fri 2026-03-27 17:00 CET: 60 min to 18:00; Sun 03-29 clocks go forward; Mon 08:00 CEST + 60 = 09:00 CEST.
      expect(addWorkingMinutes(at('2026-03-27T17:00+01:00'), 120, berlinOffice).toISOString()).toBe(
        utc('2026-03-30T09:00+02:00'),
      );
    });

    it('rolls an SLA over the fall-back weekend', () => {
      // Fri 2026-10-23 17:00 CEST: 60 min to 18:00; Sun 10-25 clocks go back; Mon 08:00 CET + 60 = 09:00 CET.
      expect(addWorkingMinutes(at('2026-10-23T17:00+02:00'), 120, berlinOffice).toISOString()).toBe(
        utc('2026-10-26T09:00+01:00'),
      );
    });

    it('counts the real minutes of a shift across the skipped hour', () => {
      const shift = sundayShift('01:00', '04:00');
      // 01:00 CET = 00:00Z to 04:00 CEST = 02:00Z: 120 real minutes, not 180.
      expect(workingMinutesBetween(at('2026-03-28T12:00Z'), at('2026-03-29T12:00Z'), shift)).toBe(120);
      // 00:00Z + 90 = 01:30Z, which Berlin reads as 03:30 CEST.
      expect(addWorkingMinutes(at('2026-03-29T01:00+01:00'), 90, shift).toISOString()).toBe(
        utc('2026-03-29T03:30+02:00'),
      );
      // All 120 minutes end the shift at 02:00Z; one more minute is the next Sunday, 01:00 CEST + 1.
      expect(addWorkingMinutes(at('2026-03-29T00:00Z'), 120, shift).toISOString()).toBe(
        utc('2026-03-29T02:00Z'),
      );
      expect(addWorkingMinutes(at('2026-03-29T00:00Z'), 121, shift).toISOString()).toBe(
        utc('2026-04-05T01:01+02:00'),
      );
    });

    it('counts the real minutes of a shift across the repeated hour', () => {
      const shift = sundayShift('01:00', '04:00');
      // 01:00 CEST = 10-24 23:00Z to 04:00 CET = 03:00Z: 240 real minutes, not 180.
      expect(workingMinutesBetween(at('2026-10-24T12:00Z'), at('2026-10-25T12:00Z'), shift)).toBe(240);
      // 23:00Z + 90 = 00:30Z, the first 02:30 (CEST); + 150 = 01:30Z, the second 02:30 (CET).
      expect(addWorkingMinutes(at('2026-10-24T23:00Z'), 90, shift).toISOString()).toBe(
        utc('2026-10-25T02:30+02:00'),
      );
      expect(addWorkingMinutes(at('2026-10-24T23:00Z'), 150, shift).toISOString()).toBe(
        utc('2026-10-25T02:30+01:00'),
      );
    });

    it('gives a round-the-clock Sunday 23 hours in spring and 25 in autumn', () => {
      const allDay = sundayShift('00:00', '24:00');
      expect(workingMinutesBetween(at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z'), allDay)).toBe(23 * 60);
      expect(workingMinutesBetween(at('2026-10-24T12:00Z'), at('2026-10-26T12:00Z'), allDay)).toBe(25 * 60);
    });

    it('opens a shift that starts in the skipped hour when the clocks jump past it', () => {
      // 02:30 does not exist on 2026-03-29: the shift opens at 03:00 CEST (01:00Z) and runs to
      // 04:00 CEST (02:00Z) = 60 min; 01:00–02:30 is 00:00Z–01:00Z = 60 min; together 120 as above.
      const day = [at('2026-03-28T12:00Z'), at('2026-03-29T12:00Z')] as const;
      expect(workingMinutesBetween(...day, sundayShift('02:30', '04:00'))).toBe(60);
      expect(workingMinutesBetween(...day, sundayShift('01:00', '02:30'))).toBe(60);
      expect(isOpenAt(at('2026-03-29T03:00+02:00'), sundayShift('02:30', '04:00'))).toBe(true);
      expect(isOpenAt(at('2026-03-29T01:59:59.999+01:00'), sundayShift('02:30', '04:00'))).toBe(false);
    });

    it('takes a time shown twice at its first showing', () => {
      // 01:00–02:00 ends at the first 02:00 (00:00Z): 60 min; 02:00–03:00 runs from 00:00Z to
      // 03:00 CET (02:00Z): 120 min; together 01:00–03:00 = 23:00Z–02:00Z = 180 min.
      const day = [at('2026-10-24T12:00Z'), at('2026-10-25T12:00Z')] as const;
      expect(workingMinutesBetween(...day, sundayShift('01:00', '02:00'))).toBe(60);
      expect(workingMinutesBetween(...day, sundayShift('02:00', '03:00'))).toBe(120);
      expect(workingMinutesBetween(...day, sundayShift('01:00', '03:00'))).toBe(180);
    });

    describe('whatever the date the service runs on', () => {
      const realNow = Settings.now;
      afterEach(() => {
        Settings.now = realNow;
      });

      // luxon alone would pick the second showing when run in winter and the first in summer.
      // Each run asks for a time no other test asks for, so neither answer comes from the cache.
      it.each([
        // First 02:30 (00:30Z) to 04:00 CET (03:00Z) = 150 min.
        ['winter', Date.UTC(2026, 0, 15), '02:30', 150],
        // First 02:45 (00:45Z) to 04:00 CET (03:00Z) = 135 min.
        ['summer', Date.UTC(2026, 6, 15), '02:45', 135],
      ])('takes a repeated time at its first showing when run in %s', (_season, now, from, minutes) => {
        Settings.now = () => now;
        const day = [at('2026-10-24T12:00Z'), at('2026-10-25T12:00Z')] as const;
        expect(workingMinutesBetween(...day, sundayShift(from, '04:00'))).toBe(minutes);
      });
    });
  });

  it('is fast enough to compute SLAs in bulk', () => {
    // 10 working days of NORTH (12 h a day = 7200 min) from starts spread over December 2026,
    // which also crosses Christmas; holiday tables and opening instants are cached after the warm-up.
    const starts = Array.from({ length: 31 }, (_, day) => new Date(Date.UTC(2026, 11, 1 + day, 9, 30)));
    for (const start of starts) addWorkingMinutes(start, 7200, NORTH);
    const runs = 600;
    const begin = performance.now();
    for (let run = 0; run < runs; run++) addWorkingMinutes(starts[run % starts.length], 7200, NORTH);
    expect((performance.now() - begin) / runs).toBeLessThan(1);
  });

  describe('refuses', () => {
    it.each([-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY])('%d minutes', (minutes) => {
      expect(() => addWorkingMinutes(at('2026-06-03T10:00Z'), minutes, UTC_DEFAULT)).toThrow(RangeError);
    });

    it('an invalid start', () => {
      expect(() => addWorkingMinutes(new Date('not a date'), 10, UTC_DEFAULT)).toThrow(RangeError);
    });

    it('a calendar with no working time', () => {
      expect(() => addWorkingMinutes(at('2026-06-03T10:00Z'), 10, withHours(UTC_DEFAULT, {}))).toThrow(
        /never open/,
      );
    });

    it('a calendar with problems, naming them', () => {
      const broken = { ...UTC_DEFAULT, region: 'NORTH', timeZone: 'Europe/Atlantis' };
      expect(() => addWorkingMinutes(at('2026-06-03T10:00Z'), 10, broken)).toThrow(
        new RangeError(
          'the NORTH business calendar is unusable: time zone "Europe/Atlantis" is not a known IANA time zone',
        ),
      );
    });

    it('an answer beyond the three-year search horizon', () => {
      // A year has at most 262 weekdays × 600 min = 157,200 min, so 1,000,000 min is > 6 years away.
      expect(() => addWorkingMinutes(at('2026-06-03T10:00Z'), 1_000_000, UTC_DEFAULT)).toThrow(RangeError);
    });

    it('an answer beyond the horizon because every day is closed', () => {
      // Open on Sundays only, and every Sunday of the next four years is a closure.
      const sundays = Array.from({ length: 4 * 53 }, (_, week) =>
        new Date(Date.UTC(2026, 5, 7 + 7 * week)).toISOString().slice(0, 10),
      );
      const sundaysOnly = withHours(UTC_DEFAULT, { 7: [{ from: '08:00', to: '18:00' }] }, sundays);
      expect(() => addWorkingMinutes(at('2026-06-03T10:00Z'), 1, sundaysOnly)).toThrow(RangeError);
    });
  });

  it('answers well within the horizon for a long count', () => {
    // NORTH works 720 min a day: 400,000 min ≈ 556 working days ≈ 2.3 years, within the three-year
    // horizon, and exact on the way back.
    const start = at('2026-06-03T10:00Z');
    const due = addWorkingMinutes(start, 400_000, NORTH);
    expect(workingMinutesBetween(start, due, NORTH)).toBe(400_000);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['within one day', '2026-06-03T10:00Z', '2026-06-03T11:30Z', 90],
    ['over a night (17–18 and 08–09)', '2026-06-03T17:00Z', '2026-06-04T09:00Z', 120],
    ['over a weekend (Fri 17–18 and Mon 08–09)', '2026-06-05T17:00Z', '2026-06-08T09:00Z', 120],
    ['within a weekend', '2026-06-06T10:00Z', '2026-06-07T20:00Z', 0],
    ['at the same instant', '2026-06-03T10:00Z', '2026-06-03T10:00Z', 0],
    ['over a full week (5 × 600)', '2026-06-01T00:00Z', '2026-06-08T00:00Z', 3000],
    ['for 30 seconds', '2026-06-03T10:00:00Z', '2026-06-03T10:00:30Z', 0.5],
    ['for 6 ms (6 / 60,000 min)', '2026-06-03T10:00:00.000Z', '2026-06-03T10:00:00.006Z', 0.0001],
  ])('counts open time %s', (_case, from, to, minutes) => {
    expect(workingMinutesBetween(at(from), at(to), UTC_DEFAULT)).toBe(minutes);
  });

  it('is negative when to is before from', () => {
    // Mon 2026-06-08 09:00 back to Fri 06-05 17:00: -(60 + 60).
    expect(workingMinutesBetween(at('2026-06-08T09:00Z'), at('2026-06-05T17:00Z'), UTC_DEFAULT)).toBe(-120);
    // Backwards over closed time only is 0, not -0.
    expect(workingMinutesBetween(at('2026-06-07T20:00Z'), at('2026-06-06T10:00Z'), UTC_DEFAULT)).toBe(0);
  });

  it('leaves out a lunch break', () => {
    // 11:00–14:00 = 11–12 (60) + 13–14 (60).
    expect(workingMinutesBetween(at('2026-06-01T11:00Z'), at('2026-06-01T14:00Z'), LUNCH_BREAK)).toBe(120);
  });

  it('counts a shift up to 24:00 and on from Tuesday 00:00', () => {
    const nightShift = withHours(UTC_DEFAULT, {
      1: [{ from: '20:00', to: '24:00' }],
      2: [{ from: '00:00', to: '04:00' }],
    });
    // Mon 20:00–24:00 (240) + Tue 00:00–04:00 (240).
    expect(workingMinutesBetween(at('2026-06-01T12:00Z'), at('2026-06-02T12:00Z'), nightShift)).toBe(480);
  });

  it('counts a NORTH week that changes to summer time: 5 days × 12 h', () => {
    // Mon 2026-03-23 07:00 CET to Mon 2026-03-30 07:00 CEST: 5 × 720 = 3600 (168 − 1 real hours apart).
    expect(workingMinutesBetween(at('2026-03-23T07:00+01:00'), at('2026-03-30T07:00+02:00'), NORTH)).toBe(
      3600,
    );
  });

  it('leaves out the Portuguese holidays of WEST', () => {
    // Mon 2026-11-30 to Sat 12-12: 10 weekdays, less Tue 12-01 and Tue 12-08 = 8 × 720 = 5760.
    expect(workingMinutesBetween(at('2026-11-30T00:00Z'), at('2026-12-12T00:00Z'), WEST)).toBe(5760);
  });

  describe('is the inverse of addWorkingMinutes', () => {
    const starts = [
      ['inside hours', '2026-12-22T10:00+01:00'],
      ['before opening', '2026-12-22T05:00+01:00'],
      ['exactly at closing', '2026-12-23T19:00+01:00'],
      ['on a public holiday', '2026-12-25T10:00+01:00'],
      ['on a weekend before a DST change', '2026-03-28T10:00+01:00'],
    ];
    const counts = [0, 1, 59.5, 720, 721, 7200, 12_345.25];

    it.each(starts.flatMap(([label, start]) => counts.map((minutes) => [label, start, minutes] as const)))(
      'from a NORTH start %s (%s), %d minutes there and back',
      (_label, start, minutes) => {
        const due = addWorkingMinutes(at(start), minutes, NORTH);
        expect(workingMinutesBetween(at(start), due, NORTH)).toBe(minutes);
        expect(workingMinutesBetween(due, at(start), NORTH)).toBe(minutes === 0 ? 0 : -minutes);
      },
    );
  });

  it('refuses an invalid date', () => {
    expect(() => workingMinutesBetween(at('2026-06-03T10:00Z'), new Date(Number.NaN), UTC_DEFAULT)).toThrow(
      RangeError,
    );
  });
});

describe('isOpenAt', () => {
  it.each([
    ['exactly at opening', '2026-06-03T08:00:00.000Z', true],
    ['a millisecond before opening', '2026-06-03T07:59:59.999Z', false],
    ['a millisecond before closing', '2026-06-03T17:59:59.999Z', true],
    ['exactly at closing', '2026-06-03T18:00:00.000Z', false],
    ['on a Saturday', '2026-06-06T12:00Z', false],
    ['on a Sunday', '2026-06-07T12:00Z', false],
  ])('UTC default calendar %s: %s', (_case, instant, open) => {
    expect(isOpenAt(at(instant), UTC_DEFAULT)).toBe(open);
  });

  it.each([
    ['12:00 (lunch starts)', '2026-06-01T12:00Z', false],
    ['12:59:59.999', '2026-06-01T12:59:59.999Z', false],
    ['13:00 (back from lunch)', '2026-06-01T13:00Z', true],
    ['11:59:59.999', '2026-06-01T11:59:59.999Z', true],
  ])('with a lunch break at %s', (_case, instant, open) => {
    expect(isOpenAt(at(instant), LUNCH_BREAK)).toBe(open);
  });

  it.each([
    ['NORTH on Christmas Day', NORTH, '2026-12-25T10:00+01:00', false],
    [
      'NORTH on Christmas Eve afternoon (only a bank holiday, not public)',
      NORTH,
      '2026-12-24T15:00+01:00',
      true,
    ],
    ['NORTH on Mon 2026-12-28 (a working day)', NORTH, '2026-12-28T10:00+01:00', true],
    ['SOUTH on the Immacolata', SOUTH, '2026-12-08T10:00+01:00', false],
    ['WEST on 1 December', WEST, '2026-12-01T10:00Z', false],
    ['WEST on 8 December', WEST, '2026-12-08T10:00Z', false],
    ['WEST on Mon 30 November', WEST, '2026-11-30T10:00Z', true],
    ['EAST on Sfântul Andrei', EAST, '2026-11-30T10:00+02:00', false],
    ['EAST on 1 December', EAST, '2026-12-01T10:00+02:00', false],
    ['EAST on Constitution Day (an observance, not public)', EAST, '2026-12-08T10:00+02:00', true],
    ['NORTH at 07:00 local, the demo opening', NORTH, '2026-06-03T07:00+02:00', true],
    ['NORTH at 19:00 local, the demo closing', NORTH, '2026-06-03T19:00+02:00', false],
  ])('%s', (_case, calendar, instant, open) => {
    expect(isOpenAt(at(instant), calendar)).toBe(open);
  });

  it('is closed all day on a closure date, and only that date', () => {
    const nightShift = withHours(
      UTC_DEFAULT,
      { 1: [{ from: '20:00', to: '24:00' }], 2: [{ from: '00:00', to: '04:00' }] },
      ['2026-06-02'],
    );
    expect(isOpenAt(at('2026-06-01T23:59Z'), nightShift)).toBe(true);
    expect(isOpenAt(at('2026-06-02T00:00Z'), nightShift)).toBe(false);
    expect(isOpenAt(at('2026-06-02T03:00Z'), { ...nightShift, closures: [] })).toBe(true);
  });

  it('refuses an invalid date or an unusable calendar', () => {
    expect(() => isOpenAt(new Date(Number.NaN), UTC_DEFAULT)).toThrow(RangeError);
    expect(() => isOpenAt(at('2026-06-03T10:00Z'), { ...UTC_DEFAULT, holidayCountry: 'XX' })).toThrow(
      RangeError,
    );
  });
});

describe('calendarProblems', () => {
  it('finds none in the demo calendars and the default', () => {
    for (const calendar of [...DEMO_CALENDARS, defaultCalendar(), defaultCalendar('America/New_York')]) {
      expect(calendarProblems(calendar)).toEqual([]);
    }
  });

  it.each([
    ['Europe/Atlantis', 'time zone "Europe/Atlantis" is not a known IANA time zone'],
    ['', 'time zone "" is not a known IANA time zone'],
    ['UTC+2', 'time zone "UTC+2" is not a known IANA time zone'],
  ])('names an unknown time zone %j', (timeZone, problem) => {
    expect(calendarProblems({ ...UTC_DEFAULT, timeZone })).toEqual([problem]);
  });

  it('names an unknown holiday country', () => {
    expect(calendarProblems({ ...UTC_DEFAULT, holidayCountry: 'XX' })).toEqual([
      'holiday country "XX" is not known to the public-holiday calendar',
    ]);
  });

  it('names a holiday state the country does not have', () => {
    expect(calendarProblems({ ...UTC_DEFAULT, holidayCountry: 'DE', holidayState: 'ZZ' })).toEqual([
      'holiday state "ZZ" is not known for holiday country DE',
    ]);
  });

  it('names a holiday state without a country', () => {
    expect(calendarProblems({ ...UTC_DEFAULT, holidayState: 'BE' })).toEqual([
      'holiday state "BE" is set without a holiday country',
    ]);
  });

  it('names malformed times of day', () => {
    const calendar = withHours(UTC_DEFAULT, {
      1: [{ from: '8:00', to: '12:00' }],
      2: [{ from: '24:00', to: '24:00' }],
      3: [{ from: '09:00', to: '12:60' }],
      4: [{ from: '09:00', to: '25:00' }],
      5: [{ from: '08:00', to: '18:00' }],
    });
    expect(calendarProblems(calendar)).toEqual([
      'Monday: 8:00–12:00 starts at "8:00", not a time of day as HH:MM',
      'Tuesday: 24:00–24:00 starts at "24:00", not a time of day as HH:MM',
      'Wednesday: 09:00–12:60 ends at "12:60", not a time of day as HH:MM (or 24:00)',
      'Thursday: 09:00–25:00 ends at "25:00", not a time of day as HH:MM (or 24:00)',
    ]);
  });

  it('names an interval that does not end after it starts', () => {
    const calendar = withHours(UTC_DEFAULT, {
      4: [{ from: '18:00', to: '08:00' }],
      5: [{ from: '10:00', to: '10:00' }],
      6: [{ from: '08:00', to: '12:00' }],
    });
    expect(calendarProblems(calendar)).toEqual([
      'Thursday: 18:00–08:00 does not end after it starts',
      'Friday: 10:00–10:00 does not end after it starts',
    ]);
  });

  it('names overlapping intervals of a day but accepts touching ones', () => {
    expect(
      calendarProblems(
        withHours(UTC_DEFAULT, {
          5: [
            { from: '11:00', to: '14:00' },
            { from: '08:00', to: '12:00' },
          ],
        }),
      ),
    ).toEqual(['Friday: 08:00–12:00 overlaps 11:00–14:00']);
    expect(
      calendarProblems(
        withHours(UTC_DEFAULT, {
          5: [
            { from: '08:00', to: '12:00' },
            { from: '12:00', to: '14:00' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('names weekday keys outside 1..7', () => {
    const workingHours = {
      0: [{ from: '08:00', to: '18:00' }],
      1: [{ from: '08:00', to: '18:00' }],
      8: [{ from: '08:00', to: '18:00' }],
      mon: [{ from: '08:00', to: '18:00' }],
    } as unknown as BusinessCalendar['workingHours'];
    expect(calendarProblems(withHours(UTC_DEFAULT, workingHours))).toEqual([
      'working hours use weekday "0"; weekdays are 1 (Monday) to 7 (Sunday)',
      'working hours use weekday "8"; weekdays are 1 (Monday) to 7 (Sunday)',
      'working hours use weekday "mon"; weekdays are 1 (Monday) to 7 (Sunday)',
    ]);
  });

  it('names closures that are not dates', () => {
    const closures = ['2026-12-24', '2026-02-30', '2026-2-03', 'tomorrow', '2028-02-29'];
    expect(calendarProblems(withHours(UTC_DEFAULT, UTC_DEFAULT.workingHours, closures))).toEqual([
      'closure "2026-02-30" is not a date as YYYY-MM-DD',
      'closure "2026-2-03" is not a date as YYYY-MM-DD',
      'closure "tomorrow" is not a date as YYYY-MM-DD',
    ]);
  });

  it.each([
    ['no weekdays at all', {}],
    ['only empty weekdays', { 1: [], 6: [] }],
  ])('names a week without working time (%s)', (_case, workingHours) => {
    expect(calendarProblems(withHours(UTC_DEFAULT, workingHours))).toEqual([
      'no working hours on any weekday: the calendar is never open',
    ]);
  });

  it('names every problem at once', () => {
    const calendar: BusinessCalendar = {
      ...UTC_DEFAULT,
      timeZone: 'Nowhere/Special',
      holidayCountry: 'XX',
      closures: ['someday'],
    };
    expect(calendarProblems(calendar)).toEqual([
      'time zone "Nowhere/Special" is not a known IANA time zone',
      'holiday country "XX" is not known to the public-holiday calendar',
      'closure "someday" is not a date as YYYY-MM-DD',
    ]);
  });
});

describe('defaultCalendar', () => {
  const weekdays = { from: '08:00', to: '18:00' };

  it('is Monday–Friday 08:00–18:00 UTC without holidays', () => {
    expect(defaultCalendar()).toEqual({
      region: 'DEFAULT',
      timeZone: 'UTC',
      holidayCountry: null,
      holidayState: null,
      workingHours: { 1: [weekdays], 2: [weekdays], 3: [weekdays], 4: [weekdays], 5: [weekdays] },
      closures: [],
    });
  });

  it('takes the zone it is given', () => {
    const rome = defaultCalendar('Europe/Rome');
    expect(rome.timeZone).toBe('Europe/Rome');
    // Wed 2026-06-03 08:00 CEST is opening time in Rome (06:00Z), when UTC is still closed.
    expect(isOpenAt(at('2026-06-03T08:00+02:00'), rome)).toBe(true);
    expect(isOpenAt(at('2026-06-03T08:00+02:00'), defaultCalendar())).toBe(false);
  });

  it('hands out a fresh calendar each time', () => {
    const changed = defaultCalendar();
    changed.workingHours[1]?.push({ from: '20:00', to: '22:00' });
    changed.closures.push('2026-12-24');
    expect(defaultCalendar().workingHours[1]).toEqual([weekdays]);
    expect(defaultCalendar().closures).toEqual([]);
  });
});

describe('the demo distributor calendars', () => {
  it('are the four demo DCs with their zones and holiday countries', () => {
    expect(DEMO_CALENDARS.map((c) => [c.region, c.timeZone, c.holidayCountry, c.holidayState])).toEqual([
      ['NORTH', 'Europe/Berlin', 'DE', 'BE'],
      ['SOUTH', 'Europe/Rome', 'IT', null],
      ['EAST', 'Europe/Bucharest', 'RO', null],
      ['WEST', 'Europe/Lisbon', 'PT', null],
    ]);
  });

  it('work Monday–Friday 07:00–19:00 with no closures', () => {
    const shift = [{ from: '07:00', to: '19:00' }];
    for (const calendar of DEMO_CALENDARS) {
      expect(calendar.workingHours).toEqual({ 1: shift, 2: shift, 3: shift, 4: shift, 5: shift });
      expect(calendar.closures).toEqual([]);
    }
  });
});
