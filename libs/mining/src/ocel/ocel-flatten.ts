import { EventLogBuilder, type CaseEventLog } from '../event-log.model';
import type { OcelEventAttribute, OcelLog } from './ocel.model';

/** How often (in events flattened) the progress callback fires. */
const PROGRESS_EVERY_EVENTS = 50_000;
/** Event attributes read as the event's resource, the first non-blank one winning. */
const RESOURCE_ATTRIBUTES = ['org:resource', 'resource'] as const;
/**
 * An ISO 8601 date, optionally with a clock time (`T` or a space) and a zone: date, clock and
 * zone are captured separately so a missing zone can be read as UTC.
 */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Options of {@link flattenOcel} and {@link flattenOcelWithCounts}. */
export interface OcelFlattenOptions {
  /** Called every 50,000 events flattened, with how many have been and how many the log has. */
  onProgress?: (progress: { events: number; total: number }) => void;
}

/** What {@link flattenOcelWithCounts} made of a log. */
export interface OcelFlattening {
  /**
   * Per object type: the flattened case-centric log (case = object id, events = the events related
   * to it, activity = event type). Every object type of `objectTypes` has an entry; a type none of
   * whose objects has an event has an empty log.
   */
  byObjectType: Map<string, CaseEventLog>;
  /** Events of the log. */
  events: number;
  /** Distinct object ids of the log's objects. */
  objects: number;
  /** The declared object types and those objects use, sorted. */
  objectTypes: string[];
  /** The declared event types and those events use, sorted. */
  eventTypes: string[];
  /**
   * Relationships naming an object that is not among the log's objects: counted and left out.
   * Counts event-to-object relationship entries (one event naming the same unknown object twice
   * counts twice); object-to-object relationships play no part in flattening and are not checked.
   */
  danglingRelationships: number;
}

/**
 * Flattens an OCEL 2.0 log per object type into case-centric logs, the way pm4py's ocel_flattening
 * does: for an object type, every object with at least one event is a case named by its id, and
 * every event related to it (an event-to-object relationship, any qualifier) is one of its events,
 * with the event type as activity. So an event related to two orders is in both order cases, while
 * an event naming the same order twice (two qualifiers) is in that case once. Within a case events
 * are in time order, ties in log order; cases are in the order the log's events first name them.
 * Each map entry is one object type, keys sorted.
 *
 * Event time is the ISO 8601 `time`; a time without a zone is read as UTC (as pm4py keeps naive
 * times), and a missing or unreadable time leaves the event without one (the case's events then
 * stay in log order). The resource is the event attribute `org:resource`, else `resource` (string
 * or number; blank counts as missing), else none. Relationships to objects not among the log's
 * objects are left out, since the object's type, and so its log, is unknown. When an object id is
 * declared twice, its first type holds.
 *
 * One pass over the objects, then one over the events, each event going to every case it belongs to.
 */
export function flattenOcel(log: OcelLog, options: OcelFlattenOptions = {}): Map<string, CaseEventLog> {
  return flattenOcelWithCounts(log, options).byObjectType;
}

/** {@link flattenOcel}, with the log's counts and types and the relationships it left out. */
export function flattenOcelWithCounts(log: OcelLog, options: OcelFlattenOptions = {}): OcelFlattening {
  const { typeNames, typeOfObject } = indexObjects(log);
  const builders = typeNames.map(() => new EventLogBuilder());
  const eventTypes = new Set(log.eventTypes.map((type) => type.name));
  const { events } = log;
  const total = events.length;
  const objectsSeenInEvent = new Set<string>();
  let danglingRelationships = 0;
  for (let i = 0; i < total; i++) {
    const event = events[i];
    eventTypes.add(event.type);
    const time = parseOcelTime(event.time);
    const resource = resourceOf(event.attributes ?? []);
    objectsSeenInEvent.clear();
    for (const { objectId } of event.relationships ?? []) {
      const type = typeOfObject.get(objectId);
      if (type === undefined) danglingRelationships++;
      else if (!objectsSeenInEvent.has(objectId)) {
        objectsSeenInEvent.add(objectId);
        builders[type].add(objectId, event.type, time, resource);
      }
    }
    if (options.onProgress && (i + 1) % PROGRESS_EVERY_EVENTS === 0)
      options.onProgress({ events: i + 1, total });
  }
  const sortedTypes = typeNames.map((name, t) => ({ name, t })).sort((a, b) => byCodeUnits(a.name, b.name));
  return {
    byObjectType: new Map(sortedTypes.map(({ name, t }) => [name, builders[t].build()])),
    events: total,
    objects: typeOfObject.size,
    objectTypes: sortedTypes.map(({ name }) => name),
    eventTypes: [...eventTypes].sort(byCodeUnits),
    danglingRelationships,
  };
}

/**
 * Ms since the epoch of an OCEL time: ISO 8601 with a `T` or a space, a zone as `Z`, ±hh, ±hhmm or
 * ±hh:mm, a zoneless time read as UTC, a date alone as its midnight UTC; null when unreadable.
 */
export function parseOcelTime(value: string): number | null {
  const parts = ISO_DATE_TIME.exec(value.trim());
  if (parts === null) return null;
  const [, date, clock = '00:00', zone = 'Z'] = parts;
  const time = Date.parse(`${date}T${clock.replace(',', '.')}${zoneWithColon(zone)}`);
  return Number.isNaN(time) ? null : time;
}

/** Object types by index (declared first, then as objects use them), and each object's type index. */
function indexObjects(log: OcelLog): { typeNames: string[]; typeOfObject: Map<string, number> } {
  const typeIndex = new Map<string, number>();
  const typeIndexOf = (name: string) => {
    let t = typeIndex.get(name);
    if (t === undefined) {
      t = typeIndex.size;
      typeIndex.set(name, t);
    }
    return t;
  };
  for (const type of log.objectTypes) typeIndexOf(type.name);
  const typeOfObject = new Map<string, number>();
  for (const object of log.objects) {
    if (!typeOfObject.has(object.id)) typeOfObject.set(object.id, typeIndexOf(object.type));
  }
  return { typeNames: [...typeIndex.keys()], typeOfObject };
}

/** The first of {@link RESOURCE_ATTRIBUTES} with a non-blank string or a finite number as value. */
function resourceOf(attributes: readonly OcelEventAttribute[]): string | null {
  for (const name of RESOURCE_ATTRIBUTES) {
    for (const attribute of attributes) {
      if (attribute.name !== name) continue;
      const { value } = attribute;
      if (typeof value === 'string' && value.trim() !== '') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    }
  }
  return null;
}

/** `Z`, or an offset as ±hh:mm (ISO 8601 also allows ±hh and ±hhmm). */
function zoneWithColon(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

/** The order of `Array.prototype.sort` without a comparator, so both type lists sort alike. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
