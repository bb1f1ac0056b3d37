import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';
import { parseOcelJson, writeOcelJson } from './ocel-json';
import { isSqliteDatabase, ocelTypeMaps, readOcelSqlite, writeOcelSqlite } from './ocel-sqlite';
import type { OcelLog } from './ocel.model';
import { exceptionLog } from './ocel.test-support';

let SQL: SqlJsStatic;

beforeAll(async () => {
  SQL = await initSqlJs();
});

/** The rows of a query on a database file's bytes. */
function query(bytes: Uint8Array, sql: string): SqlValue[][] {
  const db = new SQL.Database(bytes);
  try {
    return db.exec(sql)[0]?.values ?? [];
  } finally {
    db.close();
  }
}

/** A database built by running SQL, as bytes. */
function databaseOf(sql: string): Uint8Array {
  const db = new SQL.Database();
  try {
    db.exec(sql);
    return db.export();
  } finally {
    db.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: Error) => error.message,
  );
}

describe('ocelTypeMaps', () => {
  it('names type tables like the standard, safe from collisions and core tables', () => {
    expect([
      ...ocelTypeMaps([
        'Create Order',
        'create order',
        'Create-Order',
        'object',
        'Object',
        'map type',
        'customer "key" account',
        'Prüfung',
        '受注',
        '納品',
        'Create Order',
      ]),
    ]).toEqual([
      ['Create Order', 'CreateOrder'],
      // SQLite table names ignore case: CreateOrder is taken in any case.
      ['create order', 'CreateOrder2'],
      ['Create-Order', 'CreateOrder3'],
      // object_object and event_object are core tables.
      ['object', 'Object2'],
      ['Object', 'Object3'],
      // MapType is no core table (map_type is, and has an underscore no map keeps).
      ['map type', 'MapType'],
      ['customer "key" account', 'CustomerKeyAccount'],
      ['Prüfung', 'Prfung'],
      // Nothing left of the name.
      ['受注', 'Type'],
      ['納品', 'Type2'],
    ]);
  });
});

