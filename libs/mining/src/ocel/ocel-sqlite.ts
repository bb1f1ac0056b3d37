import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import {
  completeDeclarations,
  OCEL_EPOCH,
  type OcelAttributeDeclaration,
  type OcelAttributeType,
  type OcelEvent,
  type OcelEventAttribute,
  type OcelLog,
  type OcelObject,
  type OcelObjectAttribute,
  type OcelRelationship,
  type OcelType,
  type OcelValue,
} from './ocel.model';

/**
 * OCEL 2.0 SQLite, the standard's relational exchange format: the tables `event`, `object`,
 * `event_map_type`, `object_map_type`, `event_object`, `object_object`, and per event type an
 * `event_<map>` table and per object type an `object_<map>` table, `<map>` being the type's
 * `ocel_type_map` (its name reduced to letters and digits). sql.js runs SQLite as WebAssembly, so
 * a database is built and read in memory, as bytes.
 */

/** The first 16 bytes of every SQLite 3 database file. */
export const SQLITE_MAGIC = 'SQLite format 3\0';

/** The type-independent tables of the format, each required in a database. */
const CORE_TABLES = ['event', 'object', 'event_map_type', 'object_map_type', 'event_object', 'object_object'];
/** `<map>` values whose type table would be a core table (`event_object`, `object_map_type`, …). */
const RESERVED_MAPS = ['object', 'map_type'];
/** Longest `ocel_type_map` written, as pm4py caps it. */
const MAX_MAP_LENGTH = 100;
/** The columns every event type table has before its attributes. */
const EVENT_COLUMNS = ['ocel_id', 'ocel_time'];
/** The columns every object type table has before its attributes. */
const OBJECT_COLUMNS = ['ocel_id', 'ocel_time', 'ocel_changed_field'];
/** The column type the standard gives each attribute type. */
const SQL_TYPE: Readonly<Record<OcelAttributeType, string>> = {
  string: 'TEXT',
  integer: 'INTEGER',
  float: 'REAL',
  boolean: 'BOOLEAN',
  time: 'TIMESTAMP',
};

let sqlJs: Promise<SqlJsStatic> | null = null;

/** sql.js, loaded (its WebAssembly compiled) once per process. */
function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/** Whether the bytes start like an SQLite 3 database file. */
export function isSqliteDatabase(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_MAGIC.length) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/**
 * The `ocel_type_map` of each type name, the way the standard's example and pm4py name type tables
 * (`Create Order` → `CreateOrder`: each word, letters and digits between spaces and punctuation,
 * capitalised, then everything but ASCII letters and digits removed), made safe: SQLite compares
 * table names case-insensitively, so a name that another type already has in any case, or that
 * would make a core table's name (`object`, `map_type`), gets the first free suffix 2, 3, …; a
 * name with no letter or digit left is `Type`. Names are assigned in the order given, so the first
 * type keeps the plain name.
 */
export function ocelTypeMaps(typeNames: readonly string[]): Map<string, string> {
  const taken = new Set(RESERVED_MAPS);
  const maps = new Map<string, string>();
  for (const name of typeNames) {
    if (maps.has(name)) continue;
    const base = strippedTypeName(name) || 'Type';
    let map = base;
    for (let n = 2; taken.has(map.toLowerCase()); n++) map = `${base}${n}`;
    taken.add(map.toLowerCase());
    maps.set(name, map);
  }
  return maps;
}

function strippedTypeName(name: string): string {
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
    .replace(/[^0-9A-Za-z]+/g, '')
    .slice(0, MAX_MAP_LENGTH);
}

