import { isCalendarDate } from './calendar.util';

/** Local dates and times at a place, read through Intl (its IANA time-zone data), never by offset arithmetic. */

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:[0-5]\d)$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the IANA time zone (e.g. Europe/Berlin). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight of an "HH:MM" (24 h) time; null when it is not one. */
export function minuteOfDay(localTime: string): number | null {
  const match = LOCAL_TIME.exec(localTime);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export interface LocalDateTime {
  /** YYYY-MM-DD at the place. */
  date: string;
  /** Whole minutes after local midnight (seconds are dropped: 15:00:59 is still minute 15:00). */
  minute: number;
}

/** The local calendar date and minute of an instant in an IANA time zone. */
export function localDateTime(instantMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Epoch milliseconds of an ISO 8601 instant with an offset or Z; null for anything else. */
export function parseInstant(value: string): number | null {
  const match = INSTANT.exec(value);
  // Date.parse rolls 2026-02-30 over into March: the date must be a real one.
  if (!match || !isCalendarDate(match[1])) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
