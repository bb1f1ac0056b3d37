import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  EventLogBuilder,
  parseOcelJson,
  summarize,
  writeOcelSqlite,
  writeXes,
  type CaseEventLog,
} from '@ordex/mining';
import {
  isSqliteFile,
  readOcelJson,
  readOcelSqliteFile,
  type OcelReadOptions,
  type OcelReadResult,
} from './ocel-reader';
import { readXes } from './xes-reader';
import { activitiesOf, casesOf, type EventRow } from './case-log.test-support';

const ORDERS = join(__dirname, 'fixtures', 'orders.jsonocel');
/** The OCEL 2.0 standard's public example log (see fixtures/public/README.md). */
const PUBLIC_EXAMPLE = join(__dirname, 'fixtures', 'public', 'ocel20_example.jsonocel');

type Progress = Parameters<NonNullable<OcelReadOptions['onProgress']>>[0];

/** The flattened log of one object type, failing the test when the type has none. */
function logOf(result: OcelReadResult, objectType: string): CaseEventLog {
  const log = result.byObjectType.get(objectType);
  if (!log) throw new Error(`no log for object type ${objectType}`);
  return log;
}

let scratch: string;
let written = 0;

/** Writes `content` (a document to serialise, or raw text/bytes) to a fresh scratch file. */
async function scratchFile(content: unknown, name = `log-${++written}.jsonocel`): Promise<string> {
  const path = join(scratch, name);
  const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content);
  await writeFile(path, data);
  return path;
}

