import {
  attributeTypeNamed,
  completeDeclarations,
  OCEL_EPOCH,
  type OcelAttributeDeclaration,
  type OcelEvent,
  type OcelEventAttribute,
  type OcelLog,
  type OcelObject,
  type OcelObjectAttribute,
  type OcelRelationship,
  type OcelType,
  type OcelValue,
} from './ocel.model';

/** The parts of an OCEL 2.0 JSON document checked before its entries are read. */
interface OcelDocument {
  objectTypes?: unknown;
  eventTypes?: unknown;
  objects: unknown[];
  events: unknown[];
}

/**
 * Parses an OCEL 2.0 JSON document into an {@link OcelLog}. A byte-order mark is skipped.
 *
 * The shape is checked: the top level must be an object with `events` and `objects` arrays, every
 * object must have an id and a type, every event a type, and attribute and relationship lists must
 * be lists of entries with a name, respectively an objectId. Errors name the offending entry by its
 * id, or by its 1-based position (`event #3`) when it has none, for example
 * `event e7 has a relationship without an objectId`.
 *
 * Values the mining does not depend on are read leniently, as exports from other tools vary: a
 * malformed or missing `objectTypes`/`eventTypes` declaration is left out (and an unknown attribute
 * type read as `string`), an event time that is not a string becomes '' (no time), an attribute
 * value that is not a string, number or boolean is left out, a missing qualifier is '', an object
 * attribute without a time is the initial value (the epoch), an event without an id gets
 * `#<position>` and a numeric event id becomes text. When an object id is declared twice, the first
 * declaration holds and the others are left out. Relationships to objects that are not declared are
 * kept here; {@link flattenOcel} counts and leaves them out.
 *
 * Each entry of `events` and `objects` is read once (a log of millions of events is one pass).
 */
