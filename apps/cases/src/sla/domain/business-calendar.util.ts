import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';

/** ISO day of the week: 1 = Monday … 7 = Sunday, as luxon and ISO 8601 number them. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One stretch of working time on a weekday, as local wall-clock "HH:MM" in the calendar's zone.
 * `from` < `to` on the same day; `to` may be "24:00" so that a shift can run up to midnight.
 */
export interface WorkingInterval {
  from: string;
  to: string;
}

/**
 * When a DC works, so that SLA clocks of its cases only run while someone can act on them:
 * weekly working hours in the DC's own zone, closed on the country's public holidays and on
 * the DC's own closure days.
 */
export interface BusinessCalendar {
  /** The DC region the calendar belongs to (e.g. 'NORTH'), or 'DEFAULT'. */
  region: string;
  /** IANA time zone of the DC, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** ISO 3166-1 alpha-2 country whose public holidays close the calendar; null for none. */
  holidayCountry: string | null;
  /** Optional subdivision code for date-holidays (e.g. 'BE' for Berlin); null for none. */
  holidayState: string | null;
  /** Working hours per ISO weekday; a missing or empty weekday is closed. */
  workingHours: Partial<Record<IsoWeekday, WorkingInterval[]>>;
  /** Extra closed local dates, YYYY-MM-DD (stock-takes, plant shutdowns). */
  closures: string[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1_440;

/**
 * How far past the start an SLA deadline is searched for. An answer further out than this means
 * the calendar is (nearly) never open, so the caller gets an error rather than an endless walk.
 */
const SEARCH_HORIZON_DAYS = 3 * 366;

const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A working interval as minutes since local midnight: [start, end), end at most 1440. */
interface MinuteRange {
  start: number;
  end: number;
}

/** A stretch of open time as epoch milliseconds: [start, end). */
interface OpenWindow {
  start: number;
  end: number;
}

/** A calendar checked and parsed once per call, so the day walk only looks things up. */
interface CompiledCalendar {
  timeZone: string;
  holidayCountry: string | null;
  holidayState: string | null;
  /** Index = ISO weekday (0 unused); ranges sorted by start and non-overlapping. */
  weekly: MinuteRange[][];
  closures: ReadonlySet<string>;
}

// date-holidays instances and their yearly lists are slow to build; both are pure functions of
// their keys, so they are kept for the life of the process.
const holidayCalendars = new Map<string, Holidays>();
const publicHolidayDatesByYear = new Map<string, ReadonlySet<string>>();
const holidayStatesByCountry = new Map<string, ReadonlySet<string>>();
let holidayCountries: ReadonlySet<string> | undefined;

// Turning a wall-clock time into an instant is the costly step of the day walk, and SLAs of one DC
// keep asking about the same few opening and closing times; the answers never change, so they are
// kept per zone (wall-clock time written as UTC ms → instant), started afresh when a zone's share
// grows past a bound (decades of daily boundaries).
const instantsByZone = new Map<string, Map<number, number>>();
const MAX_CACHED_INSTANTS_PER_ZONE = 100_000;

/**
 * Problems with a calendar as people would read them; empty when it is usable. Checks: known IANA
 * zone, holiday country/state known to date-holidays (codes as date-holidays lists them, upper
 * case), intervals well-formed ("HH:MM", from < to, non-overlapping per day — touching is fine —,
 * weekday keys 1..7), closures valid dates, at least one working interval in the week.
 */
export function calendarProblems(calendar: BusinessCalendar): string[] {
  return [
    ...timeZoneProblems(calendar.timeZone),
    ...holidayProblems(calendar.holidayCountry, calendar.holidayState),
    ...readWorkingHours(calendar.workingHours).problems,
    ...closureProblems(calendar.closures),
  ];
}

/**
 * The instant that lies `minutes` working minutes after `start`: the SLA deadline of something
 * that arrived at `start`. A start outside working hours begins counting at the next opening;
 * `minutes` = 0 gives the next working instant at or after `start`. A count that runs out exactly
 * at a closing time answers that closing time (due at 18:00, not at the next morning's opening).
 *
 * @throws RangeError for negative or non-finite minutes, an invalid start, a calendar with
 * problems (see {@link calendarProblems}), or an answer more than three years after `start`.
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`working minutes must be a finite number of at least 0, got ${minutes}`);
  }
  const startMs = instantOf(start, 'start');
  const compiled = compileCalendar(calendar);
  let remainingMs = minutes * MINUTE_MS;
  const firstDay = localEpochDay(startMs, compiled.timeZone);
  for (let day = firstDay; day <= firstDay + SEARCH_HORIZON_DAYS; day++) {
    for (const window of openWindows(compiled, day)) {
      const from = Math.max(window.start, startMs);
      if (from >= window.end) continue;
      if (remainingMs <= window.end - from) return new Date(Math.round(from + remainingMs));
      remainingMs -= window.end - from;
    }
  }
  throw new RangeError(
    `${minutes} working minutes after ${start.toISOString()} lie more than ${SEARCH_HORIZON_DAYS} days ahead in the ${calendar.region} calendar`,
  );
}

/**
 * Working minutes from `from` to `to`, counting only open time: how much of an SLA a case has
 * used. Negative when `to` is before `from`; fractions of minutes are kept, not rounded.
 *
 * @throws RangeError for an invalid date or a calendar with problems.
 */
export function workingMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const fromMs = instantOf(from, 'from');
  const toMs = instantOf(to, 'to');
  const compiled = compileCalendar(calendar);
  const [earlier, later] = fromMs <= toMs ? [fromMs, toMs] : [toMs, fromMs];
  let openMs = 0;
  const lastDay = localEpochDay(later, compiled.timeZone);
  for (let day = localEpochDay(earlier, compiled.timeZone); day <= lastDay; day++) {
    for (const window of openWindows(compiled, day)) {
      openMs += Math.max(0, Math.min(window.end, later) - Math.max(window.start, earlier));
    }
  }
  const minutes = openMs / MINUTE_MS;
  return fromMs <= toMs || minutes === 0 ? minutes : -minutes;
}

/**
 * Whether the calendar is open at the instant: inside a working interval (opening time included,
 * closing time excluded) of a local date that is neither a public holiday nor a closure.
 *
 * @throws RangeError for an invalid date or a calendar with problems.
 */
export function isOpenAt(at: Date, calendar: BusinessCalendar): boolean {
  const atMs = instantOf(at, 'at');
  const compiled = compileCalendar(calendar);
  return openWindows(compiled, localEpochDay(atMs, compiled.timeZone)).some(
    (window) => window.start <= atMs && atMs < window.end,
  );
}

/**
 * Monday–Friday 08:00–18:00 in the given zone (UTC unless told), no holidays: the fallback when a
 * region has no calendar of its own, so SLAs still skip nights and weekends.
 */
export function defaultCalendar(timeZone = 'UTC'): BusinessCalendar {
  return {
    region: 'DEFAULT',
    timeZone,
    holidayCountry: null,
    holidayState: null,
    workingHours: weekdaysOnly('08:00', '18:00'),
    closures: [],
  };
}

function weekdaysOnly(from: string, to: string): Partial<Record<IsoWeekday, WorkingInterval[]>> {
  const hours: Partial<Record<IsoWeekday, WorkingInterval[]>> = {};
  for (const weekday of [1, 2, 3, 4, 5] as const) hours[weekday] = [{ from, to }];
  return hours;
}

function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const problems = calendarProblems(calendar);
  if (problems.length > 0) {
    throw new RangeError(`the ${calendar.region} business calendar is unusable: ${problems.join('; ')}`);
  }
  return {
    timeZone: calendar.timeZone,
    holidayCountry: calendar.holidayCountry,
    holidayState: calendar.holidayState,
    weekly: readWorkingHours(calendar.workingHours).weekly,
    closures: new Set(calendar.closures),
  };
}

