import { niceStep, niceTicks, stepDecimals, timeTicks } from './scales';

const utc = Date.UTC;

describe('niceStep', () => {
  it('rounds span / count to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(97, 5)).toBe(20);
    expect(niceStep(60, 6)).toBe(10);
    expect(niceStep(20, 5)).toBe(5);
    expect(niceStep(1, 5)).toBeCloseTo(0.2, 12);
    expect(niceStep(97531, 5)).toBe(20000);
  });
});

describe('stepDecimals', () => {
  it('counts the decimals a multiple of the step needs', () => {
    expect(stepDecimals(20)).toBe(0);
    expect(stepDecimals(1)).toBe(0);
    expect(stepDecimals(0.2)).toBe(1);
    expect(stepDecimals(0.05)).toBe(2);
  });
});

describe('niceTicks', () => {
  it('covers 0–97 with steps of 20', () => {
    expect(niceTicks(0, 97)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('starts at or below the minimum and ends at or above the maximum', () => {
    expect(niceTicks(-7, 13)).toEqual([-10, -5, 0, 5, 10, 15]);
    expect(niceTicks(1234, 98765)).toEqual([0, 20000, 40000, 60000, 80000, 100000]);
    expect(niceTicks(40, 100, 6)).toEqual([40, 50, 60, 70, 80, 90, 100]);
  });

  it('prints decimal steps exactly', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.3, 0.9)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('widens a single value', () => {
    expect(niceTicks(5, 5)).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('accepts the bounds in either order and refuses non-finite ones', () => {
    expect(niceTicks(97, 0)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
    expect(niceTicks(0, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});

describe('timeTicks', () => {
  // 2026-11-01 is a Sunday and day 20,758 after the epoch (even).
  const nov1 = utc(2026, 10, 1);
  const nov11 = utc(2026, 10, 11);

  it('ticks every day over 10 days when there is room', () => {
    const ticks = timeTicks(nov1, nov11, 12);
    expect(ticks.map((t) => t.at)).toEqual(Array.from({ length: 11 }, (_, i) => utc(2026, 10, 1 + i)));
    expect(ticks.map((t) => t.label)).toEqual([
      'Nov 1',
      'Nov 2',
      'Nov 3',
      'Nov 4',
      'Nov 5',
      'Nov 6',
      'Nov 7',
      'Nov 8',
      'Nov 9',
      'Nov 10',
      'Nov 11',
    ]);
  });

  it('ticks every other day over 10 days with room for 6', () => {
    const ticks = timeTicks(nov1, nov11, 6);
    expect(ticks.map((t) => t.label)).toEqual(['Nov 1', 'Nov 3', 'Nov 5', 'Nov 7', 'Nov 9', 'Nov 11']);
    expect(ticks[1].at).toBe(utc(2026, 10, 3));
  });

  it('ticks on Mondays over 10 days with room for 3', () => {
    const ticks = timeTicks(nov1, nov11, 3);
    expect(ticks).toEqual([
      { at: utc(2026, 10, 2), label: 'Nov 2' },
      { at: utc(2026, 10, 9), label: 'Nov 9' },
    ]);
  });

  it('ticks months over 3 months, the year on the first', () => {
    const ticks = timeTicks(utc(2026, 0, 1), utc(2026, 3, 1), 6);
    expect(ticks).toEqual([
      { at: utc(2026, 0, 1), label: 'Jan 2026' },
      { at: utc(2026, 1, 1), label: 'Feb' },
      { at: utc(2026, 2, 1), label: 'Mar' },
      { at: utc(2026, 3, 1), label: 'Apr' },
    ]);
  });

  it('names the year again at every January', () => {
    const ticks = timeTicks(utc(2026, 10, 15), utc(2027, 2, 10), 6);
    expect(ticks.map((t) => t.label)).toEqual(['Dec 2026', 'Jan 2027', 'Feb', 'Mar']);
  });

  it('ticks quarters over two years', () => {
    const ticks = timeTicks(utc(2025, 0, 1), utc(2026, 11, 1), 8);
    expect(ticks.map((t) => t.label)).toEqual([
      'Jan 2025',
      'Apr',
      'Jul',
      'Oct',
      'Jan 2026',
      'Apr',
      'Jul',
      'Oct',
    ]);
    expect(ticks[1].at).toBe(utc(2025, 3, 1));
  });

  it('ticks hours within a day, the date at midnight', () => {
    const ticks = timeTicks(utc(2026, 10, 27), utc(2026, 10, 28), 6);
    expect(ticks.map((t) => t.label)).toEqual(['Nov 27', '06:00', '12:00', '18:00', 'Nov 28']);
    expect(ticks[1].at).toBe(utc(2026, 10, 27, 6));
  });

  it('ticks years over a long span', () => {
    const ticks = timeTicks(utc(2010, 0, 1), utc(2026, 5, 1), 6);
    expect(ticks).toEqual([
      { at: utc(2010, 0, 1), label: '2010' },
      { at: utc(2015, 0, 1), label: '2015' },
      { at: utc(2020, 0, 1), label: '2020' },
      { at: utc(2025, 0, 1), label: '2025' },
    ]);
  });

  it('returns nothing for a backwards or non-finite range', () => {
    expect(timeTicks(nov11, nov1)).toEqual([]);
    expect(timeTicks(Number.NaN, nov1)).toEqual([]);
  });
});
