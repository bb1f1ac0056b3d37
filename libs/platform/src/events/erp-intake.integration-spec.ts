import { createEvent, encodeEvent } from '@ordex/contracts';
import { createTestDatabase, eventually, TestDatabase } from '@ordex/testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { InProcessBroker } from '../bus/in-process.broker';
import { InProcessBus } from '../bus/in-process.bus';
import { migrateServiceSchema, serviceDataSourceOptions } from '../database/data-source.factory';
import { consumeErpEvents, ErpEventOutcome, MAX_ERP_EVENT_BYTES } from './erp-intake';
import { publishEvent } from './publish-event';

/** The ERP intake against real PostgreSQL: each event's effect happens once, or not at all. */
describe('consumeErpEvents (PostgreSQL)', () => {
  let database: TestDatabase;
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
    database = await createTestDatabase();
    dataSource = await new DataSource(
      serviceDataSourceOptions({ schema: 'intake', entities: [], migrations: [], url: database.url }),
    ).initialize();
    await migrateServiceSchema(dataSource, 'intake', { lock: true });
    await dataSource.query(
      `CREATE TABLE "intake"."carrier" (code text PRIMARY KEY, name text NOT NULL, applied int NOT NULL)`,
    );
    broker = new InProcessBroker({ streams: [{ name: 'ERP', subjects: ['erp.>'] }] });
    bus = new InProcessBus(broker);
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

  afterAll(async () => {
    await bus?.close();
    broker?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

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