const row = (activity: string, time: string | null, resource: string | null = null): EventRow => ({
  activity,
  time,
  resource,
});

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ordex-ocel-reader-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('readOcelJson on the orders fixture', () => {
  it('counts events, objects, types and dangling relationships', async () => {
    const result = await readOcelJson(ORDERS);

    // e1 … e12; o1–o3, i1–i4, d1–d2 = 3 + 4 + 2 = 9 objects.
    expect(result.events).toBe(12);
    expect(result.objects).toBe(9);
    expect(result.objectTypes).toEqual(['delivery', 'item', 'order']);
    expect([...result.byObjectType.keys()]).toEqual(['delivery', 'item', 'order']);
    // 7 event types used plus Cancel order, declared (with no events).
    expect(result.eventTypes).toEqual([
      'Cancel order',
      'Deliver',
      'Load delivery',
      'Pack',
      'Pay order',
      'Pick item',
      'Place order',
      'Return item',
    ]);
    // Only e10 → o-99. d2's object-to-object link to o-98 is no event relationship: not counted.
    expect(result.danglingRelationships).toBe(1);
  });

  it('flattens to orders: an event related to two orders is in both, times sorted within each case', async () => {
    const log = logOf(await readOcelJson(ORDERS), 'order');

    // o3 has no event, so no case. Cases in the order events first name them: e1 → o1, e2 → o2.
    expect(log.caseIds).toEqual(['o1', 'o2']);
    // o1: e1, e3, e5, e4, e8, e9, e10 = 7; o2: e2, e6, e7, e8, e10, e11 = 6; 7 + 6 = 13.
    expect(log.activity.length).toBe(13);
    // First added: e1 Place order, e3 Pick item, e5 Pack, e8 Load delivery, e9 Pay order, e10 Deliver.
    expect(log.activities).toEqual([
      'Place order',
      'Pick item',
      'Pack',
      'Load delivery',
      'Pay order',
      'Deliver',
    ]);
    expect(log.resources).toEqual(['Ana', 'Ben', 'picker-1', 'picker-2', 'Dispatch']);
    expect(casesOf(log)).toEqual({
      // File order e5 (11:30) before e4 (10:30), e8 (14:00) before e9 (13:00+01:00 = 12:00Z): sorted.
      // e8 has org:resource Dispatch and resource truck-7: org:resource wins.
      o1: [
        row('Place order', '2024-03-01T08:00:00.000Z', 'Ana'),
        row('Pick item', '2024-03-01T10:00:00.000Z', 'picker-1'),
        row('Pick item', '2024-03-01T10:30:00.000Z', 'picker-2'),
        row('Pack', '2024-03-01T11:30:00.000Z'),
        row('Pay order', '2024-03-01T12:00:00.000Z'),
        row('Load delivery', '2024-03-01T14:00:00.000Z', 'Dispatch'),
        row('Deliver', '2024-03-02T09:00:00.000Z'),
      ],
      // e8 and e10 name o1 and o2, so they are in both cases.
      o2: [
        row('Place order', '2024-03-01T09:00:00.000Z', 'Ben'),
        row('Pick item', '2024-03-01T11:00:00.000Z', 'picker-1'),
        row('Pack', '2024-03-01T12:00:00.000Z'),
        row('Load delivery', '2024-03-01T14:00:00.000Z', 'Dispatch'),
        row('Deliver', '2024-03-02T09:00:00.000Z'),
        row('Pay order', '2024-03-02T10:00:00.000Z'),
      ],
    });
  });

  it('flattens to items: an event naming an item twice counts once, a blank org:resource falls back', async () => {
    const log = logOf(await readOcelJson(ORDERS), 'item');

    // i4 has no event. e1 names i1 then i2, e2 names i3.
    expect(log.caseIds).toEqual(['i1', 'i2', 'i3']);
    // i1: e1, e3, e5 = 3; i2: e1, e5, e4, e12 = 4; i3: e2, e6 (twice, once), e7 = 3; 3 + 4 + 3 = 10.
    expect(log.activity.length).toBe(10);
    expect(log.activities).toEqual(['Place order', 'Pick item', 'Pack', 'Return item']);
    expect(casesOf(log)).toEqual({
      i1: [
        row('Place order', '2024-03-01T08:00:00.000Z', 'Ana'),
        row('Pick item', '2024-03-01T10:00:00.000Z', 'picker-1'),
        row('Pack', '2024-03-01T11:30:00.000Z'),
      ],
      // e5 Pack is written before e4 Pick item but happened after it.
      // e12's org:resource is blank, so its resource attribute (courier) is the resource.
      i2: [
        row('Place order', '2024-03-01T08:00:00.000Z', 'Ana'),
        row('Pick item', '2024-03-01T10:30:00.000Z', 'picker-2'),
        row('Pack', '2024-03-01T11:30:00.000Z'),
        row('Return item', '2024-03-03T08:00:00.000Z', 'courier'),
      ],
      // e6 names i3 as picked and as checked: one Pick item.
      i3: [
        row('Place order', '2024-03-01T09:00:00.000Z', 'Ben'),
        row('Pick item', '2024-03-01T11:00:00.000Z', 'picker-1'),
        row('Pack', '2024-03-01T12:00:00.000Z'),
      ],
    });
  });

  it('flattens to deliveries, leaving out the relationship to an unknown object', async () => {
    const log = logOf(await readOcelJson(ORDERS), 'delivery');

    // d1: e8, e10 = 2; d2: e12 = 1. e10's o-99 is in no log (its type is unknown).
    expect(casesOf(log)).toEqual({
      d1: [
        row('Load delivery', '2024-03-01T14:00:00.000Z', 'Dispatch'),
        row('Deliver', '2024-03-02T09:00:00.000Z'),
      ],
      d2: [row('Return item', '2024-03-03T08:00:00.000Z', 'courier')],
    });
  });

  it('does not call onProgress for a log under 50,000 events', async () => {
    const progress: Progress[] = [];

    await readOcelJson(ORDERS, { onProgress: (p) => progress.push(p) });

    expect(progress).toEqual([]);
  });
});

