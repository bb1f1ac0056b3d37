import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { EventLogBuilder, type CaseEventLog } from '@ordex/mining';

const gunzipBuffer = promisify(gunzip);

/** How often (in events flattened) the progress callback fires. */
const PROGRESS_EVERY_EVENTS = 50_000;
/** The first two bytes of every gzip member (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** Event attributes read as the event's resource, the first non-blank one winning. */
const RESOURCE_ATTRIBUTES = ['org:resource', 'resource'] as const;
/**
 * An ISO 8601 date, optionally with a clock time (`T` or a space) and a zone: date, clock and
 * zone are captured separately so a missing zone can be read as UTC.
 */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Options of {@link readOcelJson}. */
export interface OcelReadOptions {
  /**
   * Called every 50,000 events flattened, with how many have been and how many the log has (for a
   * progress line). Reading and parsing the file come before the first call.
   */
  onProgress?: (progress: { events: number; total: number }) => void;
}

/** What {@link readOcelJson} read. */
export interface OcelReadResult {
  /**
   * Per object type: the flattened case-centric log (case = object id, events = the events related
   * to it, activity = event type), as pm4py's ocel_flattening does. Every object type of
   * `objectTypes` has an entry; a type none of whose objects has an event has an empty log.
   */
  byObjectType: Map<string, CaseEventLog>;
  /** Entries of the `events` array. */
  events: number;
  /** Distinct object ids of the `objects` array. */
  objects: number;
  /** The declared object types and those objects use, sorted. */
  objectTypes: string[];
  /** The declared event types and those events use, sorted. */
  eventTypes: string[];
  /**
   * Relationships naming an object that is not among `objects`: counted and left out. Counts
   * event-to-object relationship entries (one event naming the same unknown object twice counts
   * twice); object-to-object relationships play no part in flattening and are not checked.
   */
  danglingRelationships: number;
}

/** The parts of an OCEL 2.0 JSON document the reader uses, after the top-level check. */
interface OcelDocument {
  objectTypes?: unknown;
  eventTypes?: unknown;
  objects: unknown[];
  events: unknown[];
}

/** Object types by index, and each object's type index by object id. */
interface ObjectIndex {
  typeNames: string[];
  typeOfObject: Map<string, number>;
}

/** One event as the flattening needs it. */
interface OcelEvent {
  type: string;
  time: number | null;
  resource: string | null;
  objectIds: string[];
}

/**
 * Reads an OCEL 2.0 JSON log (plain or gzipped) for the process-mining CLI and flattens it per
 * object type into case-centric logs, the way pm4py's ocel_flattening does: for an object type,
 * every object with at least one event is a case named by its id, and every event related to it
 * (an event-to-object relationship, any qualifier) is one of its events, with the event type as
 * activity. So an event related to two orders is in both order cases, while an event naming the
 * same order twice (two qualifiers) is in that case once. Within a case events are in time order,
 * ties in file order; cases are in the order the file's events first name them.
 *
 * Event time is the ISO 8601 `time`; a time without a zone is read as UTC (as pm4py keeps naive
 * times), and a missing or unreadable time leaves the event without one (the builder then keeps
 * that case's events in file order). The resource is the event attribute `org:resource`, else
 * `resource` (string or number; blank counts as missing), else none. Relationships to objects not
 * among `objects` are counted in `danglingRelationships` and left out, since the object's type,
 * and so its log, is unknown. When an object id is declared twice, its first type holds.
 *
 * OCEL JSON is one document whose events and objects may come in any order, so the file is read
 * whole (gzip detected by its magic bytes, not the name) and parsed with JSON.parse: memory grows
 * with the log, and a file whose text exceeds V8's string limit (about 512 MB) cannot be read.
 * Flattening is then one pass over the events, with a map of object id → type.
 *
 * Rejects with an Error `Cannot read OCEL log <path>: <reason>` when the file cannot be read, is
 * corrupt gzip, is not JSON, is not an OCEL 2.0 document (no `events` or `objects` array), or has an
 * object without id or type, an event without type, or a relationship without objectId.
 */
export async function readOcelJson(path: string, options: OcelReadOptions = {}): Promise<OcelReadResult> {
  try {
    const document = ocelDocumentOf(parseJson(await readText(path)));
    return flatten(document, options.onProgress);
  } catch (error) {
    throw new Error(`Cannot read OCEL log ${path}: ${messageOf(error)}`, { cause: error });
  }
}

