import { flattenOcel, parseOcelJson, readOcelSqlite, writeOcelJson, writeOcelSqlite } from '@ordex/mining';
import type { DataSource } from 'typeorm';
import { analyticsTestDatabase } from '../analytics-database.test-support';
import type { EventLogRecord } from './domain/event-log-record.util';
import { EventLogService } from './event-log.service';
import { OcelExportService } from './ocel-export.service';

/** The live event log written out as OCEL 2.0 and read back by the standard's readers. */
describe('OCEL 2.0 export of the event log (PostgreSQL)', () => {
  let close: () => Promise<void>;
  let db: DataSource;
  let exporter: OcelExportService;

  const record = (
    eventId: string,
    activity: string,
    at: string,
    objects: [type: string, id: string, qualifier: string][],
    attributes: EventLogRecord['attributes'] = {},
    actor: string | null = null,
    team: string | null = null,
  ): EventLogRecord => ({
    eventId,
    activity,
    occurredAt: new Date(at),
    actor,
    team,
    source: eventId.startsWith('erp') ? 'erp' : 'cases',
    attributes,
    objects: objects.map(([type, id, qualifier]) => ({ type, id, qualifier })),
  });

  beforeAll(async () => {
    ({ db, close } = await analyticsTestDatabase());
    const log = new EventLogService(db);
    exporter = new OcelExportService(db);
    const records = [
      record('erp-1', 'Order received', '2026-11-02T08:00:00Z', [['order', 'SO-1', 'order']], {
        erpVersion: 1,
      }),
      record(
        'K1:1',
        'exception.detected',
        '2026-11-02T08:00:10Z',
        [
          ['case', 'K1', 'case'],
          ['order', 'SO-1', 'order'],
          ['line', 'SO-1/1', 'order line'],
          ['exception', 'X1', 'exception'],
        ],
        { category: 'STOCK_SHORTAGE', lineNo: 1, team: 'warehouse', dueAt: null },
        'ordex.detection',
        'warehouse',
      ),
      // A task whose id is also an exception's: OCEL ids must be unique, so both get their type.
      record(
        'K1:2',
        'task.assigned',
        '2026-11-02T08:30:00Z',
        [
          ['case', 'K1', 'case'],
          ['order', 'SO-1', 'order'],
          ['task', 'X1', 'task'],
        ],
        { taken: true },
        'wh.anna',
        'warehouse',
      ),
      record('erp-2', 'Order received', '2026-11-03T08:00:00Z', [['order', 'SO-2', 'order']], {
        erpVersion: 1,
      }),
    ];
    for (const r of records) await db.transaction((tx) => log.append(r, tx));
  });

  afterAll(async () => {
    await close?.();
  });

  it('writes every event in time order with its qualified objects, actor, team and source', async () => {
    const log = await exporter.export();
    expect(log.events.map((e) => [e.id, e.type, e.time])).toEqual([
      ['erp-1', 'Order received', '2026-11-02T08:00:00.000Z'],
      ['K1:1', 'exception.detected', '2026-11-02T08:00:10.000Z'],
      ['K1:2', 'task.assigned', '2026-11-02T08:30:00.000Z'],
      ['erp-2', 'Order received', '2026-11-03T08:00:00.000Z'],
    ]);
    expect(log.events[1].relationships).toEqual([
      { objectId: 'K1', qualifier: 'case' },
      { objectId: 'SO-1', qualifier: 'order' },
      { objectId: 'SO-1/1', qualifier: 'order line' },
      { objectId: 'exception:X1', qualifier: 'exception' },
    ]);
    expect(log.events[1].attributes).toEqual([
      { name: 'actor', value: 'ordex.detection' },
      { name: 'category', value: 'STOCK_SHORTAGE' },
      { name: 'lineNo', value: 1 },
      { name: 'source', value: 'cases' },
      { name: 'team', value: 'warehouse' },
    ]);
    expect(log.objects.map((o) => `${o.type} ${o.id}`)).toEqual([
      'case K1',
      'exception exception:X1',
      'line SO-1/1',
      'order SO-1',
      'order SO-2',
      'task task:X1',
    ]);
  });

  it('reads back the same through the OCEL 2.0 JSON and SQLite readers, flattened per object type', async () => {
    const log = await exporter.export();
    const viaJson = parseOcelJson(writeOcelJson(log));
    const viaSqlite = await readOcelSqlite(await writeOcelSqlite(log));
    for (const read of [viaJson, viaSqlite]) {
      expect(read.events.map((e) => [e.id, e.type, (e.relationships ?? []).length])).toEqual([
        ['erp-1', 'Order received', 1],
        ['K1:1', 'exception.detected', 4],
        ['K1:2', 'task.assigned', 3],
        ['erp-2', 'Order received', 1],
      ]);
      const orders = flattenOcel(read).get('order')!;
      expect(orders.caseIds).toEqual(['SO-1', 'SO-2']);
      expect(orders.activity.length).toBe(4);
    }
    expect(viaJson.objectTypes.map((t) => t.name).sort()).toEqual([
      'case',
      'exception',
      'line',
      'order',
      'task',
    ]);
  });

  it('exports a window only, and refuses one larger than an export takes', async () => {
    const window = await exporter.export(new Date('2026-11-02T08:00:05Z'), new Date('2026-11-03T00:00:00Z'));
    expect(window.events.map((e) => e.id)).toEqual(['K1:1', 'K1:2']);
    expect(window.objects.map((o) => o.id)).toEqual(['K1', 'exception:X1', 'SO-1/1', 'SO-1', 'task:X1']);
    await expect(exporter.export(undefined, undefined, 3)).rejects.toThrow(
      'the window holds 4 events; one export takes at most 3: narrow from and to',
    );
  });
});
