import {
  createEvent,
  encodeEvent,
  ERP_EVENTS,
  ErpEventType,
  EventEnvelope,
  OrderStatus,
  Region,
  type Carrier,
  type DistributionCenter,
  type Order,
} from '@ordex/contracts';
import { createTestDatabase, TestDatabase } from '@ordex/testing';
import fc from 'fast-check';
import pino from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import type { BusLogger } from '../bus/bus-logger';
import { InProcessBroker } from '../bus/in-process.broker';
import { InProcessBus } from '../bus/in-process.bus';
import { migrateServiceSchema, serviceDataSourceOptions } from '../database/data-source.factory';
import { consumeErpEvents, ErpEventHandlers, ErpEventOutcome } from './erp-intake';
import { EVENT_KEY_HEADER, publishEvent } from './publish-event';

/**
 * Property: whatever mix of valid and malformed ERP messages arrives, every malformed one is
 * dead-lettered (once per consuming service, with a reason naming what is wrong and its bytes
 * unchanged), no valid one is, every distinct valid event is applied exactly once per consuming
 * service (re-sends under a new message id are recognised by the event id), the effects equal
 * applying the distinct valid events per key in publish order, and the consumers keep running.
 *
 * Real PostgreSQL (a fresh test database) and the in-process bus, which shares the delivery
 * processor with the JetStream adapter. Two services consume: one handles carriers and orders,
 * the other distribution centres and orders, each in its own schema.
 *
 * The run is deterministic (fixed seed). To reproduce a failure, fast-check prints its seed and
 * path; rerun with them, or explore other seeds:
 *   ORDEX_PBT_SEED=<seed> ORDEX_PBT_PATH=<path> ORDEX_PBT_RUNS=<n> \
 *   NODE_OPTIONS=--experimental-vm-modules npx jest -c libs/platform/jest.config.js erp-intake.property
 *
 * Inputs the intake wrongly accepts today (an envelope without a usable id or with a missing or
 * unsupported specversion; impossible calendar dates and Ints beyond 32 bits in payloads) are
 * left out of the generators and pinned as failing tests at the end ("known gaps").
 *
 * Not generated: oversized payloads (neither the consumer nor the in-process broker has a size
 * limit; JetStream refuses messages over its max_payload at publish time, before any consumer).
 */

const SEED = Number(process.env.ORDEX_PBT_SEED ?? 20251128);
const RUNS = Number(process.env.ORDEX_PBT_RUNS ?? 40);
const PATH = process.env.ORDEX_PBT_PATH || undefined;

const CARRIER = 'erp.carrier.changed.v1';
const DC = 'erp.dc.changed.v1';
const ORDER = 'erp.order.created.v1';
type Handled = typeof CARRIER | typeof DC | typeof ORDER;
const HANDLED: readonly Handled[] = [CARRIER, DC, ORDER];
const ALL_ERP_TYPES = Object.keys(ERP_EVENTS) as ErpEventType[];

interface ServiceSpec {
  name: string;
  schema: string;
  types: readonly Handled[];
}
const SERVICES: readonly ServiceSpec[] = [
  { name: 'carriers-orders', schema: 'pbt_a', types: [CARRIER, ORDER] },
  { name: 'dcs-orders', schema: 'pbt_b', types: [DC, ORDER] },
];

// ---------------------------------------------------------------------------------------------
// Generators: schema-valid payloads
// ---------------------------------------------------------------------------------------------