/**
 * Writes the log as an OCEL 2.0 SQLite database and returns its bytes (for a `.sqlite` file).
 *
 * The schema is the standard's, with the keys its validation checks: `event`/`object` keyed by
 * `ocel_id` with `ocel_type` referencing the map tables, `event_object` and `object_object` keyed
 * by all three columns and referencing `event`/`object`, `event_<map>` keyed by `ocel_id`; every
 * `ocel_time` column is TIMESTAMP, attribute columns are TEXT, INTEGER, REAL, BOOLEAN (1/0) or
 * TIMESTAMP by attribute type, and named as the attributes are (quoted). Declarations are
 * completed by what the log uses, so every type has its table and every attribute its column.
 *
 * Rows: one `event` row and one `event_<map>` row per event (time '' as NULL, a missing attribute
 * as NULL, the first value of an attribute named twice); per object an initial `object_<map>` row
 * (`ocel_changed_field` NULL) at the time of the object's first attribute entry (the epoch when it
 * has none) with the first value of every attribute first set then, and one row per later value
 * (`ocel_changed_field` naming the attribute, only that column set). Times and values are written
 * as the log has them.
 *
 * Left out, because the schema's keys cannot hold them: relationships to objects not among the
 * log's objects (see flattenOcel), a relationship repeated with the same qualifier, and every
 * declaration of an object id but the first.
 *
 * Rejects when two events share an id, or when two attribute names of a type differ only in case
 * or one is a column the format reserves (`ocel_id`, `ocel_time`, `ocel_changed_field`): SQLite
 * column names are case-insensitive.
 */