describe('readOcelJson edge cases', () => {
  const order = (id: string) => ({ id, type: 'order', attributes: [], relationships: [] });
  const event = (
    id: string,
    type: string,
    time: unknown,
    objectIds: string[],
    attributes: unknown[] = [],
  ) => ({
    id,
    type,
    time,
    attributes,
    relationships: objectIds.map((objectId) => ({ objectId, qualifier: 'q' })),
  });
  const document = (objects: unknown[], events: unknown[]) => ({
    objectTypes: [{ name: 'order', attributes: [] }],
    eventTypes: [],
    objects,
    events,
  });

  it('reads ISO 8601 times with any zone form, a zoneless time as UTC', async () => {
    const path = await scratchFile(
      document(
        [order('o1')],
        [
          event('a', 'Zoneless', '2024-03-01T08:00:00', ['o1']),
          event('b', 'Date only', '2024-03-01', ['o1']),
          event('c', 'Hours offset', '2024-03-01T10:00:00+01', ['o1']),
          event('d', 'Compact offset', '2024-03-01T11:00:00.250+0100', ['o1']),
          event('e', 'Space and comma', '2024-03-01 11:30:00,5Z', ['o1']),
        ],
      ),
    );

    const log = logOf(await readOcelJson(path), 'order');

    // 00:00Z (date only); 08:00Z; 10:00+01 = 09:00Z; 11:00.250+01:00 = 10:00:00.250Z; 11:30:00.5Z.
    expect(casesOf(log)['o1'].map(({ activity, time }) => [activity, time])).toEqual([
      ['Date only', '2024-03-01T00:00:00.000Z'],
      ['Zoneless', '2024-03-01T08:00:00.000Z'],
      ['Hours offset', '2024-03-01T09:00:00.000Z'],
      ['Compact offset', '2024-03-01T10:00:00.250Z'],
      ['Space and comma', '2024-03-01T11:30:00.500Z'],
    ]);
  });

  it('leaves an event with a missing or unreadable time without one, keeping that case in file order', async () => {
    const path = await scratchFile(
      document(
        [order('o1'), order('o2')],
        [
          event('a', 'Ship', '2024-03-02T08:00:00Z', ['o1', 'o2']),
          event('b', 'Receive', '2024-03-01T08:00:00Z', ['o1', 'o2']),
          event('c', 'Note', 'yesterday', ['o1']),
          event('d', 'Check', undefined, ['o2']),
          event('e', 'Close', 1709280000000, ['o2']),
        ],
      ),
    );

    const log = logOf(await readOcelJson(path), 'order');

    // Both cases have an event without time, so the builder keeps them as written.
    expect(casesOf(log)).toEqual({
      o1: [
        row('Ship', '2024-03-02T08:00:00.000Z'),
        row('Receive', '2024-03-01T08:00:00.000Z'),
        row('Note', null),
      ],
      o2: [
        row('Ship', '2024-03-02T08:00:00.000Z'),
        row('Receive', '2024-03-01T08:00:00.000Z'),
        row('Check', null),
        row('Close', null),
      ],
    });
  });

  it('takes a numeric resource as text and ignores blank and non-scalar ones', async () => {
    const path = await scratchFile(
      document(
        [order('o1')],
        [
          event(
            'a',
            'Numbered clerk',
            '2024-03-01T08:00:00Z',
            ['o1'],
            [{ name: 'org:resource', value: 4711 }],
          ),
          event(
            'b',
            'Blank both',
            '2024-03-01T09:00:00Z',
            ['o1'],
            [
              { name: 'org:resource', value: '' },
              { name: 'resource', value: '  ' },
            ],
          ),
          event(
            'c',
            'Object value',
            '2024-03-01T10:00:00Z',
            ['o1'],
            [{ name: 'resource', value: { id: 'x' } }],
          ),
          event(
            'd',
            'Other attribute',
            '2024-03-01T11:00:00Z',
            ['o1'],
            [{ name: 'org:role', value: 'clerk' }],
          ),
        ],
      ),
    );

    const log = logOf(await readOcelJson(path), 'order');

    expect(casesOf(log)['o1'].map((r) => r.resource)).toEqual(['4711', null, null, null]);
  });

  it('counts every event and event type, also those related to no known object', async () => {
    const path = await scratchFile(
      document(
        [order('o1')],
        [
          event('a', 'Receive', '2024-03-01T08:00:00Z', ['o1']),
          { id: 'b', type: 'Heartbeat', time: '2024-03-01T09:00:00Z' },
          event('c', 'Lost', '2024-03-01T10:00:00Z', ['ghost', 'ghost', 'phantom']),
        ],
      ),
    );

    const result = await readOcelJson(path);

    expect(result.events).toBe(3);
    expect(result.eventTypes).toEqual(['Heartbeat', 'Lost', 'Receive']);
    // Each relationship entry to an unknown object counts: ghost twice + phantom = 3.
    expect(result.danglingRelationships).toBe(3);
    expect(activitiesOf(logOf(result, 'order'))).toEqual({ o1: ['Receive'] });
  });

  it('lists object types declared or used, with an empty log for a type without events', async () => {
    const path = await scratchFile({
      objectTypes: [{ name: 'order' }, { name: 'pallet' }, { bad: 'declaration' }],
      eventTypes: 'not a list',
      // o1 is declared twice: the first type (order) holds, and it is one object.
      objects: [order('o1'), { id: 'c1', type: 'customer' }, { id: 'o1', type: 'customer' }],
      events: [event('a', 'Receive', '2024-03-01T08:00:00Z', ['o1', 'c1'])],
    });

    const result = await readOcelJson(path);

    expect(result.objects).toBe(2);
    expect(result.objectTypes).toEqual(['customer', 'order', 'pallet']);
    expect(result.eventTypes).toEqual(['Receive']);
    expect(activitiesOf(logOf(result, 'order'))).toEqual({ o1: ['Receive'] });
    expect(activitiesOf(logOf(result, 'customer'))).toEqual({ c1: ['Receive'] });
    const pallets = logOf(result, 'pallet');
    expect(pallets.caseIds).toEqual([]);
    expect(pallets.activity.length).toBe(0);
    expect([...pallets.caseStart]).toEqual([0]);
  });

  it('accepts a byte-order mark', async () => {
    const text = JSON.stringify(
      document([order('o1')], [event('a', 'Receive', '2024-03-01T08:00:00Z', ['o1'])]),
    );
    const path = await scratchFile(`\uFEFF${text}`);

    const result = await readOcelJson(path);

    expect(activitiesOf(logOf(result, 'order'))).toEqual({ o1: ['Receive'] });
  });
});

