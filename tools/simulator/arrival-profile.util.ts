import { HOUR_MS, isMonthEndWindow, isoWeekday, isWorkingDay, localHour } from './sim-calendar.util';
import type { SimRandom } from './sim-random.util';

/** How the order arrival rate varies over simulated time. Every factor multiplies `ordersPerHour`. */
export interface ArrivalProfile {
  /** Orders per hour inside business hours on an ordinary working day of an average month. */
  ordersPerHour: number;
  /** Business hours, local: [start, end) in hours (08:00–18:00). */
  businessHours: readonly [number, number];
  /** Rate outside business hours on a working day, relative to business hours. */
  offHoursFactor: number;
  /** Rate on Saturdays and Sundays, relative to business hours. */
  weekendFactor: number;
  /** Seasonality: one factor per month, January first (a Q4 peak by default). */
  monthly: readonly number[];
  /** One factor per ISO weekday, Monday first (Monday backlog, quiet Friday afternoon…). */
  weekly: readonly number[];
  /** Rate on the last three working days of a month (month-end buying before the close). */
  monthEndFactor: number;
}

export const DEFAULT_ARRIVAL_PROFILE: ArrivalProfile = {
  ordersPerHour: 30,
  businessHours: [8, 18],
  offHoursFactor: 0.04,
  weekendFactor: 0.02,
  monthly: [0.9, 0.95, 1, 1, 1, 0.95, 0.8, 0.8, 1, 1.15, 1.35, 1.25],
  weekly: [1.15, 1, 1, 1, 0.9, 1, 1],
  monthEndFactor: 1.4,
};

/** Orders per hour at a local time. */
export function arrivalRate(localMs: number, profile: ArrivalProfile): number {
  const month = new Date(localMs).getUTCMonth();
  const hour = localHour(localMs);
  const [open, close] = profile.businessHours;
  const timeOfDay = !isWorkingDay(localMs)
    ? profile.weekendFactor
    : hour >= open && hour < close
      ? 1
      : profile.offHoursFactor;
  const monthEnd = isMonthEndWindow(localMs) ? profile.monthEndFactor : 1;
  return (
    profile.ordersPerHour *
    timeOfDay *
    (profile.monthly[month] ?? 1) *
    (profile.weekly[isoWeekday(localMs) - 1] ?? 1) *
    monthEnd
  );
}

/** An upper bound of {@link arrivalRate} over all times, for thinning. */
export function maxArrivalRate(profile: ArrivalProfile): number {
  const top = (values: readonly number[]) => Math.max(1, ...values);
  return (
    profile.ordersPerHour *
    Math.max(1, profile.offHoursFactor, profile.weekendFactor) *
    top(profile.monthly) *
    top(profile.weekly) *
    Math.max(1, profile.monthEndFactor)
  );
}

/**
 * The next arrival after `localMs` of a Poisson process whose rate follows the profile (Lewis &
 * Shedler thinning: candidates at the maximum rate, each kept with probability rate / maximum).
 */
export function nextArrival(localMs: number, profile: ArrivalProfile, rnd: SimRandom): number {
  const max = maxArrivalRate(profile);
  if (!(max > 0)) throw new Error('the arrival profile never produces an order');
  let t = localMs;
  for (;;) {
    t += Math.max(1, Math.round(rnd.exponential(HOUR_MS / max)));
    if (rnd.next() * max < arrivalRate(t, profile)) return t;
  }
}

/** Checks a profile a user configured; returns the problems found. */
export function profileProblems(profile: ArrivalProfile): string[] {
  const problems: string[] = [];
  const nonNegative = (name: string, value: number) => {
    if (!(Number.isFinite(value) && value >= 0)) problems.push(`${name} must be a number ≥ 0`);
  };
  if (!(profile.ordersPerHour > 0)) problems.push('ordersPerHour must be > 0');
  nonNegative('offHoursFactor', profile.offHoursFactor);
  nonNegative('weekendFactor', profile.weekendFactor);
  nonNegative('monthEndFactor', profile.monthEndFactor);
  if (profile.monthly.length !== 12) problems.push('monthly needs 12 factors');
  if (profile.weekly.length !== 7) problems.push('weekly needs 7 factors');
  [...profile.monthly, ...profile.weekly].forEach((value, i) => nonNegative(`factor ${i + 1}`, value));
  const [open, close] = profile.businessHours;
  if (!(open >= 0 && close <= 24 && open < close))
    problems.push('businessHours must be 0 ≤ start < end ≤ 24');
  return problems;
}