export async function writeOcelSqlite(log: OcelLog): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const objects = firstDeclarations(log.objects);
  const { objectTypes, eventTypes } = completeDeclarations({ ...log, objects });
  assertDistinctEventIds(log.events);
  for (const type of eventTypes) assertDistinctColumns(type, 'event type', EVENT_COLUMNS);
  for (const type of objectTypes) assertDistinctColumns(type, 'object type', OBJECT_COLUMNS);
  const eventMaps = ocelTypeMaps(eventTypes.map((type) => type.name));
  const objectMaps = ocelTypeMaps(objectTypes.map((type) => type.name));
  const objectIds = new Set(objects.map((object) => object.id));

  const db = new SQL.Database();
  try {
    db.exec(schemaSql(eventTypes, eventMaps, objectTypes, objectMaps));
    db.exec('BEGIN');
    insertTypeMaps(db, 'event_map_type', eventMaps);
    insertTypeMaps(db, 'object_map_type', objectMaps);
    insertObjects(db, objects, objectTypes, objectMaps, objectIds);
    insertEvents(db, log.events, eventTypes, eventMaps, objectIds);
    db.exec('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * Reads an OCEL 2.0 SQLite database (the file's bytes) into an {@link OcelLog}, as pm4py's importer
 * does, so databases written by pm4py, by ordex and by hand after the standard's example all read.
 *
 * Types and their order come from `event_map_type`/`object_map_type`, their attributes from the
 * columns of each type table (the column type read back: INT… integer, REAL/FLOAT/DOUBLE/NUMERIC
 * float, BOOL… boolean, TIMESTAMP/DATE/TIME… time, else string). Events and objects are in the
 * order of the `event` and `object` tables, relationships in table order. An event's time is its
 * `ocel_time` as stored ('' for NULL), its attributes the non-NULL columns of its row. An object's
 * attributes: per row without `ocel_changed_field` (an initial row) every non-NULL column at the
 * row's `ocel_time` (the epoch when NULL), per change row the one column it names. BOOLEAN values
 * read as booleans, numbers in a TIMESTAMP column as text; BLOBs are left out.
 *
 * Rejects with an Error saying what is missing when the bytes are not an SQLite database, a table
 * the format requires is missing, or an event or object has a type without a map row.
 */
export async function readOcelSqlite(bytes: Uint8Array): Promise<OcelLog> {
  if (!isSqliteDatabase(bytes)) throw new Error('not an SQLite database (no "SQLite format 3" header)');
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    const tables = tableIndex(db);
    for (const table of CORE_TABLES) {
      if (!tables.has(table)) throw new Error(`not an OCEL 2.0 SQLite database: no ${table} table`);
    }
    const objects = readObjects(db, tables);
    const events = readEvents(db, tables);
    return {
      objectTypes: objects.types,
      eventTypes: events.types,
      objects: objects.items,
      events: events.items,
    };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

function assertDistinctEventIds(events: readonly OcelEvent[]): void {
  const seen = new Set<string>();
  for (const { id } of events) {
    if (seen.has(id)) throw new Error(`event id ${JSON.stringify(id)} is used by more than one event`);
    seen.add(id);
  }
}

/** Rejects a type whose attribute columns would clash, SQLite comparing names case-insensitively. */
function assertDistinctColumns(type: OcelType, kind: string, reserved: readonly string[]): void {
  const columns = new Map(reserved.map((column) => [column.toLowerCase(), column]));
  for (const { name } of type.attributes) {
    const clash = columns.get(name.toLowerCase());
    if (clash !== undefined) {
      const why = reserved.includes(clash) ? 'the column the format reserves' : 'attribute';
      throw new Error(
        `${kind} ${JSON.stringify(type.name)}: attribute ${JSON.stringify(name)} clashes with ${why} ` +
          `${JSON.stringify(clash)} (SQLite column names ignore case)`,
      );
    }
    columns.set(name.toLowerCase(), name);
  }
}

function firstDeclarations(objects: readonly OcelObject[]): OcelObject[] {
  const seen = new Set<string>();
  return objects.filter((object) => !seen.has(object.id) && seen.add(object.id));
}

/** Double-quotes an SQL identifier, doubling quotes inside it. */
function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function columnsSql(attributes: readonly OcelAttributeDeclaration[]): string {
  return attributes.map(({ name, type }) => `, ${quote(name)} ${SQL_TYPE[type]}`).join('');
}

function schemaSql(
  eventTypes: readonly OcelType[],
  eventMaps: ReadonlyMap<string, string>,
  objectTypes: readonly OcelType[],
  objectMaps: ReadonlyMap<string, string>,
): string {
  const statements = [
    'CREATE TABLE "event_map_type" ("ocel_type" TEXT PRIMARY KEY, "ocel_type_map" TEXT)',
    'CREATE TABLE "object_map_type" ("ocel_type" TEXT PRIMARY KEY, "ocel_type_map" TEXT)',
    'CREATE TABLE "event" ("ocel_id" TEXT PRIMARY KEY, ' +
      '"ocel_type" TEXT REFERENCES "event_map_type" ("ocel_type"))',
    'CREATE TABLE "object" ("ocel_id" TEXT PRIMARY KEY, ' +
      '"ocel_type" TEXT REFERENCES "object_map_type" ("ocel_type"))',
    'CREATE TABLE "event_object" (' +
      '"ocel_event_id" TEXT REFERENCES "event" ("ocel_id"), ' +
      '"ocel_object_id" TEXT REFERENCES "object" ("ocel_id"), "ocel_qualifier" TEXT, ' +
      'PRIMARY KEY ("ocel_event_id", "ocel_object_id", "ocel_qualifier"))',
    'CREATE TABLE "object_object" (' +
      '"ocel_source_id" TEXT REFERENCES "object" ("ocel_id"), ' +
      '"ocel_target_id" TEXT REFERENCES "object" ("ocel_id"), "ocel_qualifier" TEXT, ' +
      'PRIMARY KEY ("ocel_source_id", "ocel_target_id", "ocel_qualifier"))',
    // Index names start with ocel_, which no table name does.
    'CREATE INDEX "ocel_event_object_by_object" ON "event_object" ("ocel_object_id")',
    'CREATE INDEX "ocel_object_object_by_target" ON "object_object" ("ocel_target_id")',
  ];
  for (const type of eventTypes) {
    statements.push(
      `CREATE TABLE ${quote(`event_${eventMaps.get(type.name)}`)} (` +
        '"ocel_id" TEXT PRIMARY KEY REFERENCES "event" ("ocel_id"), "ocel_time" TIMESTAMP' +
        `${columnsSql(type.attributes)})`,
    );
  }
  objectTypes.forEach((type, t) => {
    const table = quote(`object_${objectMaps.get(type.name)}`);
    statements.push(
      `CREATE TABLE ${table} (` +
        '"ocel_id" TEXT REFERENCES "object" ("ocel_id"), "ocel_time" TIMESTAMP, "ocel_changed_field" TEXT' +
        `${columnsSql(type.attributes)})`,
      `CREATE INDEX "ocel_object_type_${t + 1}_by_id" ON ${table} ("ocel_id")`,
    );
  });
  return `${statements.join(';\n')};`;
}

/** Runs `use` with a prepared statement's `run`, freeing the statement afterwards. */
function withStatement(db: Database, sql: string, use: (run: (values: SqlValue[]) => void) => void): void {
  const statement = db.prepare(sql);
  try {
    use((values) => statement.run(values));
  } finally {
    statement.free();
  }
}

function insertTypeMaps(db: Database, table: string, maps: ReadonlyMap<string, string>): void {
  withStatement(db, `INSERT INTO ${quote(table)} VALUES (?, ?)`, (run) => {
    for (const [type, map] of maps) run([type, map]);
  });
}

function insertSql(table: string, columns: number, orIgnore = false): string {
  const marks = Array.from({ length: columns }, () => '?').join(', ');
  return `INSERT${orIgnore ? ' OR IGNORE' : ''} INTO ${quote(table)} VALUES (${marks})`;
}

function sqlValueOf(value: OcelValue | undefined): SqlValue {
  if (value === undefined) return null;
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Attribute values by name, the first value of a name repeated holding. */
function firstValues(attributes: readonly { name: string; value: OcelValue }[]): Map<string, OcelValue> {
  const values = new Map<string, OcelValue>();
  for (const { name, value } of attributes) if (!values.has(name)) values.set(name, value);
  return values;
}

/** Prepared INSERTs into each type's table, by type name; all freed by `free`. */
function typeTableInserts(
  db: Database,
  prefix: 'event_' | 'object_',
  types: readonly OcelType[],
  maps: ReadonlyMap<string, string>,
  fixedColumns: number,
) {
  const statements = new Map(
    types.map((type) => [
      type.name,
      {
        type,
        statement: db.prepare(
          insertSql(`${prefix}${maps.get(type.name)}`, fixedColumns + type.attributes.length),
        ),
      },
    ]),
  );
  return {
    insert(typeName: string, fixed: SqlValue[], values: ReadonlyMap<string, OcelValue>): void {
      const entry = statements.get(typeName);
      if (entry === undefined) return;
      entry.statement.run([
        ...fixed,
        ...entry.type.attributes.map(({ name }) => sqlValueOf(values.get(name))),
      ]);
    },
    free(): void {
      for (const { statement } of statements.values()) statement.free();
    },
  };
}

function insertObjects(
  db: Database,
  objects: readonly OcelObject[],
  types: readonly OcelType[],
  maps: ReadonlyMap<string, string>,
  objectIds: ReadonlySet<string>,
): void {
  withStatement(db, insertSql('object', 2), (run) => {
    for (const object of objects) run([object.id, object.type]);
  });
  const typeTables = typeTableInserts(db, 'object_', types, maps, OBJECT_COLUMNS.length);
  try {
    for (const object of objects) {
      const { initialTime, initial, changes } = objectRows(object.attributes ?? []);
      typeTables.insert(object.type, [object.id, initialTime, null], initial);
      for (const change of changes) {
        typeTables.insert(
          object.type,
          [object.id, change.time, change.name],
          new Map([[change.name, change.value]]),
        );
      }
    }
  } finally {
    typeTables.free();
  }
  withStatement(db, insertSql('object_object', 3, true), (run) => {
    for (const object of objects) {
      for (const { objectId, qualifier } of object.relationships ?? []) {
        if (objectIds.has(objectId)) run([object.id, objectId, qualifier]);
      }
    }
  });
}

/**
 * An object's attribute entries as the rows of its type table: the initial row at the first entry's
 * time holds each attribute's first entry when it is at that time; every other entry is a change.
 */
function objectRows(attributes: readonly OcelObjectAttribute[]): {
  initialTime: string;
  initial: Map<string, OcelValue>;
  changes: OcelObjectAttribute[];
} {
  const initialTime = attributes.length > 0 ? attributes[0].time : OCEL_EPOCH;
  const initial = new Map<string, OcelValue>();
  const named = new Set<string>();
  const changes: OcelObjectAttribute[] = [];
  for (const attribute of attributes) {
    if (!named.has(attribute.name) && attribute.time === initialTime)
      initial.set(attribute.name, attribute.value);
    else changes.push(attribute);
    named.add(attribute.name);
  }
  return { initialTime, initial, changes };
}

function insertEvents(
  db: Database,
  events: readonly OcelEvent[],
  types: readonly OcelType[],
  maps: ReadonlyMap<string, string>,
  objectIds: ReadonlySet<string>,
): void {
  withStatement(db, insertSql('event', 2), (run) => {
    for (const event of events) run([event.id, event.type]);
  });
  const typeTables = typeTableInserts(db, 'event_', types, maps, EVENT_COLUMNS.length);
  try {
    for (const event of events) {
      typeTables.insert(
        event.type,
        [event.id, event.time === '' ? null : event.time],
        firstValues(event.attributes ?? []),
      );
    }
  } finally {
    typeTables.free();
  }
  withStatement(db, insertSql('event_object', 3, true), (run) => {
    for (const event of events) {
      for (const { objectId, qualifier } of event.relationships ?? []) {
        if (objectIds.has(objectId)) run([event.id, objectId, qualifier]);
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The database's tables, by lower-case name (SQLite names ignore case). */
function tableIndex(db: Database): Map<string, string> {
  const tables = new Map<string, string>();
  for (const [name] of rowsOf(db, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
    if (typeof name === 'string') tables.set(name.toLowerCase(), name);
  }
  return tables;
}

/**
 * The result rows of a query, in the order SQLite returns them. Reads of whole tables say NOT
 * INDEXED, so SQLite scans the table itself and rows come in the order they were written, not in
 * the order of a key's index.
 */
function rowsOf(db: Database, sql: string): SqlValue[][] {
  const statement = db.prepare(sql);
  try {
    const rows: SqlValue[][] = [];
    while (statement.step()) rows.push(statement.get());
    return rows;
  } finally {
    statement.free();
  }
}

/** A table's columns with their declared types, in table order. */
function columnsOf(db: Database, table: string): { name: string; declared: string }[] {
  return rowsOf(db, `PRAGMA table_info(${quote(table)})`).map((row) => ({
    name: String(row[1]),
    declared: typeof row[2] === 'string' ? row[2] : '',
  }));
}

/** The OCEL attribute type of a column's declared SQL type. */
function attributeTypeOfColumn(declared: string): OcelAttributeType {
  const type = declared.toUpperCase();
  if (type.includes('BOOL')) return 'boolean';
  if (type.includes('TIME') || type.includes('DATE')) return 'time';
  if (type.includes('INT')) return 'integer';
  if (['REAL', 'FLOA', 'DOUB', 'NUMERIC', 'DECIMAL'].some((word) => type.includes(word))) return 'float';
  return 'string';
}

function textOf(value: SqlValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function ocelValueOf(value: SqlValue, type: OcelAttributeType): OcelValue | null {
  if (value === null || value instanceof Uint8Array) return null;
  if (type === 'boolean' && typeof value === 'number') return value !== 0;
  if (type === 'time' && typeof value === 'number') return String(value);
  return value;
}

/** One type table as read: its attribute columns, and per row the fixed columns and the rest. */
interface TypeTable {
  attributes: OcelAttributeDeclaration[];
  rows: { fixed: SqlValue[]; values: SqlValue[] }[];
}

/** A type table's attributes and rows; none when the database lacks the table. */
function readTypeTable(
  db: Database,
  tables: ReadonlyMap<string, string>,
  table: string,
  fixedColumns: readonly string[],
): TypeTable {
  const actual = tables.get(table.toLowerCase());
  if (actual === undefined) return { attributes: [], rows: [] };
  const columns = columnsOf(db, actual);
  const present = new Set(columns.map(({ name }) => name.toLowerCase()));
  const attributes = columns
    .filter(({ name }) => !fixedColumns.includes(name.toLowerCase()))
    .map(({ name, declared }) => ({ name, type: attributeTypeOfColumn(declared) }));
  // pm4py leaves out ocel_time and ocel_changed_field when no object of a type changes.
  const selected = [
    ...fixedColumns.map((name) => (present.has(name) ? quote(name) : 'NULL')),
    ...attributes.map(({ name }) => quote(name)),
  ];
  const select = `SELECT ${selected.join(', ')} FROM ${quote(actual)} NOT INDEXED`;
  const rows = rowsOf(db, select).map((row) => ({
    fixed: row.slice(0, fixedColumns.length),
    values: row.slice(fixedColumns.length),
  }));
  return { attributes, rows };
}

/** The types of a map table, in its order, with their `ocel_type_map`. */
function typeMaps(db: Database, table: string): { type: string; map: string }[] {
  return rowsOf(db, `SELECT "ocel_type", "ocel_type_map" FROM ${quote(table)} NOT INDEXED`).map(
    ([type, map]) => ({
      type: textOf(type),
      map: textOf(map),
    }),
  );
}

/** Relationships of the pair table, grouped by their source id, in table order. */
function relationshipsBySource(db: Database, sql: string): Map<string, OcelRelationship[]> {
  const bySource = new Map<string, OcelRelationship[]>();
  for (const [source, target, qualifier] of rowsOf(db, sql)) {
    const id = textOf(source);
    const list = bySource.get(id) ?? [];
    bySource.set(id, list);
    list.push({ objectId: textOf(target), qualifier: textOf(qualifier) });
  }
  return bySource;
}

/** Id and type of every row of `event` or `object`, checking each type has a map row. */
function identities(
  db: Database,
  table: string,
  maps: readonly { type: string }[],
): { id: string; type: string }[] {
  const mapped = new Set(maps.map(({ type }) => type));
  return rowsOf(db, `SELECT "ocel_id", "ocel_type" FROM ${quote(table)} NOT INDEXED`).map(
    ([rawId, rawType]) => {
      const id = textOf(rawId);
      const type = textOf(rawType);
      if (!mapped.has(type))
        throw new Error(
          `${table} ${JSON.stringify(id)} has type ${JSON.stringify(type)}, which ${table}_map_type lacks`,
        );
      return { id, type };
    },
  );
}

function readEvents(
  db: Database,
  tables: ReadonlyMap<string, string>,
): { types: OcelType[]; items: OcelEvent[] } {
  const maps = typeMaps(db, 'event_map_type');
  const types: OcelType[] = [];
  const rowOfEvent = new Map<string, { time: string; attributes: OcelEventAttribute[] }>();
  for (const { type, map } of maps) {
    const table = readTypeTable(db, tables, `event_${map}`, EVENT_COLUMNS);
    types.push({ name: type, attributes: table.attributes });
    for (const { fixed, values } of table.rows) {
      const attributes: OcelEventAttribute[] = [];
      table.attributes.forEach((attribute, a) => {
        const value = ocelValueOf(values[a], attribute.type);
        if (value !== null) attributes.push({ name: attribute.name, value });
      });
      rowOfEvent.set(textOf(fixed[0]), { time: textOf(fixed[1]), attributes });
    }
  }
  const relationships = relationshipsBySource(
    db,
    'SELECT "ocel_event_id", "ocel_object_id", "ocel_qualifier" FROM "event_object" NOT INDEXED',
  );
  const items = identities(db, 'event', maps).map(({ id, type }) => {
    const row = rowOfEvent.get(id);
    return {
      id,
      type,
      time: row?.time ?? '',
      attributes: row?.attributes ?? [],
      relationships: relationships.get(id) ?? [],
    };
  });
  return { types, items };
}

function readObjects(
  db: Database,
  tables: ReadonlyMap<string, string>,
): { types: OcelType[]; items: OcelObject[] } {
  const maps = typeMaps(db, 'object_map_type');
  const types: OcelType[] = [];
  const attributesOfObject = new Map<string, OcelObjectAttribute[]>();
  for (const { type, map } of maps) {
    const table = readTypeTable(db, tables, `object_${map}`, OBJECT_COLUMNS);
    types.push({ name: type, attributes: table.attributes });
    for (const { fixed, values } of table.rows) {
      const id = textOf(fixed[0]);
      const list = attributesOfObject.get(id) ?? [];
      attributesOfObject.set(id, list);
      list.push(...objectAttributesOfRow(table.attributes, fixed, values));
    }
  }
  const relationships = relationshipsBySource(
    db,
    'SELECT "ocel_source_id", "ocel_target_id", "ocel_qualifier" FROM "object_object" NOT INDEXED',
  );
  const items = identities(db, 'object', maps).map(({ id, type }) => ({
    id,
    type,
    attributes: attributesOfObject.get(id) ?? [],
    relationships: relationships.get(id) ?? [],
  }));
  return { types, items };
}

/** The attribute values one object type row sets: all of an initial row, the named one of a change. */
function objectAttributesOfRow(
  attributes: readonly OcelAttributeDeclaration[],
  fixed: readonly SqlValue[],
  values: readonly SqlValue[],
): OcelObjectAttribute[] {
  const time = fixed[1] === null ? OCEL_EPOCH : textOf(fixed[1]);
  const changed = textOf(fixed[2]);
  const set: OcelObjectAttribute[] = [];
  attributes.forEach((attribute, a) => {
    if (changed !== '' && !sameColumn(attribute.name, changed)) return;
    const value = ocelValueOf(values[a], attribute.type);
    if (value !== null) set.push({ name: attribute.name, time, value });
  });
  return changed === '' ? set : set.slice(0, 1);
}

function sameColumn(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}
