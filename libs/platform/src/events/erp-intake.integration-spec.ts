import { createEvent, encodeEvent } from '@ordex/contracts';
import { createTestDatabase, eventually } from '@ordex/testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { InProcessBroker } from '../bus/in-process.broker';
import { InProcessBus } from '../bus/in-process.bus';
import { migrateServiceSchema, serviceDataSourceOptions } from '../database/data-source.factory';
import { consumeErpEvents, ErpEventOutcome, MAX_ERP_EVENT_BYTES } from './erp-intake';
import { publishEvent } from './publish-event';

/** A throwaway database with the platform tables in `schema`, and an in-process ERP stream. */
async function intakeFixture(schema: string, tableSql: string[]) {
  const database = await createTestDatabase();
  const dataSource = await new DataSource(
    serviceDataSourceOptions({ schema, entities: [], migrations: [], url: database.url }),
  ).initialize();
  await migrateServiceSchema(dataSource, schema, { lock: true });
  for (const sql of tableSql) await dataSource.query(sql);
  const broker = new InProcessBroker({ streams: [{ name: 'ERP', subjects: ['erp.>'] }] });
  const bus = new InProcessBus(broker);
  const close = async () => {
    await bus.close();
    broker.close();
    await dataSource.destroy();
    await database.drop();
  };
  return { dataSource, broker, bus, close };
}

/** The ERP intake against real PostgreSQL: each event's effect happens once, or not at all. */
describe('consumeErpEvents (PostgreSQL)', () => {
  let fixture: Awaited<ReturnType<typeof intakeFixture>>;
  let dataSource: DataSource;
  let broker: InProcessBroker;
  let bus: InProcessBus;
  const outcomes: ErpEventOutcome[] = [];
  const retried: string[] = [];
  const deadLettered: string[] = [];
  let failNext = false;

  const carrier = (code: string, name: string, id: string) =>
    createEvent('erp.carrier.changed.v1', code, { code, name }, { source: 'erp', id });
  const names = async () =>
    (await dataSource.query(`SELECT code, name, applied FROM "intake"."carrier" ORDER BY code`)) as {
      code: string;
      name: string;
      applied: number;
    }[];

  beforeAll(async () => {
    fixture = await intakeFixture('intake', [
      `CREATE TABLE "intake"."carrier" (code text PRIMARY KEY, name text NOT NULL, applied int NOT NULL)`,
    ]);
    ({ dataSource, broker, bus } = fixture);
    await consumeErpEvents({
      bus,
      dataSource,
      durable: 'intake-test',
      handlers: {
        'erp.carrier.changed.v1': async (payload, _event, tx) => {
          await tx.query(
            `INSERT INTO "intake"."carrier" (code, name, applied) VALUES ($1, $2, 1)
             ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, applied = "carrier".applied + 1`,
            [payload.code, payload.name],
          );
          if (failNext) {
            failNext = false;
            throw new Error('transient failure after the write');
          }
        },
      },
      logger: pino({ level: 'silent' }),
      onOutcome: (outcome) => outcomes.push(outcome),
      observer: {
        retried: (subject) => retried.push(subject),
        deadLettered: (subject) => deadLettered.push(subject),
      },
    });
  });

  afterAll(() => fixture?.close());

  it('applies an event once however often it arrives, even past the duplicate window', async () => {
    const event = carrier('CAR-1', 'Swift Freight', 'evt-1');
    await publishEvent(bus, event);
    // A re-send days later reaches the stream as a new message with the same event id.
    await bus.publish(event.type, encodeEvent(event), {
      msgId: 'resend-evt-1',
      headers: { 'ordex-key': 'CAR-1' },
    });
    await broker.idle();
    expect(await names()).toEqual([{ code: 'CAR-1', name: 'Swift Freight', applied: 1 }]);
    expect(outcomes).toEqual(['applied', 'duplicate']);
    const claims = await dataSource.query(`SELECT consumer, event_id FROM "intake"."processed_event"`);
    expect(claims).toEqual([{ consumer: 'intake-test', event_id: 'evt-1' }]);
  });

  it('rolls the effect and the claim back together when the handler fails, then applies on redelivery', async () => {
    failNext = true;
    await publishEvent(bus, carrier('CAR-2', 'Nordic Haulage', 'evt-2'));
    await broker.idle();
    await eventually(async () => ((await names()).find((c) => c.code === 'CAR-2') ? true : undefined));
    expect(retried).toEqual(['erp.carrier.changed.v1']);
    expect((await names()).find((c) => c.code === 'CAR-2')).toEqual({
      code: 'CAR-2',
      name: 'Nordic Haulage',
      applied: 1,
    });
  });

  it('dead-letters an unreadable payload with its reason and keeps applying the rest', async () => {
    const bad = createEvent(
      'erp.carrier.changed.v1',
      'CAR-3',
      { code: 'CAR-3' },
      { source: 'erp', id: 'evt-3' },
    );
    await publishEvent(bus, bad);
    await publishEvent(bus, carrier('CAR-4', 'Express Parcel', 'evt-4'));
    await broker.idle();
    const letters = await bus.deadLetters();
    expect(letters.map((l) => [l.msgId, l.reason])).toEqual([
      ['evt-3', 'PermanentEventError: invalid erp.carrier.changed.v1 payload: name: Required'],
    ]);
    expect((await names()).map((c) => c.code)).toEqual(['CAR-1', 'CAR-2', 'CAR-4']);
    expect(deadLettered).toEqual(['erp.carrier.changed.v1']);
  });

  it('dead-letters an oversized message without reading it', async () => {
    const huge = carrier('CAR-5', 'x'.repeat(MAX_ERP_EVENT_BYTES), 'evt-5');
    await publishEvent(bus, huge);
    await publishEvent(bus, carrier('CAR-6', 'Regional LTL', 'evt-6'));
    await broker.idle();
    const letter = (await bus.deadLetters()).find((l) => l.msgId === 'evt-5');
    expect(letter?.reason).toMatch(
      /^PermanentEventError: oversized message: \d+ bytes, the limit is 1048576$/,
    );
    expect((await names()).map((c) => c.code)).toEqual(['CAR-1', 'CAR-2', 'CAR-4', 'CAR-6']);
  });
});

