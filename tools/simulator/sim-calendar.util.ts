/**
 * Simulated time is kept as "local milliseconds": the local wall-clock time of the distributor
 * (the DCs' time zone) written as if it were UTC. Calendar arithmetic (weekdays, month ends,
 * business hours) is then plain UTC arithmetic; {@link localToInstant} turns a local time into
 * the real instant for the events' timestamps.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** ISO weekday of a local time: 1 = Monday … 7 = Sunday. */
export function isoWeekday(localMs: number): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((Math.floor(localMs / DAY_MS) + 3) % 7) + 7) % 7) + 1;
}

export function isWorkingDay(localMs: number): boolean {
  return isoWeekday(localMs) <= 5;
}

export function localHour(localMs: number): number {
  return (localMs - startOfDay(localMs)) / HOUR_MS;
}

/** Minutes since local midnight. */
export function minuteOfDay(localMs: number): number {
  return Math.floor((localMs - startOfDay(localMs)) / MINUTE_MS);
}

export function startOfDay(localMs: number): number {
  return Math.floor(localMs / DAY_MS) * DAY_MS;
}

/** YYYY-MM-DD of a local time. */
export function isoDate(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}

/** Local midnight of a YYYY-MM-DD date. */
export function parseIsoDate(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** The day `count` working days after the local day of `localMs` (count ≥ 0; 0 = that day or the next working day). */
export function addWorkingDays(localMs: number, count: number): number {
  let day = startOfDay(localMs);
  while (!isWorkingDay(day)) day += DAY_MS;
  for (let added = 0; added < count;) {
    day += DAY_MS;
    if (isWorkingDay(day)) added++;
  }
  return day;
}

/** True on the last `count` working days of the local day's month (month-end close). */
const monthEndDays = new Map<number, boolean>();

export function isMonthEndWindow(localMs: number, count = 3): boolean {
  if (count !== 3) return computeMonthEndWindow(localMs, count);
  const day = startOfDay(localMs);
  let monthEnd = monthEndDays.get(day);
  if (monthEnd === undefined) {
    if (monthEndDays.size > 10_000) monthEndDays.clear();
    monthEnd = computeMonthEndWindow(day, count);
    monthEndDays.set(day, monthEnd);
  }
  return monthEnd;
}

function computeMonthEndWindow(localMs: number, count: number): boolean {
  if (!isWorkingDay(localMs)) return false;
  const date = new Date(startOfDay(localMs));
  const monthEnd = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - DAY_MS;
  let remaining = 0;
  for (let day = startOfDay(localMs) + DAY_MS; day <= monthEnd; day += DAY_MS) {
    if (isWorkingDay(day)) remaining++;
  }
  return remaining < count;
}

/** Parses HH:MM into minutes since midnight; undefined when malformed. */
export function parseLocalTime(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The offset of `timeZone` from UTC at an instant, in ms (Europe/Berlin in winter: +3,600,000). */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets per zone and quarter hour: zones change their offset on quarter hours. */
const offsets = new Map<string, number>();
const QUARTER_MS = 15 * MINUTE_MS;

function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instantMs / QUARTER_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = computeZoneOffsetMs(Math.floor(instantMs / QUARTER_MS) * QUARTER_MS, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

function computeZoneOffsetMs(instantMs: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The real instant of a local time in `timeZone` (the first one when a DST change repeats it). */
export function localToInstant(localMs: number, timeZone: string): Date {
  const first = localMs - zoneOffsetMs(localMs, timeZone);
  return new Date(localMs - zoneOffsetMs(first, timeZone));
}

/** The local time in `timeZone` of an instant. */
export function instantToLocal(instant: Date, timeZone: string): number {
  return instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone);
}
