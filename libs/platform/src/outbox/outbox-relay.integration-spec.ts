import { createEvent, decodeEvent } from '@ordex/contracts';
import { createTestDatabase, TestDatabase } from '@ordex/testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import type { BusMessage, EventBus } from '../bus/event-bus';
import { InProcessBroker } from '../bus/in-process.broker';
import { InProcessBus } from '../bus/in-process.bus';
import { migrateServiceSchema, serviceDataSourceOptions } from '../database/data-source.factory';
import { enqueueEvent } from './outbox';
import { OutboxRelay } from './outbox-relay';

/** The transactional outbox against real PostgreSQL. */
describe('outbox and relay (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let broker: InProcessBroker;
  let bus: InProcessBus;
  const received: { key: string; id: string; version: number }[] = [];

  const orderEvent = (orderNumber: string, version: number) =>
    createEvent(
      'orders.order.changed.v1',
      orderNumber,
      { orderNumber, erpVersion: version },
      { source: 'test' },
    );

  /** A bus that refuses publishing while `down` is set, as NATS does when it is unreachable. */
  const flakyBus = (inner: EventBus, state: { down: boolean }): EventBus => ({
    ...inner,
    publish: (subject, data, options) =>
      state.down ? Promise.reject(new Error('NATS unreachable')) : inner.publish(subject, data, options),
    health: () => inner.health(),
    consume: (spec, handler) => inner.consume(spec, handler),
    deadLetters: (limit) => inner.deadLetters(limit),
    consumerLag: (durable) => inner.consumerLag(durable),
    close: () => inner.close(),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      serviceDataSourceOptions({ schema: 'relay', entities: [], migrations: [], url: database.url }),
    ).initialize();
    await migrateServiceSchema(dataSource, 'relay', { lock: true });
    broker = new InProcessBroker({ streams: [{ name: 'ORDERS', subjects: ['orders.>'] }] });
    bus = new InProcessBus(broker);
    await bus.consume({ durable: 'observer', subjects: ['orders.>'] }, async (message: BusMessage) => {
      const event = decodeEvent(message.data) as {
        subject: string;
        id: string;
        data: { erpVersion: number };
      };
      received.push({ key: event.subject, id: event.id, version: event.data.erpVersion });
    });
  });

  afterAll(async () => {
    await bus?.close();
    broker?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const pending = async () =>
    Number(
      (await dataSource.query(`SELECT count(*) AS n FROM "relay"."outbox" WHERE published_at IS NULL`))[0].n,
    );

  it('keeps an event only when its transaction commits', async () => {
    await dataSource.transaction((tx) => enqueueEvent(tx, orderEvent('SO-1', 1)));
    await dataSource
      .transaction(async (tx) => {
        await enqueueEvent(tx, orderEvent('SO-2', 1));
        throw new Error('the state change failed');
      })
      .catch(() => undefined);
    expect(await pending()).toBe(1);
  });

  it('publishes in commit order, holds the backlog while the bus is down, then drains it exactly once', async () => {
    const state = { down: true };
    const relay = new OutboxRelay(dataSource, flakyBus(bus, state), pino({ level: 'silent' }));
    for (let version = 2; version <= 5; version++) {
      await dataSource.transaction((tx) => enqueueEvent(tx, orderEvent('SO-1', version)));
    }
    await expect(relay.relayOnce()).rejects.toThrow('NATS unreachable');
    expect(await relay.state()).toMatchObject({ backlog: 5 });
    const [failed] = await dataSource.query(
      `SELECT attempts, last_error FROM "relay"."outbox" ORDER BY seq LIMIT 1`,
    );
    expect(failed).toEqual({ attempts: 1, last_error: 'NATS unreachable' });

    state.down = false;
    expect(await relay.relayOnce()).toBe(5);
    expect(await relay.relayOnce()).toBe(0);
    await broker.idle();
    expect(received.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(received.map((r) => r.id)).size).toBe(5);
    expect(await relay.state()).toEqual({ backlog: 0, oldestSeconds: 0, lastError: undefined });
  });

  it('lets only one relay work the outbox at a time', async () => {
    for (let version = 6; version <= 8; version++) {
      await dataSource.transaction((tx) => enqueueEvent(tx, orderEvent('SO-1', version)));
    }
    const relays = [1, 2, 3].map(() => new OutboxRelay(dataSource, bus, pino({ level: 'silent' })));
    const counts = await Promise.all(relays.map((r) => r.relayOnce()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    await broker.idle();
    expect(received.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