describe('writeOcelSqlite', () => {
  it('writes the standard tables with their keys, TIMESTAMP times and typed attribute columns', async () => {
    const bytes = await writeOcelSqlite(exceptionLog());

    expect(isSqliteDatabase(bytes)).toBe(true);
    expect(query(bytes, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").flat()).toEqual([
      'event',
      'event_Cancel',
      'event_CreateOrder',
      'event_PutOnCreditHold',
      'event_Release',
      'event_map_type',
      'event_object',
      'object',
      'object_CustomerKeyAccount',
      'object_Object2',
      'object_SalesOrder',
      'object_SalesOrder2',
      'object_map_type',
      'object_object',
    ]);
    // [name, type, pk]
    const columns = (table: string) =>
      query(bytes, `SELECT name, type, pk FROM pragma_table_info('${table}')`);
    expect(columns('event')).toEqual([
      ['ocel_id', 'TEXT', 1],
      ['ocel_type', 'TEXT', 0],
    ]);
    expect(columns('event_object')).toEqual([
      ['ocel_event_id', 'TEXT', 1],
      ['ocel_object_id', 'TEXT', 2],
      ['ocel_qualifier', 'TEXT', 3],
    ]);
    expect(columns('object_SalesOrder')).toEqual([
      ['ocel_id', 'TEXT', 0],
      ['ocel_time', 'TIMESTAMP', 0],
      ['ocel_changed_field', 'TEXT', 0],
      ['status', 'TEXT', 0],
      ['total', 'REAL', 0],
      ['lines', 'INTEGER', 0],
      ['expedite', 'BOOLEAN', 0],
      ['promised', 'TIMESTAMP', 0],
    ]);
    expect(columns('event_PutOnCreditHold')).toEqual([
      ['ocel_id', 'TEXT', 1],
      ['ocel_time', 'TIMESTAMP', 0],
      ['reason', 'TEXT', 0],
      ['amount', 'REAL', 0],
    ]);
    // [from, table, to] of each foreign key.
    const references = (table: string) =>
      query(bytes, `SELECT "from", "table", "to" FROM pragma_foreign_key_list('${table}') ORDER BY "from"`);
    expect(references('event')).toEqual([['ocel_type', 'event_map_type', 'ocel_type']]);
    expect(references('object_object')).toEqual([
      ['ocel_source_id', 'object', 'ocel_id'],
      ['ocel_target_id', 'object', 'ocel_id'],
    ]);
    expect(references('event_Release')).toEqual([['ocel_id', 'event', 'ocel_id']]);
    expect(references('object_SalesOrder2')).toEqual([['ocel_id', 'object', 'ocel_id']]);
  });

  it('writes the rows: type maps, objects with initial values and changes, events, relationships', async () => {
    const bytes = await writeOcelSqlite(exceptionLog());

    expect(query(bytes, 'SELECT * FROM event_map_type')).toEqual([
      ['Create order', 'CreateOrder'],
      ['Put on "credit" hold', 'PutOnCreditHold'],
      ['Release', 'Release'],
      ['Cancel', 'Cancel'],
    ]);
    expect(query(bytes, 'SELECT * FROM object_map_type')).toEqual([
      ['sales order', 'SalesOrder'],
      ['Sales-Order', 'SalesOrder2'],
      ['customer "key" account', 'CustomerKeyAccount'],
      ['object', 'Object2'],
    ]);
    expect(query(bytes, 'SELECT * FROM object_SalesOrder')).toEqual([
      // so-1: initial values at the epoch (false as 0), then one row per change.
      ['so-1', '1970-01-01T00:00:00Z', null, 'open', 120.5, 3, 0, '2024-03-05T00:00:00Z'],
      ['so-1', '2024-03-01T09:00:00Z', 'status', 'on hold', null, null, null, null],
      ['so-1', '2024-03-01T11:00:00Z', 'status', 'released', null, null, null, null],
      ['so-1', '2024-03-01T11:00:00Z', 'total', null, 99.75, null, null, null],
      // so-2's initial values are set when it is created.
      ['so-2', '2024-03-02T08:00:00Z', null, 'open', null, 1, null, null],
    ]);
    // An object without attributes has an initial row too.
    expect(query(bytes, 'SELECT * FROM object_SalesOrder2')).toEqual([
      ['SO-3', '1970-01-01T00:00:00Z', null],
    ]);
    expect(query(bytes, 'SELECT * FROM event')).toEqual([
      ['e1', 'Create order'],
      ['e2', 'Put on "credit" hold'],
      ['e3', 'Release'],
      ['e4', 'Create order'],
      ['e5', 'Release'],
    ]);
    // e5 has no time: NULL. true as 1.
    expect(query(bytes, 'SELECT * FROM event_Release')).toEqual([
      ['e3', '2024-03-01T11:00:00Z', 'Ben', 1],
      ['e5', null, null, null],
    ]);
    expect(query(bytes, 'SELECT * FROM event_CreateOrder')).toEqual([
      ['e1', '2024-03-01T08:00:00Z', 'Ana', 'EDI'],
      ['e4', '2024-03-02T08:00:00Z', 'Ana', null],
    ]);
    expect(
      query(bytes, "SELECT * FROM event_object NOT INDEXED WHERE ocel_event_id IN ('e2', 'e3')"),
    ).toEqual([
      ['e2', 'so-1', 'held'],
      ['e2', 'cu-1', 'checked'],
      ['e2', 'so-1', 'blocked'],
      ['e3', 'so-1', 'released'],
      ['e3', 'cu-1', ''],
    ]);
    expect(query(bytes, 'SELECT * FROM object_object')).toEqual([
      ['so-1', 'cu-1', 'ordered by'],
      ['so-1', 'so-2', 'replaced by'],
      ['so-2', 'cu-1', 'ordered by'],
      ['SO-3', 'so-1', 'split from'],
    ]);
    expect(query(bytes, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('leaves out relationships to unknown objects, repeated relationships and repeated object ids', async () => {
    const log: OcelLog = {
      objectTypes: [],
      eventTypes: [],
      objects: [
        { id: 'o1', type: 'order', relationships: [{ objectId: 'ghost', qualifier: 'for' }] },
        { id: 'o1', type: 'pallet', relationships: [{ objectId: 'o1', qualifier: 'self' }] },
      ],
      events: [
        {
          id: 'e1',
          type: 'Receive',
          time: '2024-03-01T08:00:00Z',
          relationships: [
            { objectId: 'o1', qualifier: 'for' },
            { objectId: 'phantom', qualifier: 'for' },
            { objectId: 'o1', qualifier: 'for' },
          ],
        },
      ],
    };

    const bytes = await writeOcelSqlite(log);

    expect(query(bytes, 'SELECT * FROM object')).toEqual([['o1', 'order']]);
    expect(query(bytes, 'SELECT * FROM object_object')).toEqual([]);
    expect(query(bytes, 'SELECT * FROM event_object')).toEqual([['e1', 'o1', 'for']]);
    // Only types in use or declared: the pallet declaration went with its object.
    expect(query(bytes, 'SELECT * FROM object_map_type')).toEqual([['order', 'Order']]);
  });

  it('declares the types and attribute columns a log uses without declaring them', async () => {
    const log: OcelLog = {
      objectTypes: [],
      eventTypes: [],
      objects: [
        {
          id: 'o1',
          type: 'order',
          attributes: [{ name: 'rush', time: '1970-01-01T00:00:00Z', value: true }],
        },
      ],
      events: [
        { id: 'e1', type: 'Weigh', time: '2024-03-01T08:00:00Z', attributes: [{ name: 'kg', value: 12 }] },
        { id: 'e2', type: 'Weigh', time: '2024-03-01T09:00:00Z', attributes: [{ name: 'kg', value: 12.5 }] },
      ],
    };

    const read = await readOcelSqlite(await writeOcelSqlite(log));

    expect(read.objectTypes).toEqual([{ name: 'order', attributes: [{ name: 'rush', type: 'boolean' }] }]);
    expect(read.eventTypes).toEqual([{ name: 'Weigh', attributes: [{ name: 'kg', type: 'float' }] }]);
    expect(read.events.map((event) => event.attributes)).toEqual([
      [{ name: 'kg', value: 12 }],
      [{ name: 'kg', value: 12.5 }],
    ]);
  });

  it('rejects events sharing an id and attribute names SQLite cannot tell apart', async () => {
    const event = { id: 'e1', type: 'A', time: '2024-03-01T08:00:00Z' };
    expect(
      await rejection(
        writeOcelSqlite({ objectTypes: [], eventTypes: [], objects: [], events: [event, event] }),
      ),
    ).toBe('event id "e1" is used by more than one event');
    expect(
      await rejection(
        writeOcelSqlite({
          objectTypes: [],
          eventTypes: [
            {
              name: 'A',
              attributes: [
                { name: 'amount', type: 'float' },
                { name: 'Amount', type: 'float' },
              ],
            },
          ],
          objects: [],
          events: [],
        }),
      ),
    ).toBe(
      'event type "A": attribute "Amount" clashes with attribute "amount" (SQLite column names ignore case)',
    );
    expect(
      await rejection(
        writeOcelSqlite({
          objectTypes: [{ name: 'order', attributes: [{ name: 'OCEL_Changed_Field', type: 'string' }] }],
          eventTypes: [],
          objects: [],
          events: [],
        }),
      ),
    ).toBe(
      'object type "order": attribute "OCEL_Changed_Field" clashes with the column the format reserves ' +
        '"ocel_changed_field" (SQLite column names ignore case)',
    );
  });
});

describe('readOcelSqlite', () => {
  it('reads back the log it was written from, JSON → SQLite → JSON unchanged', async () => {
    const fromJson = parseOcelJson(JSON.stringify(exceptionLog()));

    const read = await readOcelSqlite(await writeOcelSqlite(fromJson));

    expect(read).toEqual(exceptionLog());
    expect(writeOcelJson(read)).toBe(writeOcelJson(fromJson));
  });

  it('reads a database laid out as pm4py writes it: no keys, NULL initial times, space-separated times', async () => {
    const bytes = databaseOf(`
      CREATE TABLE "event" ("ocel_id" TEXT, "ocel_type" TEXT);
      INSERT INTO "event" VALUES ('e2', 'Ship'), ('e1', 'Create Order');
      CREATE TABLE "object" ("ocel_id" TEXT, "ocel_type" TEXT);
      INSERT INTO "object" VALUES ('o1', 'Order'), ('o2', 'Order'), ('t1', 'Truck');
      CREATE TABLE "event_map_type" ("ocel_type" TEXT, "ocel_type_map" TEXT);
      INSERT INTO "event_map_type" VALUES ('Create Order', 'CreateOrder'), ('Ship', 'Ship');
      CREATE TABLE "object_map_type" ("ocel_type" TEXT, "ocel_type_map" TEXT);
      INSERT INTO "object_map_type" VALUES ('Order', 'Order'), ('Truck', 'Truck');
      CREATE TABLE "event_object" ("ocel_event_id" TEXT, "ocel_object_id" TEXT, "ocel_qualifier" TEXT);
      INSERT INTO "event_object" VALUES ('e1', 'o1', 'order'), ('e2', 'o1', NULL), ('e2', 't1', 'truck');
      CREATE TABLE "object_object" ("ocel_source_id" TEXT, "ocel_target_id" TEXT, "ocel_qualifier" TEXT);
      INSERT INTO "object_object" VALUES ('t1', 'o1', 'carries');
      CREATE TABLE "event_CreateOrder" ("ocel_id" TEXT, "ocel_time" TIMESTAMP, "total items" INTEGER, "rush" INTEGER);
      INSERT INTO "event_CreateOrder" VALUES ('e1', '2024-03-01 08:00:00.000000', 2, NULL);
      CREATE TABLE "event_Ship" ("ocel_id" TEXT, "ocel_time" TIMESTAMP);
      INSERT INTO "event_Ship" VALUES ('e2', '2024-03-01 12:30:00');
      CREATE TABLE "object_Order" ("ocel_id" TEXT, "price" REAL, "paid" BOOLEAN, "ocel_time" TIMESTAMP, "ocel_changed_field" TEXT);
      INSERT INTO "object_Order" VALUES
        ('o1', 10.5, 0, NULL, NULL), ('o2', 7.0, NULL, NULL, NULL), ('o1', 12.0, NULL, '2024-03-01 09:00:00', 'price'),
        ('o1', NULL, 1, '2024-03-01 12:00:00', 'PAID');
      CREATE TABLE "object_Truck" ("ocel_id" TEXT, "plate" TEXT);
      INSERT INTO "object_Truck" VALUES ('t1', 'B-OX 42');
    `);

    expect(await readOcelSqlite(bytes)).toEqual<OcelLog>({
      objectTypes: [
        {
          name: 'Order',
          attributes: [
            { name: 'price', type: 'float' },
            { name: 'paid', type: 'boolean' },
          ],
        },
        { name: 'Truck', attributes: [{ name: 'plate', type: 'string' }] },
      ],
      eventTypes: [
        {
          name: 'Create Order',
          attributes: [
            { name: 'total items', type: 'integer' },
            { name: 'rush', type: 'integer' },
          ],
        },
        { name: 'Ship', attributes: [] },
      ],
      objects: [
        {
          id: 'o1',
          type: 'Order',
          // NULL initial time: the epoch. The change naming PAID sets paid (names ignore case).
          attributes: [
            { name: 'price', time: '1970-01-01T00:00:00Z', value: 10.5 },
            { name: 'paid', time: '1970-01-01T00:00:00Z', value: false },
            { name: 'price', time: '2024-03-01 09:00:00', value: 12 },
            { name: 'paid', time: '2024-03-01 12:00:00', value: true },
          ],
          relationships: [],
        },
        {
          id: 'o2',
          type: 'Order',
          attributes: [{ name: 'price', time: '1970-01-01T00:00:00Z', value: 7 }],
          relationships: [],
        },
        {
          id: 't1',
          type: 'Truck',
          // A table without ocel_time and ocel_changed_field holds initial values only.
          attributes: [{ name: 'plate', time: '1970-01-01T00:00:00Z', value: 'B-OX 42' }],
          relationships: [{ objectId: 'o1', qualifier: 'carries' }],
        },
      ],
      // In the order of the event table; a NULL qualifier reads as ''.
      events: [
        {
          id: 'e2',
          type: 'Ship',
          time: '2024-03-01 12:30:00',
          attributes: [],
          relationships: [
            { objectId: 'o1', qualifier: '' },
            { objectId: 't1', qualifier: 'truck' },
          ],
        },
        {
          id: 'e1',
          type: 'Create Order',
          time: '2024-03-01 08:00:00.000000',
          attributes: [{ name: 'total items', value: 2 }],
          relationships: [{ objectId: 'o1', qualifier: 'order' }],
        },
      ],
    });
  });

  it('says what is wrong with bytes that are not an OCEL 2.0 SQLite database', async () => {
    expect(await rejection(readOcelSqlite(new TextEncoder().encode('{"events": []}')))).toBe(
      'not an SQLite database (no "SQLite format 3" header)',
    );
    expect(await rejection(readOcelSqlite(new Uint8Array(0)))).toBe(
      'not an SQLite database (no "SQLite format 3" header)',
    );
    const noObjects = databaseOf('CREATE TABLE "event" ("ocel_id" TEXT, "ocel_type" TEXT)');
    expect(await rejection(readOcelSqlite(noObjects))).toBe(
      'not an OCEL 2.0 SQLite database: no object table',
    );
  });

  it('rejects an event whose type has no row in event_map_type', async () => {
    const bytes = databaseOf(`
      CREATE TABLE "event" ("ocel_id" TEXT, "ocel_type" TEXT);
      INSERT INTO "event" VALUES ('e9', 'Ghost');
      CREATE TABLE "object" ("ocel_id" TEXT, "ocel_type" TEXT);
      CREATE TABLE "event_map_type" ("ocel_type" TEXT, "ocel_type_map" TEXT);
      CREATE TABLE "object_map_type" ("ocel_type" TEXT, "ocel_type_map" TEXT);
      CREATE TABLE "event_object" ("ocel_event_id" TEXT, "ocel_object_id" TEXT, "ocel_qualifier" TEXT);
      CREATE TABLE "object_object" ("ocel_source_id" TEXT, "ocel_target_id" TEXT, "ocel_qualifier" TEXT);
    `);

    expect(await rejection(readOcelSqlite(bytes))).toBe(
      'event "e9" has type "Ghost", which event_map_type lacks',
    );
  });
});