describe('readOcelJson gzip detection', () => {
  it('reads a gzipped log by its magic bytes, whatever its name says', async () => {
    const path = await scratchFile(gzipSync(await readFile(ORDERS)), 'orders-gzipped.jsonocel');

    expect(await readOcelJson(path)).toEqual(await readOcelJson(ORDERS));
  });

  it('reads a plain log named .jsonocel.gz as plain JSON', async () => {
    const path = await scratchFile(await readFile(ORDERS, 'utf8'), 'orders-plain.jsonocel.gz');

    expect(await readOcelJson(path)).toEqual(await readOcelJson(ORDERS));
  });
});

describe('readOcelJson errors', () => {
  const rejects = async (content: unknown, reason: RegExp, name?: string) => {
    const path = await scratchFile(content, name);
    const message = await readOcelJson(path).then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    expect(message.startsWith(`Cannot read OCEL log ${path}: `)).toBe(true);
    expect(message.slice(`Cannot read OCEL log ${path}: `.length)).toMatch(reason);
  };

  it('rejects a file that is not JSON', async () => {
    await rejects('<log xes.version="1.0"/>', /^not JSON \(.+\)$/);
  });

  it('rejects an empty file', async () => {
    await rejects('', /^not JSON \(.+\)$/);
  });

  it('rejects a truncated log rather than returning part of it', async () => {
    const text = await readFile(ORDERS, 'utf8');
    // Half the fixture ends mid-document.
    await rejects(text.slice(0, text.length / 2), /^not JSON \(.+\)$/);
  });

  it('rejects JSON whose top level is not an object', async () => {
    await rejects(
      [{ events: [], objects: [] }],
      /^not an OCEL 2\.0 document: the top level is not a JSON object$/,
    );
  });

  it('rejects a document without an events or an objects array', async () => {
    await rejects({ objects: [] }, /^not an OCEL 2\.0 document: no events array$/);
    await rejects({ events: [] }, /^not an OCEL 2\.0 document: no objects array$/);
    await rejects({ events: {}, objects: [] }, /^not an OCEL 2\.0 document: no events array$/);
  });

  it('says when the document looks like OCEL 1.0', async () => {
    await rejects(
      { 'ocel:global-log': {}, 'ocel:events': { e1: {} }, 'ocel:objects': { o1: {} } },
      /^not an OCEL 2\.0 document: no events array \(it looks like OCEL 1\.0, which keeps events in ocel:events\)$/,
    );
  });

  it('rejects an object without id or type, naming it', async () => {
    await rejects({ objects: [{ type: 'order' }], events: [] }, /^object #1 has no id$/);
    await rejects(
      { objects: [{ id: 'o1', type: 'order' }, { id: 'o2' }], events: [] },
      /^object o2 has no type$/,
    );
    await rejects({ objects: [null], events: [] }, /^object #1 is not a JSON object$/);
  });

  it('rejects an event without type or with a relationship without objectId, naming it', async () => {
    const objects = [{ id: 'o1', type: 'order' }];
    await rejects(
      { objects, events: [{ id: 'e1', type: ' ', time: '2024-03-01' }] },
      /^event e1 has no type$/,
    );
    await rejects({ objects, events: [{ type: 'A' }, 7] }, /^event #2 is not a JSON object$/);
    await rejects(
      { objects, events: [{ id: 'e1', type: 'A', relationships: [{ qualifier: 'for' }] }] },
      /^event e1 has a relationship without an objectId$/,
    );
    await rejects(
      { objects, events: [{ id: 'e1', type: 'A', relationships: 'o1' }] },
      /^event e1 has relationships that are not a list$/,
    );
  });

  it('rejects a corrupt gzip file', async () => {
    // A gzip header cut short after 7 bytes: zlib reports the missing rest.
    await rejects(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]), /^unexpected end of file$/);
  });

  it('rejects a gzipped file that is not JSON', async () => {
    await rejects(gzipSync('<log/>'), /^not JSON \(.+\)$/);
  });

  it('rejects a missing file', async () => {
    const path = join(scratch, 'missing.jsonocel');
    await expect(readOcelJson(path)).rejects.toThrow(`Cannot read OCEL log ${path}: ENOENT`);
  });
});

describe('readOcelJson on a large generated log', () => {
  const ORDER_COUNT = 5_000;
  const ORDERS_PER_DELIVERY = 5;
  /** One order's life; step k happens at minute k of the order's hour. */
  const STEPS = [
    'Place order',
    'Pick item',
    'Pick item',
    'Pack',
    'Invoice',
    'Load delivery',
    'Pay order',
    'Deliver',
    'Confirm receipt',
    'Archive',
  ];
  const BASE = Date.UTC(2024, 0, 1);
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  let bigPath: string;

  const orderTime = (k: number, step: number) => BASE + k * HOUR + step * MINUTE;

  /** The objects each step of order k names: its two items, its delivery; every 1000th archive a ghost. */
  function related(k: number, step: number): string[] {
    const [first, second, delivery] = [
      `i-${2 * k}`,
      `i-${2 * k + 1}`,
      `d-${Math.floor(k / ORDERS_PER_DELIVERY)}`,
    ];
    const objects = [
      [first, second],
      [first],
      [second],
      [first, first, second],
      [],
      [delivery],
      [],
      [delivery],
      [],
      k % 1_000 === 0 ? [`ghost-${k}`] : [],
    ][step];
    return [`o-${k}`, ...objects];
  }

  beforeAll(async () => {
    const objects: unknown[] = [];
    const events: unknown[] = [];
    for (let k = 0; k < ORDER_COUNT; k++) {
      objects.push(
        { id: `o-${k}`, type: 'order' },
        { id: `i-${2 * k}`, type: 'item' },
        { id: `i-${2 * k + 1}`, type: 'item' },
      );
      if (k % ORDERS_PER_DELIVERY === 0)
        objects.push({ id: `d-${k / ORDERS_PER_DELIVERY}`, type: 'delivery' });
      // Each order's events are written latest first.
      for (let step = STEPS.length - 1; step >= 0; step--) {
        events.push({
          id: `e-${k}-${step}`,
          type: STEPS[step],
          time: new Date(orderTime(k, step)).toISOString(),
          attributes: [{ name: 'org:resource', value: `clerk-${k % 3}` }],
          relationships: related(k, step).map((objectId, r) => ({ objectId, qualifier: `q${r}` })),
        });
      }
    }
    bigPath = await scratchFile({ objectTypes: [], eventTypes: [], objects, events }, 'big.jsonocel');
  }, 60_000);

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('flattens 50,000 events per object type with the right counts and order', async () => {
    const progress: Progress[] = [];

    const result = await readOcelJson(bigPath, { onProgress: (p) => progress.push(p) });

    // 5,000 orders × 10 steps = 50,000 events; 5,000 orders + 10,000 items + 1,000 deliveries.
    expect(result.events).toBe(50_000);
    expect(result.objects).toBe(16_000);
    expect(result.objectTypes).toEqual(['delivery', 'item', 'order']);
    // Archive names ghost-k for k = 0, 1000, 2000, 3000, 4000.
    expect(result.danglingRelationships).toBe(5);
    // 50,000 / 50,000 = one call.
    expect(progress).toEqual([{ events: 50_000, total: 50_000 }]);

    const orders = logOf(result, 'order');
    // Every order has all 10 events: 5,000 × 10.
    expect(orders.caseIds.length).toBe(ORDER_COUNT);
    expect(orders.activity.length).toBe(50_000);
    const items = logOf(result, 'item');
    // Each item: Place order, its own Pick item, Pack (named twice, once) = 3; 10,000 × 3.
    expect(items.caseIds.length).toBe(2 * ORDER_COUNT);
    expect(items.activity.length).toBe(30_000);
    const deliveries = logOf(result, 'delivery');
    // Each delivery: Load + Deliver of its 5 orders = 10; 1,000 × 10.
    expect(deliveries.caseIds.length).toBe(ORDER_COUNT / ORDERS_PER_DELIVERY);
    expect(deliveries.activity.length).toBe(10_000);

    let mismatches = 0;
    const expectCase = (log: CaseEventLog, c: number, caseId: string, expected: [string, number][]) => {
      const rows: [string, number][] = [];
      for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
        rows.push([log.activities[log.activity[e]], log.time[e]]);
      }
      if (log.caseIds[c] !== caseId || JSON.stringify(rows) !== JSON.stringify(expected)) mismatches++;
    };
    for (let k = 0; k < ORDER_COUNT; k++) {
      // Written latest first, read in step order.
      expectCase(
        orders,
        k,
        `o-${k}`,
        STEPS.map((step, s) => [step, orderTime(k, s)]),
      );
      // Item 2k is picked at minute 1, item 2k + 1 at minute 2; both ordered at 0 and packed at 3.
      for (const [offset, pickMinute] of [
        [0, 1],
        [1, 2],
      ]) {
        expectCase(items, 2 * k + offset, `i-${2 * k + offset}`, [
          ['Place order', orderTime(k, 0)],
          ['Pick item', orderTime(k, pickMinute)],
          ['Pack', orderTime(k, 3)],
        ]);
      }
    }
    for (let d = 0; d < ORDER_COUNT / ORDERS_PER_DELIVERY; d++) {
      const orderIndexes = [0, 1, 2, 3, 4].map((j) => d * ORDERS_PER_DELIVERY + j);
      expectCase(
        deliveries,
        d,
        `d-${d}`,
        orderIndexes.flatMap((k): [string, number][] => [
          ['Load delivery', orderTime(k, 5)],
          ['Deliver', orderTime(k, 7)],
        ]),
      );
    }
    expect(mismatches).toBe(0);
    expect(orders.resources).toEqual(['clerk-0', 'clerk-1', 'clerk-2']);
  }, 60_000);

  it('reads each event and each object once, adding each flattened event once', async () => {
    const reads = { events: 0, objects: 0 };
    const countingReads = (array: unknown[], key: keyof typeof reads) =>
      new Proxy(array, {
        get(target, property, receiver) {
          if (typeof property === 'string' && /^\d+$/.test(property)) reads[key]++;
          return Reflect.get(target, property, receiver);
        },
      });
    const parse = JSON.parse;
    jest.spyOn(JSON, 'parse').mockImplementation((text: string) => {
      const parsed = parse(text);
      parsed.events = countingReads(parsed.events, 'events');
      parsed.objects = countingReads(parsed.objects, 'objects');
      return parsed;
    });
    const add = jest.spyOn(EventLogBuilder.prototype, 'add');

    const result = await readOcelJson(bigPath);

    // One pass each: 50,000 event reads and 16,000 object reads, no re-scan per object type.
    expect(reads).toEqual({ events: 50_000, objects: 16_000 });
    // 50,000 order + 30,000 item + 10,000 delivery events, each added once.
    expect(add).toHaveBeenCalledTimes(90_000);
    expect(result.events).toBe(50_000);
  }, 60_000);
});