/** Events in flight together share a transaction, and a bad one still fails alone. */
describe('consumeErpEvents: events applied together (PostgreSQL)', () => {
  let fixture: Awaited<ReturnType<typeof intakeFixture>>;
  let dataSource: DataSource;
  let broker: InProcessBroker;
  let bus: InProcessBus;
  const batchSizes: number[] = [];
  const retried: string[] = [];
  const outcomes: ErpEventOutcome[] = [];

  const carrier = (code: string, name: string, id = `evt-${code}`) =>
    createEvent('erp.carrier.changed.v1', code, { code, name }, { source: 'erp', id });
  const carriers = async () =>
    (await dataSource.query(`SELECT code, name, applied FROM "grouped"."carrier" ORDER BY code`)) as {
      code: string;
      name: string;
      applied: number;
    }[];

  beforeAll(async () => {
    fixture = await intakeFixture('grouped', [
      // A carrier name the database refuses stands for data no retry can make acceptable.
      `CREATE TABLE "grouped"."carrier" (
         code text PRIMARY KEY, name text NOT NULL CHECK (name <> 'REFUSED'), applied int NOT NULL)`,
      `CREATE TABLE "grouped"."effect" (event_id text NOT NULL)`,
    ]);
    ({ dataSource, broker, bus } = fixture);
    await consumeErpEvents({
      bus,
      dataSource,
      durable: 'grouped-test',
      handlers: {
        'erp.carrier.changed.v1': {
          batch: async (events, tx) => {
            batchSizes.push(events.length);
            await tx.query(`INSERT INTO "grouped"."effect" (event_id) SELECT unnest($1::text[])`, [
              events.map((e) => e.id),
            ]);
            await tx.query(
              `INSERT INTO "grouped"."carrier" (code, name, applied)
               SELECT DISTINCT ON (code) code, name, 1 FROM unnest($1::text[], $2::text[]) AS c(code, name)
               ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, applied = "carrier".applied + 1`,
              [events.map((e) => e.data.code), events.map((e) => e.data.name)],
            );
          },
        },
      },
      logger: pino({ level: 'silent' }),
      onOutcome: (outcome) => outcomes.push(outcome),
      observer: { retried: (subject) => retried.push(subject), deadLettered: () => undefined },
    });
  });

  afterAll(() => fixture?.close());

  beforeEach(() => {
    batchSizes.length = 0;
    outcomes.length = 0;
  });

  it('hands a set-based handler many events of different keys in one transaction', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => publishEvent(bus, carrier(`G-${i}`, `Carrier ${i}`))),
    );
    await broker.idle();
    expect(await carriers()).toHaveLength(200);
    expect((await carriers()).every((c) => c.applied === 1)).toBe(true);
    expect(batchSizes.reduce((sum, size) => sum + size, 0)).toBe(200);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(200);
  });

  it('dead-letters data the database refuses, at once, and applies the events it was batched with', async () => {
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => publishEvent(bus, carrier(`H-${i}`, `Hauler ${i}`))),
      publishEvent(bus, carrier('H-BAD', 'REFUSED')),
      ...Array.from({ length: 30 }, (_, i) => publishEvent(bus, carrier(`H-${i + 30}`, `Hauler ${i + 30}`))),
    ]);
    await broker.idle();
    const applied = (await carriers()).filter((c) => c.code.startsWith('H-'));
    expect(applied).toHaveLength(60);
    expect(applied.every((c) => c.applied === 1)).toBe(true);
    const letter = (await bus.deadLetters()).find((l) => l.msgId === 'evt-H-BAD');
    expect(letter?.reason).toMatch(/^PermanentEventError: rejected by the database \(SQLSTATE 23514\): /);
    expect(letter?.deliveryCount).toBe(1);
    expect(retried).toEqual([]);
    const claims = await dataSource.query(
      `SELECT 1 FROM "grouped"."processed_event" WHERE event_id = 'evt-H-BAD'`,
    );
    expect(claims).toEqual([]);
  });

  it('claims an event id once when two copies without an ordering key are applied together', async () => {
    const twice = createEvent(
      'erp.carrier.changed.v1',
      'D-0',
      { code: 'D-0', name: 'Twice' },
      { source: 'erp', id: 'evt-twice' },
    );
    const copy = (msgId: string) => bus.publish(twice.type, encodeEvent(twice), { msgId });
    const filler = (i: number) => publishEvent(bus, carrier(`D-${i}`, `Filler ${i}`));
    // Two fillers take both transaction slots; the copies arrive while they run and queue together.
    await Promise.all([filler(1), filler(2), copy('copy-1'), copy('copy-2'), filler(3), filler(4)]);
    await broker.idle();
    // The third transaction held both copies and two fillers; its handler saw one copy.
    expect(batchSizes.slice(0, 3)).toEqual([1, 1, 3]);
    const effects = await dataSource.query(
      `SELECT count(*)::int AS n FROM "grouped"."effect" WHERE event_id = 'evt-twice'`,
    );
    expect(effects).toEqual([{ n: 1 }]);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(1);
  });
});
