import type { CaseEventLog } from '../event-log.model';
import { flattenOcel, flattenOcelWithCounts, parseOcelTime } from './ocel-flatten';
import type { OcelEvent, OcelLog } from './ocel.model';
import { exceptionLog } from './ocel.test-support';

/** The log as case id → [activity, ISO time or null, resource or null] per event, in log order. */
function rowsOf(log: CaseEventLog | undefined): Record<string, [string, string | null, string | null][]> {
  if (!log) throw new Error('no log for that object type');
  const cases: Record<string, [string, string | null, string | null][]> = {};
  log.caseIds.forEach((caseId, c) => {
    cases[caseId] = [];
    for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
      cases[caseId].push([
        log.activities[log.activity[e]],
        Number.isNaN(log.time[e]) ? null : new Date(log.time[e]).toISOString(),
        log.resource[e] === -1 ? null : log.resources[log.resource[e]],
      ]);
    }
  });
  return cases;
}

describe('flattenOcel', () => {
  it('makes one case-centric log per object type, keyed by type name in sorted order', () => {
    const byType = flattenOcel(exceptionLog());

    // Code-unit order: upper case before lower case.
    expect([...byType.keys()]).toEqual(['Sales-Order', 'customer "key" account', 'object', 'sales order']);
    expect(rowsOf(byType.get('sales order'))).toEqual({
      // e2 names so-1 as held and as blocked: one event.
      'so-1': [
        ['Create order', '2024-03-01T08:00:00.000Z', 'Ana'],
        ['Put on "credit" hold', '2024-03-01T09:00:00.000Z', null],
        ['Release', '2024-03-01T11:00:00.000Z', 'Ben'],
      ],
      // e5 has no time, so so-2 keeps its events in log order.
      'so-2': [
        ['Create order', '2024-03-02T08:00:00.000Z', 'Ana'],
        ['Release', null, null],
      ],
    });
    // e3 relates to cu-1 with an empty qualifier: still related.
    expect(rowsOf(byType.get('customer "key" account'))).toEqual({
      'cu-1': [
        ['Create order', '2024-03-01T08:00:00.000Z', 'Ana'],
        ['Put on "credit" hold', '2024-03-01T09:00:00.000Z', null],
        ['Release', '2024-03-01T11:00:00.000Z', 'Ben'],
        ['Create order', '2024-03-02T08:00:00.000Z', 'Ana'],
      ],
    });
    expect(rowsOf(byType.get('Sales-Order'))).toEqual({
      'SO-3': [['Create order', '2024-03-02T08:00:00.000Z', 'Ana']],
    });
    expect(rowsOf(byType.get('object'))).toEqual({
      'x-1': [['Create order', '2024-03-02T08:00:00.000Z', 'Ana']],
    });
  });

  it('counts events, objects and types, and the relationships to unknown objects it leaves out', () => {
    const log = exceptionLog();
    log.objects.push({ id: 'so-1', type: 'customer "key" account' }, { id: 'p-1', type: 'pallet' });
    log.events.push({
      id: 'e6',
      type: 'Scan',
      time: '2024-03-03T08:00:00Z',
      relationships: [
        { objectId: 'ghost', qualifier: 'a' },
        { objectId: 'ghost', qualifier: 'b' },
        { objectId: 'so-1', qualifier: 'c' },
      ],
    });

    const flattened = flattenOcelWithCounts(log);

    // 5 objects + p-1; the second so-1 is the same object, its first type (sales order) holds.
    expect(flattened.objects).toBe(6);
    expect(flattened.events).toBe(6);
    expect(flattened.objectTypes).toEqual([
      'Sales-Order',
      'customer "key" account',
      'object',
      'pallet',
      'sales order',
    ]);
    // Declared (Cancel without events) and used (Scan).
    expect(flattened.eventTypes).toEqual([
      'Cancel',
      'Create order',
      'Put on "credit" hold',
      'Release',
      'Scan',
    ]);
    // ghost twice.
    expect(flattened.danglingRelationships).toBe(2);
    expect(rowsOf(flattened.byObjectType.get('sales order'))['so-1'].at(-1)).toEqual([
      'Scan',
      '2024-03-03T08:00:00.000Z',
      null,
    ]);
    expect(flattened.byObjectType.get('pallet')?.caseIds).toEqual([]);
  });

  it('takes org:resource, else resource, as the resource: text or a number, not blank', () => {
    const event = (id: string, attributes: OcelEvent['attributes']): OcelEvent => ({
      id,
      type: id,
      time: `2024-03-01T0${id.slice(1)}:00:00Z`,
      attributes,
      relationships: [{ objectId: 'o1', qualifier: '' }],
    });
    const log: OcelLog = {
      objectTypes: [],
      eventTypes: [],
      objects: [{ id: 'o1', type: 'order' }],
      events: [
        event('e1', [
          { name: 'resource', value: 'truck-7' },
          { name: 'org:resource', value: 'Dispatch' },
        ]),
        event('e2', [
          { name: 'org:resource', value: ' ' },
          { name: 'resource', value: 'courier' },
        ]),
        event('e3', [{ name: 'org:resource', value: 4711 }]),
        event('e4', [{ name: 'org:resource', value: true }]),
        event('e5', []),
      ],
    };

    expect(rowsOf(flattenOcel(log).get('order'))['o1'].map(([, , resource]) => resource)).toEqual([
      'Dispatch',
      'courier',
      '4711',
      null,
      null,
    ]);
  });

  it('reports progress every 50,000 events', () => {
    const events: OcelEvent[] = Array.from({ length: 100_001 }, (_, i) => ({
      id: `e${i}`,
      type: 'Tick',
      time: '2024-03-01T08:00:00Z',
    }));
    const progress: { events: number; total: number }[] = [];

    flattenOcel(
      { objectTypes: [], eventTypes: [], objects: [], events },
      { onProgress: (p) => progress.push(p) },
    );

    expect(progress).toEqual([
      { events: 50_000, total: 100_001 },
      { events: 100_000, total: 100_001 },
    ]);
  });
});

describe('parseOcelTime', () => {
  it('reads ISO 8601 with any zone form, a zoneless time and a date alone as UTC', () => {
    const iso = (text: string) => {
      const time = parseOcelTime(text);
      return time === null ? null : new Date(time).toISOString();
    };

    expect(iso('2024-03-01T08:00:00Z')).toBe('2024-03-01T08:00:00.000Z');
    expect(iso('2024-03-01 08:00:00.000000')).toBe('2024-03-01T08:00:00.000Z');
    expect(iso('2024-03-01T10:00:00+01')).toBe('2024-03-01T09:00:00.000Z');
    expect(iso('2024-03-01T11:00:00.250+0100')).toBe('2024-03-01T10:00:00.250Z');
    expect(iso('2024-03-01T11:00:00-02:30')).toBe('2024-03-01T13:30:00.000Z');
    expect(iso('2024-03-01 11:30:00,5z')).toBe('2024-03-01T11:30:00.500Z');
    expect(iso(' 2024-03-01 ')).toBe('2024-03-01T00:00:00.000Z');
    expect(iso('')).toBeNull();
    expect(iso('yesterday')).toBeNull();
    expect(iso('2024-13-01T08:00:00Z')).toBeNull();
  });
});
