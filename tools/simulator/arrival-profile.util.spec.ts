import {
  arrivalRate,
  DEFAULT_ARRIVAL_PROFILE,
  maxArrivalRate,
  nextArrival,
  profileProblems,
} from './arrival-profile.util';
import { SimRandom } from './sim-random.util';

const at = (text: string) => Date.parse(`${text}Z`);
const flat = {
  ...DEFAULT_ARRIVAL_PROFILE,
  ordersPerHour: 10,
  monthly: Array(12).fill(1),
  weekly: Array(7).fill(1),
};

describe('arrival profile', () => {
  it('shapes the rate by business hours, weekends, season and month end', () => {
    expect(arrivalRate(at('2026-11-03T10:00:00'), flat)).toBe(10);
    expect(arrivalRate(at('2026-11-03T18:00:00'), flat)).toBeCloseTo(0.4);
    expect(arrivalRate(at('2026-11-07T10:00:00'), flat)).toBeCloseTo(0.2);
    expect(arrivalRate(at('2026-11-27T10:00:00'), flat)).toBeCloseTo(14);
    const q4 = { ...flat, monthly: [...Array(9).fill(1), 1.2, 1.5, 1.3] };
    expect(arrivalRate(at('2026-11-03T10:00:00'), q4)).toBeCloseTo(15);
    expect(maxArrivalRate(q4)).toBeCloseTo(10 * 1.5 * 1.4);
  });

  it('draws a Poisson process whose mean follows the rate', () => {
    const rnd = new SimRandom(1);
    let t = at('2026-11-02T08:00:00');
    let count = 0;
    for (;;) {
      t = nextArrival(t, flat, rnd);
      if (t >= at('2026-11-02T18:00:00')) break;
      if (t >= at('2026-11-02T08:00:00')) count++;
    }
    // 10 h × 10 / h = 100 expected; 4 σ = 40.
    expect(Math.abs(count - 100)).toBeLessThan(40);
  });

  it('names what is wrong with a profile', () => {
    expect(profileProblems(DEFAULT_ARRIVAL_PROFILE)).toEqual([]);
    expect(profileProblems({ ...flat, ordersPerHour: 0, monthly: [1], businessHours: [18, 8] })).toEqual([
      'ordersPerHour must be > 0',
      'monthly needs 12 factors',
      'businessHours must be 0 ≤ start < end ≤ 24',
    ]);
  });
});