describe('readOcelSqliteFile', () => {
  /** The orders fixture written as OCEL 2.0 SQLite to a scratch file. */
  async function ordersSqlite(name = `orders-${++written}.sqlite`): Promise<string> {
    const bytes = await writeOcelSqlite(parseOcelJson(await readFile(ORDERS, 'utf8')));
    return scratchFile(Buffer.from(bytes), name);
  }

  it('reads the database of a JSON log into the same per-type logs and counts', async () => {
    const fromJson = await readOcelJson(ORDERS);

    const fromSqlite = await readOcelSqliteFile(await ordersSqlite());

    expect(fromSqlite.byObjectType).toEqual(fromJson.byObjectType);
    expect(fromSqlite.events).toBe(12);
    expect(fromSqlite.objects).toBe(9);
    expect(fromSqlite.objectTypes).toEqual(['delivery', 'item', 'order']);
    expect(fromSqlite.eventTypes).toEqual(fromJson.eventTypes);
    // e10's relationship to o-99 cannot be stored (the tables' keys forbid it): nothing left to count.
    expect(fromJson.danglingRelationships).toBe(1);
    expect(fromSqlite.danglingRelationships).toBe(0);
    expect(fromSqlite.log.events.map((event) => event.id)).toEqual(
      fromJson.log.events.map((event) => event.id),
    );
    expect(activitiesOf(logOf(fromSqlite, 'delivery'))).toEqual({
      d1: ['Load delivery', 'Deliver'],
      d2: ['Return item'],
    });
  });

  it('reads a gzipped database by its magic bytes, whatever its name says', async () => {
    const plain = await ordersSqlite();
    const gzipped = await scratchFile(gzipSync(await readFile(plain)), 'orders-sqlite.log');

    expect(await readOcelSqliteFile(gzipped)).toEqual(await readOcelSqliteFile(plain));
  });

  it('rejects a file that is not an SQLite database, naming it', async () => {
    await expect(readOcelSqliteFile(ORDERS)).rejects.toThrow(
      `Cannot read OCEL log ${ORDERS}: not an SQLite database (no "SQLite format 3" header)`,
    );
    const missing = join(scratch, 'missing.sqlite');
    await expect(readOcelSqliteFile(missing)).rejects.toThrow(`Cannot read OCEL log ${missing}: ENOENT`);
  });

  it('tells an SQLite database by its header, not its name', async () => {
    expect(await isSqliteFile(await ordersSqlite('orders-database.jsonocel'))).toBe(true);
    expect(await isSqliteFile(ORDERS)).toBe(false);
    expect(await isSqliteFile(await scratchFile('SQLite format'))).toBe(false);
    expect(await isSqliteFile(await scratchFile(''))).toBe(false);
  });

  it('keeps the public OCEL 2.0 example whole through SQLite, with the same per-type logs', async () => {
    const fromJson = await readOcelJson(PUBLIC_EXAMPLE);
    const sqlite = await scratchFile(
      Buffer.from(await writeOcelSqlite(fromJson.log)),
      'public-example.sqlite',
    );

    const fromSqlite = await readOcelSqliteFile(sqlite);

    // Every attribute value, time, qualifier and relationship survives.
    expect(fromSqlite.log).toEqual(fromJson.log);
    expect(fromSqlite.byObjectType).toEqual(fromJson.byObjectType);
    // The counts the fixture's README gives: 13 events, 9 objects, and per type
    // cases / events / variants / activities / directly-follows pairs.
    expect([fromSqlite.events, fromSqlite.objects, fromSqlite.danglingRelationships]).toEqual([13, 9, 0]);
    expect(
      Object.fromEntries(
        [...fromSqlite.byObjectType].map(([type, log]) => {
          const { cases, events, variants, activities, dfgEdges } = summarize(log);
          return [type, [cases, events, variants, activities, dfgEdges]];
        }),
      ),
    ).toEqual({
      Invoice: [3, 9, 2, 5, 5],
      Payment: [3, 3, 1, 1, 0],
      'Purchase Order': [2, 5, 2, 3, 3],
      'Purchase Requisition': [1, 3, 1, 3, 2],
    });
  });
});