/** The file as text: gunzipped when it starts with the gzip magic, without a byte-order mark. */
async function readText(path: string): Promise<string> {
  const stored = await readFile(path);
  const bytes = startsWithGzipMagic(stored) ? await gunzipBuffer(stored) : stored;
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function startsWithGzipMagic(bytes: Buffer): boolean {
  return bytes.length >= GZIP_MAGIC.length && GZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${messageOf(error)})`);
  }
}

/** The document when it has the `events` and `objects` arrays of OCEL 2.0 JSON. */
function ocelDocumentOf(parsed: unknown): OcelDocument {
  if (!isRecord(parsed)) throw new Error('not an OCEL 2.0 document: the top level is not a JSON object');
  for (const key of ['events', 'objects'] as const) {
    if (!Array.isArray(parsed[key])) {
      // OCEL 1.0 JSON keys its events and objects by id under ocel:events and ocel:objects.
      const hint =
        'ocel:events' in parsed ? ' (it looks like OCEL 1.0, which keeps events in ocel:events)' : '';
      throw new Error(`not an OCEL 2.0 document: no ${key} array${hint}`);
    }
  }
  return parsed as unknown as OcelDocument;
}

/** One pass over the objects, then one over the events, each event going to every case it belongs to. */
function flatten(document: OcelDocument, onProgress: OcelReadOptions['onProgress']): OcelReadResult {
  const { typeNames, typeOfObject } = indexObjects(document);
  const builders = typeNames.map(() => new EventLogBuilder());
  const eventTypes = new Set(declaredNames(document.eventTypes));
  const { events } = document;
  const total = events.length;
  const objectsSeenInEvent = new Set<string>();
  let danglingRelationships = 0;
  for (let i = 0; i < total; i++) {
    const event = ocelEventOf(events[i], i);
    eventTypes.add(event.type);
    objectsSeenInEvent.clear();
    for (const objectId of event.objectIds) {
      const type = typeOfObject.get(objectId);
      if (type === undefined) danglingRelationships++;
      else if (!objectsSeenInEvent.has(objectId)) {
        objectsSeenInEvent.add(objectId);
        builders[type].add(objectId, event.type, event.time, event.resource);
      }
    }
    if (onProgress && (i + 1) % PROGRESS_EVERY_EVENTS === 0) onProgress({ events: i + 1, total });
  }
  const sortedTypes = typeNames.map((name, t) => ({ name, t })).sort((a, b) => byCodeUnits(a.name, b.name));
  return {
    byObjectType: new Map(sortedTypes.map(({ name, t }) => [name, builders[t].build()])),
    events: total,
    objects: typeOfObject.size,
    objectTypes: sortedTypes.map(({ name }) => name),
    eventTypes: [...eventTypes].sort(),
    danglingRelationships,
  };
}

/** The object types (declared first, then as objects use them) and every object's type. */
function indexObjects(document: OcelDocument): ObjectIndex {
  const typeIndex = new Map<string, number>();
  const typeIndexOf = (name: string) => {
    let t = typeIndex.get(name);
    if (t === undefined) {
      t = typeIndex.size;
      typeIndex.set(name, t);
    }
    return t;
  };
  for (const name of declaredNames(document.objectTypes)) typeIndexOf(name);
  const typeOfObject = new Map<string, number>();
  document.objects.forEach((object, i) => {
    if (!isRecord(object)) throw new Error(`object #${i + 1} is not a JSON object`);
    const id = object['id'];
    if (typeof id !== 'string' || id === '') throw new Error(`object #${i + 1} has no id`);
    const type = object['type'];
    if (!isNonBlankString(type)) throw new Error(`object ${id} has no type`);
    if (!typeOfObject.has(id)) typeOfObject.set(id, typeIndexOf(type));
  });
  return { typeNames: [...typeIndex.keys()], typeOfObject };
}

/** The `name`s of an `objectTypes` or `eventTypes` declaration; none when it is missing or malformed. */
function declaredNames(declarations: unknown): string[] {
  if (!Array.isArray(declarations)) return [];
  return declarations.flatMap((declaration) =>
    isRecord(declaration) && isNonBlankString(declaration['name']) ? [declaration['name']] : [],
  );
}

/** Event i (0-based) of the `events` array, checked. */
function ocelEventOf(raw: unknown, i: number): OcelEvent {
  if (!isRecord(raw)) throw new Error(`event #${i + 1} is not a JSON object`);
  const label = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : `#${i + 1}`;
  const type = raw['type'];
  if (!isNonBlankString(type)) throw new Error(`event ${label} has no type`);
  return {
    type,
    time: timeOf(raw['time']),
    resource: resourceOf(raw['attributes']),
    objectIds: relatedObjectIds(raw['relationships'], label),
  };
}

/** The object ids an event's relationships name, in order, repeats included; none when absent. */
function relatedObjectIds(relationships: unknown, label: string): string[] {
  if (relationships === undefined || relationships === null) return [];
  if (!Array.isArray(relationships)) throw new Error(`event ${label} has relationships that are not a list`);
  return relationships.map((relationship) => {
    const objectId = isRecord(relationship) ? relationship['objectId'] : undefined;
    if (typeof objectId !== 'string')
      throw new Error(`event ${label} has a relationship without an objectId`);
    return objectId;
  });
}

/** The first of {@link RESOURCE_ATTRIBUTES} with a non-blank string or a finite number as value. */
function resourceOf(attributes: unknown): string | null {
  if (!Array.isArray(attributes)) return null;
  for (const name of RESOURCE_ATTRIBUTES) {
    for (const attribute of attributes) {
      if (!isRecord(attribute) || attribute['name'] !== name) continue;
      const value = attribute['value'];
      if (isNonBlankString(value)) return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    }
  }
  return null;
}

/** Ms since the epoch of an ISO 8601 time, a zoneless one read as UTC; null when missing or unreadable. */
function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const parts = ISO_DATE_TIME.exec(value.trim());
  if (parts === null) return null;
  const [, date, clock = '00:00', zone = 'Z'] = parts;
  const time = Date.parse(`${date}T${clock.replace(',', '.')}${zoneWithColon(zone)}`);
  return Number.isNaN(time) ? null : time;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The error's message; duck-typed, since errors from node's own modules may come from another realm. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
