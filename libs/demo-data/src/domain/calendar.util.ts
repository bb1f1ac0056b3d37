/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no local time zone shifts a day. */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;
}

/** Monday to Friday (the demo has no public holidays). */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5;
}

/** The date itself when it is a working day, otherwise the next Monday. */
export function onOrNextWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Every working day from `from` through `to`, both included, in order. */
export function workingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day);
  return days;
}