describe('XES export of a flattened log, read back by readXes', () => {
  /** Writes the log as XES to a scratch file and reads it back, every lifecycle kept. */
  async function throughXes(log: CaseEventLog): Promise<CaseEventLog> {
    const path = await scratchFile(writeXes(log, { logName: 'ordex export' }), `export-${++written}.xes`);
    return (await readXes(path, { lifecycle: null })).log;
  }

  it('gives back every object type of the orders fixture: cases, events, activities, times, resources', async () => {
    const read = await readOcelJson(ORDERS);

    for (const type of read.objectTypes) {
      const log = logOf(read, type);
      const back = await throughXes(log);

      expect(back.caseIds).toEqual(log.caseIds);
      expect(casesOf(back)).toEqual(casesOf(log));
    }
  });

  it('gives back names that need escaping, events without time or resource, and equal times', async () => {
    const builder = new EventLogBuilder();
    builder.add('SO-1 <"A&B">', 'Credit hold\tcheck', Date.parse('2024-03-01T08:00:00.125Z'), "O'Brien & Co");
    builder.add('SO-1 <"A&B">', 'Release\nmanual', Date.parse('2024-03-01T08:00:00.125Z'), null);
    builder.add('SO-2', 'Note', null, 'Ana');
    builder.add('SO-2', 'Ship', Date.parse('2024-03-02T10:00:00Z'), 'Ben');
    const log = builder.build();

    const back = await throughXes(log);

    expect(casesOf(back)).toEqual({
      'SO-1 <"A&B">': [
        row('Credit hold\tcheck', '2024-03-01T08:00:00.125Z', "O'Brien & Co"),
        row('Release\nmanual', '2024-03-01T08:00:00.125Z'),
      ],
      // A case with an event without time stays in log order.
      'SO-2': [row('Note', null, 'Ana'), row('Ship', '2024-03-02T10:00:00.000Z', 'Ben')],
    });
    expect(back.activities).toEqual(log.activities);
  });
});