const INT32_MAX = 2 ** 31 - 1;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Printable Unicode (multi-code-point graphemes included); never NUL or lone surrogates. */
const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });
const nonEmpty = (maxLength: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength });
/** Mostly a few shared keys, so that events of one key meet and per-key order matters. */
const businessKey = (prefix: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`) },
    { weight: 1, arbitrary: nonEmpty(12) },
  );
const calendarDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const carrierArb: fc.Arbitrary<Carrier> = fc.record(
  { __typename: fc.constant('Carrier' as const), code: businessKey('CAR'), name: text(30) },
  { requiredKeys: ['code', 'name'] },
);
const dcArb: fc.Arbitrary<DistributionCenter> = fc.record(
  {
    __typename: fc.constant('DistributionCenter' as const),
    code: businessKey('DC'),
    name: text(30),
    region: fc.constantFrom(...Object.values(Region)),
  },
  { requiredKeys: ['code', 'name', 'region'] },
);
const orderLineArb = fc.record({
  sku: nonEmpty(12),
  quantity: fc.integer({ min: 1, max: INT32_MAX }),
  // Up to four decimals, as the orders service stores them (numeric(14,4)).
  unitPrice: fc.integer({ min: 0, max: 10 ** 13 - 1 }).map((n) => n / 10_000),
});
const orderArb: fc.Arbitrary<Order> = fc.record(
  {
    orderNumber: businessKey('SO'),
    customerId: nonEmpty(12),
    // A narrow range makes newer, equal and older versions of one order meet.
    erpVersion: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -(2 ** 31), max: INT32_MAX })),
    shipToId: fc.oneof(fc.constant(null), nonEmpty(12)),
    orderedOn: calendarDate,
    requestedDate: calendarDate,
    currency: text(3),
    status: fc.constantFrom(...Object.values(OrderStatus)),
    lines: fc
      .array(orderLineArb, { minLength: 1, maxLength: 5 })
      .map((lines) => lines.map((line, index) => ({ lineNo: index + 1, ...line }))),
  },
  {
    requiredKeys: [
      'orderNumber',
      'customerId',
      'erpVersion',
      'orderedOn',
      'requestedDate',
      'currency',
      'status',
      'lines',
    ],
  },
);

/** Fields unknown to the schema: accepted (and stripped), as a newer ERP may send more. */
const extraFields = fc.option(
  fc.dictionary(
    text(8).map((k) => `x_${k}`),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 2 },
  ),
  { nil: undefined },
);

type ValidEvent =
  | { type: typeof CARRIER; payload: Carrier; extra?: Record<string, unknown>; idBase: string; time: string }
  | {
      type: typeof DC;
      payload: DistributionCenter;
      extra?: Record<string, unknown>;
      idBase: string;
      time: string;
    }
  | { type: typeof ORDER; payload: Order; extra?: Record<string, unknown>; idBase: string; time: string };

const idBase = fc.oneof(fc.uuid(), nonEmpty(16));
const validEventArb: fc.Arbitrary<ValidEvent> = fc.oneof(
  fc.record({ type: fc.constant(CARRIER), payload: carrierArb, extra: extraFields, idBase, time: instant }),
  fc.record({ type: fc.constant(DC), payload: dcArb, extra: extraFields, idBase, time: instant }),
  fc.record({ type: fc.constant(ORDER), payload: orderArb, extra: extraFields, idBase, time: instant }),
);

const payloadArb = (type: Handled): fc.Arbitrary<Carrier | DistributionCenter | Order> =>
  type === CARRIER ? carrierArb : type === DC ? dcArb : orderArb;
const keyOf = (type: Handled, payload: Carrier | DistributionCenter | Order): string =>
  (ERP_EVENTS[type].key as (p: unknown) => string)(payload);

function envelopeOf(event: ValidEvent, id: string): EventEnvelope<unknown> {
  return createEvent(
    event.type,
    keyOf(event.type, event.payload),
    { ...event.extra, ...event.payload },
    { source: 'erp', id, time: event.time },
  );
}

// ---------------------------------------------------------------------------------------------
// Generators: malformed messages, each with the dead-letter reason it must get
// ---------------------------------------------------------------------------------------------

type Category =
  | 'not UTF-8'
  | 'not JSON'
  | 'not an object'
  | 'invalid CloudEvent'
  | 'unknown type'
  | 'type/subject mismatch'
  | 'invalid payload';

/** What the reason must start with, per category: it names the problem. */
const REASON: Record<Category, string> = {
  'not UTF-8': 'PermanentEventError: malformed JSON: ',
  'not JSON': 'PermanentEventError: malformed JSON: ',
  'not an object': 'PermanentEventError: malformed envelope: not a JSON object',
  'invalid CloudEvent': 'PermanentEventError: invalid CloudEvent: ',
  'unknown type': 'PermanentEventError: unknown event type ',
  'type/subject mismatch': 'PermanentEventError: event type ',
  'invalid payload': 'PermanentEventError: invalid erp.',
};

/** The phrase naming the problem, which every dead letter of the category carries. */
const KEYWORD: Record<Category, string> = {
  'not UTF-8': 'malformed JSON',
  'not JSON': 'malformed JSON',
  'not an object': 'not a JSON object',
  'invalid CloudEvent': 'invalid CloudEvent',
  'unknown type': 'unknown event type',
  'type/subject mismatch': 'does not match subject',
  'invalid payload': 'payload',
};

interface Malformed {
  category: Category;
  /** The handled subject it is published on. */
  subject: Handled;
  bytes: Uint8Array;
  /** The reason expected: exactly, or (exact false) as its beginning. */
  reason: string;
  exact: boolean;
}

const utf8 = (value: string) => new TextEncoder().encode(value);
const jsonBytes = (value: unknown) => utf8(JSON.stringify(value));
const handledSubject = fc.constantFrom(...HANDLED);
const parsesAsJson = (value: string) => {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
};
const validEnvelopeArb = (type: Handled) =>
  fc
    .record({ payload: payloadArb(type), id: idBase, time: instant })
    .map(({ payload, id, time }) =>
      createEvent(type, keyOf(type, payload), payload, { source: 'erp', id, time }),
    );

/** Bytes holding a byte that never occurs in UTF-8 (C0, C1, F5–FF). */
const notUtf8: fc.Arbitrary<Malformed> = fc
  .record({
    subject: handledSubject,
    bytes: fc.uint8Array({ maxLength: 32 }),
    at: fc.nat(),
    bad: fc.constantFrom(0xc0, 0xc1, 0xf5, 0xfe, 0xff),
  })
  .map(({ subject, bytes, at, bad }) => {
    const index = at % (bytes.length + 1);
    const data = new Uint8Array([...bytes.subarray(0, index), bad, ...bytes.subarray(index)]);
    return { category: 'not UTF-8', subject, bytes: data, reason: REASON['not UTF-8'], exact: false };
  });

const notJson: fc.Arbitrary<Malformed> = fc
  .record({
    subject: handledSubject,
    source: fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '{',
        '{"specversion":"1.0"',
        "{'id':'1'}",
        'NaN',
        '[1,]',
        'undefined',
        '{"a":1}}',
      ),
      text(40),
      // A cut-off envelope: a strict prefix of a JSON object is never JSON.
      fc
        .tuple(validEnvelopeArb(ORDER), fc.nat())
        .map(([event, cut]) => JSON.stringify(event).slice(0, cut % JSON.stringify(event).length)),
    ),
  })
  .filter(({ source }) => !parsesAsJson(source))
  .map(({ subject, source }) => ({
    category: 'not JSON',
    subject,
    bytes: utf8(source),
    reason: REASON['not JSON'],
    exact: false,
  }));

const notAnObject: fc.Arbitrary<Malformed> = fc
  .record({
    subject: handledSubject,
    value: fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      text(20),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    ),
  })
  .map(({ subject, value }) => ({
    category: 'not an object',
    subject,
    bytes: jsonBytes(value),
    reason: REASON['not an object'],
    exact: true,
  }));

const DELETE = Symbol('delete');
const nonStringValue = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant(['x']),
);
/**
 * Envelope changes the CloudEvents validation must refuse. A missing, empty or falsy `id` and a
 * missing or unsupported `specversion` are not among them: they are accepted today (see the
 * known gaps below).
 */
const envelopeDefect = fc.oneof(
  fc.record({ attribute: fc.constantFrom('source', 'type', 'subject'), value: fc.constant<unknown>(DELETE) }),
  fc.record({
    attribute: fc.constantFrom('source', 'type', 'subject'),
    value: fc.oneof(fc.constant(''), fc.integer(), fc.boolean(), fc.constant({}), fc.constant(['x'])),
  }),
  fc.record({ attribute: fc.constant('subject'), value: fc.constant<unknown>(null) }),
  fc.record({
    attribute: fc.constant('id'),
    value: fc.oneof(fc.integer({ min: 1 }), fc.constant(true), fc.constant(['x']), fc.constant({})),
  }),
  fc.record({
    attribute: fc.constant('source'),
    value: fc.constantFrom<unknown>('a b', 'http://exa mple', '%zz'),
  }),
  fc.record({
    attribute: fc.constant('time'),
    value: fc.constantFrom<unknown>(
      'yesterday',
      '2024-01-01',
      '2024-13-01T00:00:00Z',
      '2024-02-30T00:00:00Z',
      5,
    ),
  }),
  // Attribute names must be lower-case ASCII letters and digits.
  fc.record({
    attribute: fc.constantFrom('Subject', 'x-y', 'with space', 'ünïcode', 'ORDEXKEY', ''),
    value: fc.constant<unknown>('x'),
  }),
);
const invalidCloudEvent: fc.Arbitrary<Malformed> = handledSubject
  .chain((subject) =>
    fc.record({ subject: fc.constant(subject), event: validEnvelopeArb(subject), defect: envelopeDefect }),
  )
  .map(({ subject, event, defect }) => {
    const json: Record<string, unknown> = { ...event };
    if (defect.value === DELETE) delete json[defect.attribute];
    else json[defect.attribute] = defect.value;
    return {
      category: 'invalid CloudEvent',
      subject,
      bytes: jsonBytes(json),
      reason: REASON['invalid CloudEvent'],
      exact: false,
    };
  });

const unknownType: fc.Arbitrary<Malformed> = handledSubject
  .chain((subject) =>
    fc.record({
      subject: fc.constant(subject),
      event: validEnvelopeArb(subject),
      type: fc
        .oneof(
          fc.constantFrom(
            'erp.carrier.changed.v9',
            'erp.widget.changed.v1',
            'orders.order.received.v1',
            'toString',
          ),
          nonEmpty(24),
        )
        .filter((type) => !Object.prototype.hasOwnProperty.call(ERP_EVENTS, type)),
    }),
  )
  .map(({ subject, event, type }) => ({
    category: 'unknown type',
    subject,
    bytes: jsonBytes({ ...event, type }),
    reason: `${REASON['unknown type']}${type}`,
    exact: true,
  }));

const typeMismatch: fc.Arbitrary<Malformed> = fc
  .record({
    subject: handledSubject,
    type: fc.constantFrom(...ALL_ERP_TYPES),
    event: validEnvelopeArb(ORDER),
  })
  .filter(({ subject, type }) => subject !== type)
  .map(({ subject, type, event }) => ({
    category: 'type/subject mismatch',
    subject,
    bytes: jsonBytes({ ...event, type }),
    reason: `${REASON['type/subject mismatch']}${type} does not match subject ${subject}`,
    exact: true,
  }));

/** One field made invalid; `*` stands for a line index. The zod path must name that field. */
type FieldDefect = [path: string[], value: fc.Arbitrary<unknown>];
const decimal = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x));
const nonNumberValue = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([1]),
);
const missing = fc.constant<unknown>(DELETE);
const requiredString = fc.oneof(missing, nonStringValue);
const requiredId = fc.oneof(missing, fc.constant(''), nonStringValue);
const requiredInt = fc.oneof(missing, decimal, nonNumberValue);
const badDate = fc.oneof(
  missing,
  nonStringValue,
  fc
    .oneof(
      fc.constantFrom(
        '2024-1-05',
        '05/01/2024',
        '20240105',
        '2024-01-05T00:00:00Z',
        '',
        ' 2024-01-05',
        '2024-01-05\n',
      ),
      fc.string(),
    )
    .filter((value) => !DATE_PATTERN.test(value)),
);
const notIn = (values: readonly string[]) =>
  fc.oneof(
    missing,
    nonStringValue,
    fc.string().filter((value) => !values.includes(value)),
  );
const notAnObjectValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([1]),
);

const FIELD_DEFECTS: Record<Handled, FieldDefect[]> = {
  [CARRIER]: [
    [['code'], requiredId],
    [['name'], requiredString],
    [['__typename'], fc.string().filter((value) => value !== 'Carrier')],
  ],
  [DC]: [
    [['code'], requiredId],
    [['name'], requiredString],
    [['region'], notIn(Object.values(Region))],
  ],
  [ORDER]: [
    [['orderNumber'], requiredId],
    [['customerId'], requiredId],
    [['erpVersion'], requiredInt],
    [['shipToId'], fc.oneof(fc.constant(''), fc.integer(), fc.boolean(), fc.constant({}))],
    [['orderedOn'], badDate],
    [['requestedDate'], badDate],
    [['currency'], requiredString],
    [['status'], notIn(Object.values(OrderStatus))],
    [
      ['lines'],
      fc.oneof(
        missing,
        notAnObjectValue.filter((value) => !Array.isArray(value)),
      ),
    ],
    [['lines', '*'], notAnObjectValue],
    [['lines', '*', 'lineNo'], requiredInt],
    [['lines', '*', 'sku'], requiredId],
    [['lines', '*', 'quantity'], requiredInt],
    [['lines', '*', 'unitPrice'], fc.oneof(missing, nonNumberValue)],
  ],
};

function withDefect(payload: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(payload) as Record<string, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

const invalidPayload: fc.Arbitrary<Malformed> = handledSubject
  .chain((subject) =>
    fc.record({
      subject: fc.constant(subject),
      event: validEnvelopeArb(subject),
      defect: fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .constantFrom(...FIELD_DEFECTS[subject])
            .chain(([path, value]) => fc.tuple(fc.constant(path), value)),
        },
        // The whole payload missing or not an object.
        { weight: 1, arbitrary: fc.tuple(fc.constant<string[]>([]), fc.oneof(missing, notAnObjectValue)) },
      ),
      line: fc.nat(),
    }),
  )
  .map(({ subject, event, defect: [template, value], line }) => {
    const lines = (event.data as Partial<Order>).lines ?? [];
    const path = template.map((step) => (step === '*' ? String(line % Math.max(lines.length, 1)) : step));
    const json: Record<string, unknown> = { ...event };
    if (path.length === 0 && value === DELETE) delete json.data;
    else json.data = withDefect(event.data, path, value);
    return {
      category: 'invalid payload',
      subject,
      bytes: jsonBytes(json),
      reason: `PermanentEventError: invalid ${subject} payload: ${path.join('.') || '(root)'}: `,
      exact: false,
    };
  });

const malformedArb: fc.Arbitrary<Malformed> = fc.oneof(
  notUtf8,
  notJson,
  notAnObject,
  { weight: 2, arbitrary: invalidCloudEvent },
  unknownType,
  typeMismatch,
  { weight: 3, arbitrary: invalidPayload },
);

// ---------------------------------------------------------------------------------------------
// A run: a sequence of publications
// ---------------------------------------------------------------------------------------------

type Step =
  | { kind: 'valid'; event: ValidEvent }
  /** A re-send of an earlier valid event (the `pick`-th, modulo): under a new or the same msgId. */
  | { kind: 'resend'; pick: number; newMsgId: boolean }
  | { kind: 'malformed'; bad: Malformed; keyHeader: string | null };

const keyHeaderArb = fc.option(fc.constantFrom('CAR-1', 'DC-1', 'SO-1', 'SO-2'), { nil: null });
const stepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('valid' as const), event: validEventArb }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('malformed' as const),
        bad: malformedArb,
        keyHeader: keyHeaderArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('resend' as const), pick: fc.nat(), newMsgId: fc.boolean() }),
    },
  ),
  { minLength: 1, maxLength: 30, size: 'max' },
);

interface Published {
  valid: { event: ValidEvent; envelope: EventEnvelope<unknown> }[];
  /** Re-sends under a new msgId that reached the stream: each is a 'duplicate' outcome. */
  resends: { event: ValidEvent; envelope: EventEnvelope<unknown> }[];
  malformed: (Malformed & { msgId: string })[];
}

// ---------------------------------------------------------------------------------------------
// Services under test: a real table effect per event type, each application recorded
// ---------------------------------------------------------------------------------------------

const TABLES = `
  CREATE TABLE "S"."carrier" (code text PRIMARY KEY, name text NOT NULL);
  CREATE TABLE "S"."dc" (code text PRIMARY KEY, name text NOT NULL, region text NOT NULL);
  CREATE TABLE "S"."order" (
    order_number text PRIMARY KEY, erp_version int NOT NULL, customer_id text NOT NULL, ship_to_id text,
    ordered_on date NOT NULL, requested_date date NOT NULL, currency text NOT NULL, status text NOT NULL);
  CREATE TABLE "S"."order_line" (
    order_number text NOT NULL REFERENCES "S"."order" (order_number) ON DELETE CASCADE,
    line_no int NOT NULL, sku text NOT NULL, quantity int NOT NULL CHECK (quantity > 0),
    unit_price numeric(14,4) NOT NULL, PRIMARY KEY (order_number, line_no));
  CREATE TABLE "S"."applied_event" (
    seq bigserial PRIMARY KEY, event_id text NOT NULL, type text NOT NULL, subject text NOT NULL);
`;

function handlersFor(service: ServiceSpec): ErpEventHandlers {
  const table = (name: string) => `"${service.schema}"."${name}"`;
  const recordApplied = (tx: EntityManager, event: EventEnvelope<unknown>) =>
    tx.query(`INSERT INTO ${table('applied_event')} (event_id, type, subject) VALUES ($1, $2, $3)`, [
      event.id,
      event.type,
      event.subject,
    ]);
  const all: ErpEventHandlers = {
    [CARRIER]: async (carrier, event, tx) => {
      await tx.query(
        `INSERT INTO ${table('carrier')} (code, name) VALUES ($1, $2)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
        [carrier.code, carrier.name],
      );
      await recordApplied(tx, event);
    },
    [DC]: async (dc, event, tx) => {
      await tx.query(
        `INSERT INTO ${table('dc')} (code, name, region) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region`,
        [dc.code, dc.name, dc.region],
      );
      await recordApplied(tx, event);
    },
    // Like the orders service: a version no newer than the one held is ignored.
    [ORDER]: async (order, event, tx) => {
      const written: unknown[] = await tx.query(
        `INSERT INTO ${table('order')} AS o
           (order_number, erp_version, customer_id, ship_to_id, ordered_on, requested_date, currency, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (order_number) DO UPDATE SET
           erp_version = EXCLUDED.erp_version, customer_id = EXCLUDED.customer_id,
           ship_to_id = EXCLUDED.ship_to_id, ordered_on = EXCLUDED.ordered_on,
           requested_date = EXCLUDED.requested_date, currency = EXCLUDED.currency, status = EXCLUDED.status
         WHERE o.erp_version < EXCLUDED.erp_version
         RETURNING order_number`,
        [
          order.orderNumber,
          order.erpVersion,
          order.customerId,
          order.shipToId ?? null,
          order.orderedOn,
          order.requestedDate,
          order.currency,
          order.status,
        ],
      );
      if (written.length > 0) {
        await tx.query(`DELETE FROM ${table('order_line')} WHERE order_number = $1`, [order.orderNumber]);
        for (const line of order.lines) {
          await tx.query(
            `INSERT INTO ${table('order_line')} (order_number, line_no, sku, quantity, unit_price)
             VALUES ($1, $2, $3, $4, $5)`,
            [order.orderNumber, line.lineNo, line.sku, line.quantity, line.unitPrice],
          );
        }
      }
      await recordApplied(tx, event);
    },
  };
  return Object.fromEntries(service.types.map((type) => [type, all[type]])) as ErpEventHandlers;
}