function instantOf(date: Date, role: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${role} is not a valid date`);
  return ms;
}

/** The open windows of one local date, as instants; none on a closed date. */
function openWindows(calendar: CompiledCalendar, epochDay: number): OpenWindow[] {
  const ranges = calendar.weekly[isoWeekdayOf(epochDay)];
  if (ranges.length === 0 || isClosedDate(calendar, isoDateOf(epochDay))) return [];
  const windows: OpenWindow[] = [];
  for (const range of ranges) {
    // On a DST day a range inside the skipped hour collapses to nothing and one across it is shorter.
    const start = wallClockInstant(epochDay, range.start, calendar.timeZone);
    const end = wallClockInstant(epochDay, range.end, calendar.timeZone);
    if (end > start) windows.push({ start, end });
  }
  return windows;
}

function isClosedDate(calendar: CompiledCalendar, isoDate: string): boolean {
  if (calendar.closures.has(isoDate)) return true;
  if (calendar.holidayCountry === null) return false;
  const year = Number(isoDate.slice(0, 4));
  return publicHolidayDates(calendar.holidayCountry, calendar.holidayState, year).has(isoDate);
}

/**
 * The local dates (YYYY-MM-DD) of the public holidays of a country/state in a year. A holiday
 * that date-holidays starts in the afternoon (e.g. from 14:00) still closes the whole date.
 */
function publicHolidayDates(country: string, state: string | null, year: number): ReadonlySet<string> {
  const key = `${country}/${state ?? ''}/${year}`;
  let dates = publicHolidayDatesByYear.get(key);
  if (!dates) {
    const holidays = holidayCalendarFor(country, state).getHolidays(year);
    dates = new Set(holidays.filter((holiday) => holiday.type === 'public').map((h) => h.date.slice(0, 10)));
    publicHolidayDatesByYear.set(key, dates);
  }
  return dates;
}

function holidayCalendarFor(country: string, state: string | null): Holidays {
  const key = `${country}/${state ?? ''}`;
  let holidays = holidayCalendars.get(key);
  if (!holidays) {
    holidays = state === null ? new Holidays(country) : new Holidays(country, state);
    holidayCalendars.set(key, holidays);
  }
  return holidays;
}

/**
 * The instant a local wall-clock time of a date happens, so that an interval across a DST change
 * counts the minutes that really pass. A time the clocks skip (spring forward) happens when they
 * jump past it, at the first later minute that exists; a time they show twice (fall back) is taken
 * at its first showing. Contiguous intervals therefore neither lose nor double-count time.
 */
function wallClockInstant(epochDay: number, minuteOfDay: number, timeZone: string): number {
  const wallMs = epochDay * DAY_MS + minuteOfDay * MINUTE_MS;
  let instants = instantsByZone.get(timeZone);
  if (!instants) {
    instants = new Map();
    instantsByZone.set(timeZone, instants);
  } else if (instants.size >= MAX_CACHED_INSTANTS_PER_ZONE) {
    instants.clear();
  }
  let instant = instants.get(wallMs);
  if (instant === undefined) {
    instant = resolveWallClock(wallMs, timeZone);
    instants.set(wallMs, instant);
  }
  return instant;
}

/** The uncached conversion behind {@link wallClockInstant}. */
function resolveWallClock(wallMs: number, timeZone: string): number {
  let local = wallClockDateTime(wallMs, timeZone);
  // No zone has skipped more than a day (Samoa dropped 2011-12-30 whole), which bounds the walk.
  for (let laterMs = wallMs; !showsWallClock(local, laterMs) && laterMs < wallMs + DAY_MS;) {
    laterMs += MINUTE_MS;
    local = wallClockDateTime(laterMs, timeZone);
  }
  // luxon picks between the two showings of a repeated time by today's offset; ordex must not
  // depend on when it runs, so the earlier instant is chosen explicitly.
  return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}

/** A wall-clock time, written as if it were UTC milliseconds, as a luxon DateTime in the zone. */
function wallClockDateTime(wallMs: number, timeZone: string): DateTime {
  const wall = new Date(wallMs);
  return DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    { zone: timeZone },
  );
}

/** Whether the zone's clocks really show that wall-clock time at the DateTime's instant. */
function showsWallClock(local: DateTime, wallMs: number): boolean {
  return local.toMillis() + local.offset * MINUTE_MS === wallMs;
}

/** The local date of an instant in the zone, as days since 1970-01-01. */
function localEpochDay(ms: number, timeZone: string): number {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  return Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
}

function isoDateOf(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 (epoch day 0) was a Thursday. */
function isoWeekdayOf(epochDay: number): IsoWeekday {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function timeZoneProblems(timeZone: string): string[] {
  if (typeof timeZone === 'string' && timeZone !== '' && IANAZone.create(timeZone).isValid) return [];
  return [`time zone "${timeZone}" is not a known IANA time zone`];
}

function holidayProblems(country: string | null, state: string | null): string[] {
  if (country === null) {
    return state === null ? [] : [`holiday state "${state}" is set without a holiday country`];
  }
  if (!knownHolidayCountries().has(country)) {
    return [`holiday country "${country}" is not known to the public-holiday calendar`];
  }
  if (state !== null && !knownHolidayStates(country).has(state)) {
    return [`holiday state "${state}" is not known for holiday country ${country}`];
  }
  return [];
}

function knownHolidayCountries(): ReadonlySet<string> {
  holidayCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return holidayCountries;
}

function knownHolidayStates(country: string): ReadonlySet<string> {
  let states = holidayStatesByCountry.get(country);
  if (!states) {
    states = new Set(Object.keys(new Holidays().getStates(country) ?? {}));
    holidayStatesByCountry.set(country, states);
  }
  return states;
}

/** Weekly hours parsed into minute ranges, with what is wrong with them. */
function readWorkingHours(workingHours: BusinessCalendar['workingHours']): {
  weekly: MinuteRange[][];
  problems: string[];
} {
  const weekly: MinuteRange[][] = Array.from({ length: 8 }, () => []);
  const problems: string[] = [];
  if (typeof workingHours !== 'object' || workingHours === null) {
    return { weekly, problems: ['working hours must map ISO weekdays to lists of intervals'] };
  }
  for (const [key, intervals] of Object.entries(workingHours)) {
    if (!/^[1-7]$/.test(key)) {
      problems.push(`working hours use weekday "${key}"; weekdays are 1 (Monday) to 7 (Sunday)`);
      continue;
    }
    const weekday = Number(key) as IsoWeekday;
    if (intervals === undefined) continue;
    if (!Array.isArray(intervals)) {
      problems.push(`${WEEKDAY_NAMES[weekday]}: working hours must be a list of intervals`);
      continue;
    }
    const day = readDayIntervals(WEEKDAY_NAMES[weekday], intervals);
    weekly[weekday] = day.ranges;
    problems.push(...day.problems);
  }
  // Only worth saying when nothing else is wrong: a malformed interval already explains an empty week.
  if (problems.length === 0 && weekly.every((ranges) => ranges.length === 0)) {
    problems.push('no working hours on any weekday: the calendar is never open');
  }
  return { weekly, problems };
}

function readDayIntervals(
  dayName: string,
  intervals: WorkingInterval[],
): { ranges: MinuteRange[]; problems: string[] } {
  const problems: string[] = [];
  const ranges: MinuteRange[] = [];
  for (const interval of intervals) {
    const start = minuteOfDay(interval?.from, false);
    const end = minuteOfDay(interval?.to, true);
    const label = `${interval?.from}–${interval?.to}`;
    if (start === undefined) {
      problems.push(`${dayName}: ${label} starts at "${interval?.from}", not a time of day as HH:MM`);
    } else if (end === undefined) {
      problems.push(`${dayName}: ${label} ends at "${interval?.to}", not a time of day as HH:MM (or 24:00)`);
    } else if (start >= end) {
      problems.push(`${dayName}: ${label} does not end after it starts`);
    } else {
      ranges.push({ start, end });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].start < ranges[i - 1].end) {
      problems.push(`${dayName}: ${rangeLabel(ranges[i - 1])} overlaps ${rangeLabel(ranges[i])}`);
    }
  }
  return { ranges, problems };
}

function minuteOfDay(text: unknown, allowMidnightEnd: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (allowMidnightEnd && text === '24:00') return MINUTES_PER_DAY;
  const match = TIME_OF_DAY.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function rangeLabel(range: MinuteRange): string {
  return `${clockText(range.start)}–${clockText(range.end)}`;
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function closureProblems(closures: string[]): string[] {
  if (!Array.isArray(closures)) return ['closures must be a list of dates as YYYY-MM-DD'];
  return closures
    .filter((closure) => !isCalendarDate(closure))
    .map((closure) => `closure "${closure}" is not a date as YYYY-MM-DD`);
}

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
function isCalendarDate(text: unknown): boolean {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