export function parseOcelJson(text: string): OcelLog {
  const document = ocelDocumentOf(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  return {
    objectTypes: declarationsOf(document.objectTypes),
    eventTypes: declarationsOf(document.eventTypes),
    objects: objectsOf(document.objects),
    events: eventsOf(document.events),
  };
}

/** Options of {@link writeOcelJson}. */
export interface OcelJsonWriteOptions {
  /** Spaces to indent nested levels by, for reading by eye; none (one line) by default. */
  indent?: number;
}

/**
 * The log as an OCEL 2.0 JSON document: `objectTypes`, `eventTypes`, `objects`, `events`, with the
 * declarations completed by what the log uses (see `completeDeclarations`), so the file describes
 * itself to pm4py, ocpa and Celonis. Every event and object is written with its `attributes` and
 * `relationships` lists (empty when it has none); times and values are written as the log has them.
 * A parsed complete log parses back equal.
 */
export function writeOcelJson(log: OcelLog, options: OcelJsonWriteOptions = {}): string {
  const { objectTypes, eventTypes } = completeDeclarations(log);
  const document = {
    objectTypes,
    eventTypes,
    objects: log.objects.map((object) => ({
      id: object.id,
      type: object.type,
      attributes: (object.attributes ?? []).map(({ name, time, value }) => ({ name, time, value })),
      relationships: relationshipsToWrite(object.relationships),
    })),
    events: log.events.map((event) => ({
      id: event.id,
      type: event.type,
      time: event.time,
      attributes: (event.attributes ?? []).map(({ name, value }) => ({ name, value })),
      relationships: relationshipsToWrite(event.relationships),
    })),
  };
  return JSON.stringify(document, null, options.indent);
}

function relationshipsToWrite(relationships: readonly OcelRelationship[] | undefined): OcelRelationship[] {
  return (relationships ?? []).map(({ objectId, qualifier }) => ({ objectId, qualifier }));
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

/** The well-formed entries of an `objectTypes` or `eventTypes` list; none when it is not a list. */
function declarationsOf(declarations: unknown): OcelType[] {
  if (!Array.isArray(declarations)) return [];
  return declarations.flatMap((declaration): OcelType[] => {
    if (!isRecord(declaration) || !isNonBlankString(declaration['name'])) return [];
    const attributes = Array.isArray(declaration['attributes']) ? declaration['attributes'] : [];
    return [
      {
        name: declaration['name'],
        attributes: attributes.flatMap((attribute): OcelAttributeDeclaration[] =>
          isRecord(attribute) && typeof attribute['name'] === 'string'
            ? [
                {
                  name: attribute['name'],
                  type: attributeTypeNamed(typeof attribute['type'] === 'string' ? attribute['type'] : ''),
                },
              ]
            : [],
        ),
      },
    ];
  });
}

/** The `objects` list, checked, each object id once (the first declaration holds). */
function objectsOf(entries: unknown[]): OcelObject[] {
  const objects: OcelObject[] = [];
  const seen = new Set<string>();
  const count = entries.length;
  for (let i = 0; i < count; i++) {
    const raw = entries[i];
    if (!isRecord(raw)) throw new Error(`object #${i + 1} is not a JSON object`);
    const id = raw['id'];
    if (typeof id !== 'string' || id === '') throw new Error(`object #${i + 1} has no id`);
    const type = raw['type'];
    if (!isNonBlankString(type)) throw new Error(`object ${id} has no type`);
    const label = `object ${id}`;
    const attributes = listOf(raw['attributes'], label, 'attributes').flatMap((attribute) => {
      const parsed = objectAttributeOf(attribute, label);
      return parsed ? [parsed] : [];
    });
    const relationships = relationshipsOf(raw['relationships'], label);
    if (seen.has(id)) continue;
    seen.add(id);
    objects.push({ id, type, attributes, relationships });
  }
  return objects;
}

/** The `events` list, checked. */
function eventsOf(entries: unknown[]): OcelEvent[] {
  const events: OcelEvent[] = [];
  const count = entries.length;
  for (let i = 0; i < count; i++) {
    const raw = entries[i];
    if (!isRecord(raw)) throw new Error(`event #${i + 1} is not a JSON object`);
    const rawId = raw['id'];
    const id =
      typeof rawId === 'string' && rawId !== ''
        ? rawId
        : typeof rawId === 'number' && Number.isFinite(rawId)
          ? String(rawId)
          : `#${i + 1}`;
    const label = `event ${id}`;
    const type = raw['type'];
    if (!isNonBlankString(type)) throw new Error(`${label} has no type`);
    const time = raw['time'];
    const attributes = listOf(raw['attributes'], label, 'attributes').flatMap((attribute) => {
      const parsed = eventAttributeOf(attribute, label);
      return parsed ? [parsed] : [];
    });
    events.push({
      id,
      type,
      time: typeof time === 'string' ? time : '',
      attributes,
      relationships: relationshipsOf(raw['relationships'], label),
    });
  }
  return events;
}

/** An entry's list property: [] when missing or null; an error naming the entry when not a list. */
function listOf(value: unknown, label: string, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${label} has ${what} that are not a list`);
  return value;
}

function relationshipsOf(value: unknown, label: string): OcelRelationship[] {
  return listOf(value, label, 'relationships').map((relationship) => {
    const objectId = isRecord(relationship) ? relationship['objectId'] : undefined;
    if (typeof objectId !== 'string') throw new Error(`${label} has a relationship without an objectId`);
    const qualifier = (relationship as Record<string, unknown>)['qualifier'];
    return { objectId, qualifier: typeof qualifier === 'string' ? qualifier : '' };
  });
}

/** The attribute's name and value; null when the value is no string, number or boolean. */
function eventAttributeOf(raw: unknown, label: string): OcelEventAttribute | null {
  if (!isRecord(raw) || typeof raw['name'] !== 'string')
    throw new Error(`${label} has an attribute without a name`);
  const value = raw['value'];
  return isValue(value) ? { name: raw['name'], value } : null;
}

function objectAttributeOf(raw: unknown, label: string): OcelObjectAttribute | null {
  const attribute = eventAttributeOf(raw, label);
  if (attribute === null) return null;
  const time = (raw as Record<string, unknown>)['time'];
  return { name: attribute.name, time: typeof time === 'string' ? time : OCEL_EPOCH, value: attribute.value };
}

function isValue(value: unknown): value is OcelValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The error's message; duck-typed, since errors may come from another realm. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