interface BusLogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  obj: object;
}

interface RunningService {
  spec: ServiceSpec;
  durable: string;
  bus: InProcessBus;
  dataSource: DataSource;
  outcomes: ErpEventOutcome[];
}

interface Run {
  broker: InProcessBroker;
  /** The ERP side's publisher. */
  erp: InProcessBus;
  services: RunningService[];
  busLog: BusLogEntry[];
  stop(): Promise<void>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortBy = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => byText(key(a), key(b)));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('consumeErpEvents: malformed and valid events mixed (property, PostgreSQL)', () => {
  let database: TestDatabase;
  const dataSources = new Map<string, DataSource>();
  let runCounter = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const service of SERVICES) {
      const dataSource = await new DataSource(
        serviceDataSourceOptions({ schema: service.schema, entities: [], migrations: [], url: database.url }),
      ).initialize();
      await migrateServiceSchema(dataSource, service.schema, { lock: true });
      await dataSource.query(TABLES.replaceAll('"S"', `"${service.schema}"`));
      dataSources.set(service.schema, dataSource);
    }
  });

  afterAll(async () => {
    for (const dataSource of dataSources.values()) await dataSource.destroy();
    await database?.drop();
  });

  /** A fresh broker, empty tables and new durable names: nothing carries over between runs. */
  async function startRun(): Promise<Run> {
    const run = ++runCounter;
    const busLog: BusLogEntry[] = [];
    const logger: BusLogger = {
      info: (obj, msg) => busLog.push({ level: 'info', msg, obj }),
      warn: (obj, msg) => busLog.push({ level: 'warn', msg, obj }),
      error: (obj, msg) => busLog.push({ level: 'error', msg, obj }),
    };
    const broker = new InProcessBroker({ streams: [{ name: 'ERP', subjects: ['erp.>'] }] });
    const erp = new InProcessBus(broker, { logger });
    const services: RunningService[] = [];
    for (const spec of SERVICES) {
      const dataSource = dataSources.get(spec.schema)!;
      const s = spec.schema;
      await dataSource.query(
        `TRUNCATE "${s}"."carrier", "${s}"."dc", "${s}"."order", "${s}"."order_line", "${s}"."applied_event",
                  "${s}"."processed_event"`,
      );
      const service: RunningService = {
        spec,
        durable: `${spec.name}-run${run}`,
        bus: new InProcessBus(broker, { logger }),
        dataSource,
        outcomes: [],
      };
      await consumeErpEvents({
        bus: service.bus,
        dataSource,
        durable: service.durable,
        handlers: handlersFor(spec),
        logger: pino({ level: 'silent' }),
        onOutcome: (outcome) => service.outcomes.push(outcome),
      });
      services.push(service);
    }
    return {
      broker,
      erp,
      services,
      busLog,
      stop: async () => {
        await Promise.all([erp, ...services.map((service) => service.bus)].map((bus) => bus.close()));
        broker.close();
      },
    };
  }

  async function publishAll(run: Run, steps: Step[]): Promise<Published> {
    const published: Published = { valid: [], resends: [], malformed: [] };
    for (const [index, step] of steps.entries()) {
      if (step.kind === 'valid') {
        const envelope = envelopeOf(step.event, `${step.event.idBase}~${index}`);
        const ack = await publishEvent(run.erp, envelope);
        expect(ack.duplicate).toBe(false);
        published.valid.push({ event: step.event, envelope });
      } else if (step.kind === 'resend') {
        if (published.valid.length === 0) continue;
        const original = published.valid[step.pick % published.valid.length];
        if (step.newMsgId) {
          // A re-send past the duplicate window: a new stream message carrying the same event id.
          const ack = await run.erp.publish(original.envelope.type, encodeEvent(original.envelope), {
            msgId: `${original.envelope.id}#resend-${index}`,
            headers: { [EVENT_KEY_HEADER]: original.envelope.subject },
          });
          expect(ack.duplicate).toBe(false);
          published.resends.push(original);
        } else {
          // Within the duplicate window the stream itself drops it.
          expect((await publishEvent(run.erp, original.envelope)).duplicate).toBe(true);
        }
      } else {
        const msgId = `malformed-${index}`;
        const ack = await run.erp.publish(step.bad.subject, step.bad.bytes, {
          msgId,
          headers: step.keyHeader === null ? {} : { [EVENT_KEY_HEADER]: step.keyHeader },
        });
        expect(ack.duplicate).toBe(false);
        published.malformed.push({ ...step.bad, msgId });
      }
    }
    return published;
  }

  async function expectDeadLetters(run: Run, published: Published): Promise<void> {
    const letters = await run.erp.deadLetters(10_000);
    const actual = letters.map((letter) => ({
      consumer: letter.consumer,
      msgId: letter.msgId,
      subject: letter.originalSubject,
      reason: letter.reason,
      data: base64(letter.data),
    }));
    const expected = published.malformed.flatMap((bad) =>
      run.services
        .filter((service) => service.spec.types.includes(bad.subject))
        .map((service) => ({
          consumer: service.durable,
          msgId: bad.msgId,
          subject: bad.subject,
          reason: bad.exact ? bad.reason : expect.stringMatching(new RegExp(`^${escapeRegExp(bad.reason)}`)),
          data: base64(bad.bytes),
        })),
    );
    const key = (letter: { consumer: string; msgId: string }) => `${letter.consumer} ${letter.msgId}`;
    // Every malformed message once per consuming service, nothing else: no valid one.
    expect(sortBy(actual, key)).toEqual(sortBy(expected, key));
    for (const letter of actual) {
      const bad = published.malformed.find((candidate) => candidate.msgId === letter.msgId)!;
      expect(letter.reason).toContain(KEYWORD[bad.category]);
    }
  }

  async function expectAppliedOnce(service: RunningService, published: Published): Promise<void> {
    const mine = published.valid.filter(({ event }) => service.spec.types.includes(event.type));
    const expectedApplied = sortBy(
      mine.map(({ envelope }) => ({ event_id: envelope.id, type: envelope.type, subject: envelope.subject })),
      (row) => row.event_id,
    );
    const s = service.spec.schema;
    const applied = (await service.dataSource.query(
      `SELECT event_id, type, subject FROM "${s}"."applied_event"`,
    )) as { event_id: string }[];
    expect(sortBy(applied, (row) => row.event_id)).toEqual(expectedApplied);
    const claims = (await service.dataSource.query(
      `SELECT event_id, event_type AS type, subject FROM "${s}"."processed_event" WHERE consumer = $1`,
      [service.durable],
    )) as { event_id: string }[];
    expect(sortBy(claims, (row) => row.event_id)).toEqual(expectedApplied);
    const duplicates = published.resends.filter(({ event }) =>
      service.spec.types.includes(event.type),
    ).length;
    expect({
      applied: service.outcomes.filter((outcome) => outcome === 'applied').length,
      duplicate: service.outcomes.filter((outcome) => outcome === 'duplicate').length,
    }).toEqual({ applied: mine.length, duplicate: duplicates });
  }

  /** The effects equal applying each key's distinct valid events in publish order. */
  async function expectEffects(service: RunningService, published: Published): Promise<void> {
    const s = service.spec.schema;
    const carriers = new Map<string, { code: string; name: string }>();
    const dcs = new Map<string, { code: string; name: string; region: string }>();
    const orders = new Map<string, Order>();
    for (const { event } of published.valid) {
      if (!service.spec.types.includes(event.type)) continue;
      if (event.type === CARRIER) {
        carriers.set(event.payload.code, { code: event.payload.code, name: event.payload.name });
      } else if (event.type === DC) {
        const { code, name, region } = event.payload;
        dcs.set(code, { code, name, region });
      } else {
        const held = orders.get(event.payload.orderNumber);
        if (!held || event.payload.erpVersion > held.erpVersion)
          orders.set(event.payload.orderNumber, event.payload);
      }
    }
    const rows = async <T>(sql: string) => (await service.dataSource.query(sql)) as T[];
    const code = (row: { code: string }) => row.code;
    expect(sortBy(await rows<{ code: string }>(`SELECT code, name FROM "${s}"."carrier"`), code)).toEqual(
      sortBy([...carriers.values()], code),
    );
    expect(sortBy(await rows<{ code: string }>(`SELECT code, name, region FROM "${s}"."dc"`), code)).toEqual(
      sortBy([...dcs.values()], code),
    );
    const orderRows = await rows<{
      order_number: string;
      erp_version: number;
      customer_id: string;
      ship_to_id: string | null;
      ordered_on: string;
      requested_date: string;
      currency: string;
      status: string;
    }>(
      `SELECT order_number, erp_version, customer_id, ship_to_id, to_char(ordered_on, 'YYYY-MM-DD') AS ordered_on,
              to_char(requested_date, 'YYYY-MM-DD') AS requested_date, currency, status
       FROM "${s}"."order"`,
    );
    const lineRows = await rows<{
      order_number: string;
      line_no: number;
      sku: string;
      quantity: number;
      unit_price: string;
    }>(
      `SELECT order_number, line_no, sku, quantity, unit_price::text AS unit_price FROM "${s}"."order_line"`,
    );
    const actualOrders = orderRows.map((row) => ({
      orderNumber: row.order_number,
      erpVersion: row.erp_version,
      customerId: row.customer_id,
      shipToId: row.ship_to_id,
      orderedOn: row.ordered_on,
      requestedDate: row.requested_date,
      currency: row.currency,
      status: row.status,
      lines: lineRows
        .filter((line) => line.order_number === row.order_number)
        .sort((a, b) => a.line_no - b.line_no)
        .map((line) => ({
          lineNo: line.line_no,
          sku: line.sku,
          quantity: line.quantity,
          unitPrice: Number(line.unit_price),
        })),
    }));
    const expectedOrders = [...orders.values()].map((order) => ({
      orderNumber: order.orderNumber,
      erpVersion: order.erpVersion,
      customerId: order.customerId,
      shipToId: order.shipToId ?? null,
      orderedOn: order.orderedOn,
      requestedDate: order.requestedDate,
      currency: order.currency,
      status: order.status,
      lines: order.lines.map(({ lineNo, sku, quantity, unitPrice }) => ({
        lineNo,
        sku,
        quantity,
        unitPrice,
      })),
    }));
    const orderNumber = (order: { orderNumber: string }) => order.orderNumber;
    expect(sortBy(actualOrders, orderNumber)).toEqual(sortBy(expectedOrders, orderNumber));
  }

  /** After all that, each consumer still applies a new event of each of its types. */
  async function expectStillConsuming(run: Run, lettersBefore: number): Promise<void> {
    const live: Record<Handled, EventEnvelope<unknown>> = {
      [CARRIER]: createEvent(
        CARRIER,
        'LIVE-CAR',
        { code: 'LIVE-CAR', name: 'Still Running' },
        { source: 'erp', id: 'live-carrier' },
      ),
      [DC]: createEvent(
        DC,
        'LIVE-DC',
        { code: 'LIVE-DC', name: 'Still Running', region: Region.EAST },
        { source: 'erp', id: 'live-dc' },
      ),
      [ORDER]: createEvent(
        ORDER,
        'LIVE-SO',
        {
          orderNumber: 'LIVE-SO',
          customerId: 'C-LIVE',
          erpVersion: 1,
          orderedOn: '2025-01-02',
          requestedDate: '2025-01-09',
          currency: 'EUR',
          status: OrderStatus.RECEIVED,
          lines: [{ lineNo: 1, sku: 'SKU-LIVE', quantity: 1, unitPrice: 1.5 }],
        } satisfies Order,
        { source: 'erp', id: 'live-order' },
      ),
    };
    for (const event of Object.values(live)) await publishEvent(run.erp, event);
    await run.broker.idle();
    for (const service of run.services) {
      const ids = (
        (await service.dataSource.query(
          `SELECT event_id FROM "${service.spec.schema}"."applied_event" WHERE event_id LIKE 'live-%'`,
        )) as { event_id: string }[]
      ).map((row) => row.event_id);
      expect(ids.sort()).toEqual(service.spec.types.map((type) => live[type].id).sort());
    }
    expect(await run.erp.deadLetters(10_000)).toHaveLength(lettersBefore);
  }

  it('dead-letters every malformed event with its reason, applies every valid one once, keeps consuming', async () => {
    const seen: Record<Category | 'valid' | 'resend', number> = {
      valid: 0,
      resend: 0,
      'not UTF-8': 0,
      'not JSON': 0,
      'not an object': 0,
      'invalid CloudEvent': 0,
      'unknown type': 0,
      'type/subject mismatch': 0,
      'invalid payload': 0,
    };
    await fc.assert(
      fc.asyncProperty(stepsArb, async (steps) => {
        const run = await startRun();
        try {
          const published = await publishAll(run, steps);
          await run.broker.idle();
          await expectDeadLetters(run, published);
          for (const service of run.services) {
            await expectAppliedOnce(service, published);
            await expectEffects(service, published);
          }
          // No service crashed or retried: nothing failed outside the dead-letter path.
          expect(
            run.busLog.filter((entry) => entry.level !== 'warn' || entry.msg !== 'event dead-lettered'),
          ).toEqual([]);
          await expectStillConsuming(run, (await run.erp.deadLetters(10_000)).length);
          seen.valid += published.valid.length;
          seen.resend += published.resends.length;
          for (const bad of published.malformed) seen[bad.category]++;
        } finally {
          await run.stop();
        }
      }),
      {
        seed: SEED,
        path: PATH,
        numRuns: RUNS,
        interruptAfterTimeLimit: 120_000,
        markInterruptAsFailure: true,
      },
    );
    // The generators reached every kind of input.
    for (const [kind, count] of Object.entries(seen)) expect([kind, count > 0]).toEqual([kind, true]);
  }, 180_000);

  /*
   * Known gaps found by this property, kept out of its generators and pinned here as failing
   * tests: each starts passing once its gap is closed, and jest then asks for `.failing` to go.
   */
  describe('known gaps (expected to fail until fixed)', () => {
    const carrierJson = (id: string) =>
      ({
        ...createEvent(CARRIER, 'CAR-GAP', { code: 'CAR-GAP', name: 'Gap Freight' }, { source: 'erp', id }),
      }) as Record<string, unknown>;
    const orderEvent = (id: string, change: Partial<Order>, line: Partial<Order['lines'][number]> = {}) =>
      createEvent(
        ORDER,
        'SO-GAP',
        {
          orderNumber: 'SO-GAP',
          customerId: 'C-GAP',
          erpVersion: 1,
          orderedOn: '2024-02-28',
          requestedDate: '2024-03-01',
          currency: 'EUR',
          status: OrderStatus.RECEIVED,
          lines: [{ lineNo: 1, sku: 'SKU-GAP', quantity: 1, unitPrice: 1, ...line }],
          ...change,
        } satisfies Order,
        { source: 'erp', id },
      );

    /** Publishes raw envelopes; each must be dead-lettered at once, by every consumer, with `reason` in it. */
    async function expectDeadLetteredAtOnce(
      subject: Handled,
      envelopes: object[],
      reason: string,
    ): Promise<void> {
      const run = await startRun();
      try {
        for (const [index, envelope] of envelopes.entries()) {
          await run.erp.publish(subject, jsonBytes(envelope), {
            msgId: `gap-${index}`,
            headers: { [EVENT_KEY_HEADER]: `gap-${index}` },
          });
        }
        // "At once": a retried handler failure would take seconds of backoff.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          run.broker.idle(),
          new Promise((resolve) => (timer = setTimeout(resolve, 1_500))),
        ]);
        clearTimeout(timer);
        const consumers = run.services.filter((service) => service.spec.types.includes(subject)).length;
        const letters = (await run.erp.deadLetters(10_000)).map((letter) => [letter.msgId, letter.reason]);
        expect(sortBy(letters, ([msgId]) => msgId)).toEqual(
          envelopes.flatMap((_envelope, index) =>
            Array.from({ length: consumers }, () => [`gap-${index}`, expect.stringContaining(reason)]),
          ),
        );
      } finally {
        await run.stop();
      }
    }

    // An event without its own id could never be recognised when it arrives again.
    it('dead-letters a CloudEvent without a usable id instead of applying it under a made-up id', () => {
      const variants: unknown[] = [undefined, '', null, 0, false];
      return expectDeadLetteredAtOnce(
        CARRIER,
        variants.map((id) => {
          const json = carrierJson('replaced');
          if (id === undefined) delete json.id;
          else json.id = id;
          return json;
        }),
        'invalid CloudEvent',
      );
    });

    it('dead-letters an envelope whose specversion is missing or not 1.0', () => {
      const variants: unknown[] = [undefined, null, '2.0', 1];
      const envelopes = variants.map((specversion, index) => {
        const json = carrierJson(`spec-${index}`);
        if (specversion === undefined) delete json.specversion;
        else json.specversion = specversion;
        return json;
      });
      const { source: _source, ...withoutSource } = carrierJson('ignored');
      envelopes.push({ ...withoutSource, specversion: '2.0', id: 7 });
      return expectDeadLetteredAtOnce(CARRIER, envelopes, 'invalid CloudEvent');
    });

    // Rejected by the payload schema at once, not retried until the database refuses it.
    it('dead-letters an impossible calendar date at once as an invalid payload', () =>
      expectDeadLetteredAtOnce(
        ORDER,
        [
          orderEvent('date-1', { orderedOn: '2024-02-30' }),
          orderEvent('date-2', { requestedDate: '2023-13-01' }),
          orderEvent('date-3', { orderedOn: '0000-00-00' }),
        ],
        'invalid erp.order.created.v1 payload',
      ));

    // GraphQL's Int is 32-bit; the payload schema says so.
    it('dead-letters an Int beyond 32 bits at once as an invalid payload', () =>
      expectDeadLetteredAtOnce(
        ORDER,
        [orderEvent('int-1', { erpVersion: 2 ** 31 }), orderEvent('int-2', {}, { quantity: 2 ** 31 })],
        'invalid erp.order.created.v1 payload',
      ));
  });
});
