/**
 * An object-centric event log (OCEL 2.0) in memory, shaped like the standard's JSON format so that
 * OCEL 2.0 JSON and SQLite files, pm4py, ocpa and Celonis OCPM all describe the same thing: events
 * of an event type at a time, objects of an object type whose attributes change over time, and
 * qualified event-to-object and object-to-object relationships.
 */

/** An attribute value; OCEL 2.0 JSON carries times as ISO 8601 strings too. */
export type OcelValue = string | number | boolean;

/** The attribute types OCEL 2.0 knows. */
export type OcelAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'time';

/** The OCEL 2.0 attribute types, in the standard's order. */
export const OCEL_ATTRIBUTE_TYPES: readonly OcelAttributeType[] = [
  'string',
  'integer',
  'float',
  'boolean',
  'time',
];

/**
 * The time OCEL 2.0 gives an object attribute's initial value (the Unix epoch), used when a file
 * does not say when a value was set.
 */
export const OCEL_EPOCH = '1970-01-01T00:00:00Z';

/** One attribute an event or object type declares. */
export interface OcelAttributeDeclaration {
  name: string;
  type: OcelAttributeType;
}

/** An event type or an object type with its declared attributes. */
export interface OcelType {
  name: string;
  attributes: OcelAttributeDeclaration[];
}

/** A qualified relationship from an event or object to an object. */
export interface OcelRelationship {
  objectId: string;
  qualifier: string;
}

/** An object attribute's value from `time` on (OCEL 2.0 objects change over time). */
export interface OcelObjectAttribute {
  name: string;
  /** ISO 8601, as written in the log. */
  time: string;
  value: OcelValue;
}

/** An event attribute's value. */
export interface OcelEventAttribute {
  name: string;
  value: OcelValue;
}

/** One object: its id, type, attribute values over time and relationships to other objects. */
export interface OcelObject {
  id: string;
  type: string;
  attributes?: OcelObjectAttribute[];
  relationships?: OcelRelationship[];
}

/** One event: its id, type (activity), time, attribute values and the objects it relates to. */
export interface OcelEvent {
  id: string;
  type: string;
  /**
   * ISO 8601 as written in the log (a zoneless time is read as UTC); '' when the log gave the event
   * no time.
   */
  time: string;
  attributes?: OcelEventAttribute[];
  relationships?: OcelRelationship[];
}

/** An OCEL 2.0 log: the four top-level lists of the standard's JSON format. */
export interface OcelLog {
  objectTypes: OcelType[];
  eventTypes: OcelType[];
  objects: OcelObject[];
  events: OcelEvent[];
}

/** The type and attribute declarations of a log, complete (see {@link completeDeclarations}). */
export interface OcelDeclarations {
  objectTypes: OcelType[];
  eventTypes: OcelType[];
}

/**
 * The log's type declarations completed with what its events and objects use, so that a writer
 * can emit a self-describing file: each declared type (in order, its declared attributes first,
 * the first declaration of a repeated type or attribute name holding), then types only used (in
 * the order first used), and per type the attributes only used, typed by {@link inferAttributeType}
 * from their values. A complete log comes back with equal declarations.
 */
export function completeDeclarations(log: OcelLog): OcelDeclarations {
  return {
    objectTypes: completeTypes(log.objectTypes, log.objects),
    eventTypes: completeTypes(log.eventTypes, log.events),
  };
}

/**
 * The attribute type values suggest when a log does not declare it: `boolean` or `integer` when all
 * are, `float` for numbers not all whole, `string` otherwise (also for no values).
 */
export function inferAttributeType(values: Iterable<OcelValue>): OcelAttributeType {
  let type: OcelAttributeType | null = null;
  for (const value of values) {
    const kind: OcelAttributeType =
      typeof value === 'boolean'
        ? 'boolean'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'float'
          : 'string';
    if (type === null || type === kind) type = kind;
    else if (isNumeric(type) && isNumeric(kind)) type = 'float';
    else return 'string';
  }
  return type ?? 'string';
}

/**
 * An attribute type as OCEL 2.0 names it, from the name a file uses: the standard's five and
 * common synonyms (`int`, `double`, `date`, `bool`, …), case-insensitive; anything else is `string`.
 */
export function attributeTypeNamed(name: string): OcelAttributeType {
  const key = name.trim().toLowerCase();
  if ((OCEL_ATTRIBUTE_TYPES as readonly string[]).includes(key)) return key as OcelAttributeType;
  return ATTRIBUTE_TYPE_SYNONYMS[key] ?? 'string';
}

const ATTRIBUTE_TYPE_SYNONYMS: Readonly<Record<string, OcelAttributeType>> = {
  int: 'integer',
  long: 'integer',
  double: 'float',
  real: 'float',
  number: 'float',
  bool: 'boolean',
  date: 'time',
  datetime: 'time',
  timestamp: 'time',
  text: 'string',
};

function isNumeric(type: OcelAttributeType): boolean {
  return type === 'integer' || type === 'float';
}

interface TypedItem {
  type: string;
  attributes?: readonly { name: string; value: OcelValue }[];
}

function completeTypes(declared: readonly OcelType[], items: readonly TypedItem[]): OcelType[] {
  const types = new Map<string, Map<string, OcelAttributeType>>();
  for (const type of declared) {
    const attributes = types.get(type.name) ?? new Map<string, OcelAttributeType>();
    for (const attribute of type.attributes) {
      if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute.type);
    }
    types.set(type.name, attributes);
  }
  const undeclared = new Map<string, Map<string, OcelValue[]>>();
  for (const item of items) {
    let attributes = types.get(item.type);
    if (attributes === undefined) {
      attributes = new Map();
      types.set(item.type, attributes);
    }
    for (const { name, value } of item.attributes ?? []) {
      if (attributes.has(name)) continue;
      const byName = undeclared.get(item.type) ?? new Map<string, OcelValue[]>();
      undeclared.set(item.type, byName);
      const values = byName.get(name) ?? [];
      byName.set(name, values);
      values.push(value);
    }
  }
  return [...types].map(([name, attributes]) => {
    for (const [attribute, values] of undeclared.get(name) ?? [])
      attributes.set(attribute, inferAttributeType(values));
    return { name, attributes: [...attributes].map(([attribute, type]) => ({ name: attribute, type })) };
  });
}
