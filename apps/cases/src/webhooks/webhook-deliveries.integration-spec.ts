import { migrateServiceSchema, serviceDataSourceOptions } from '@ordex/platform';
import { createTestDatabase, type TestDatabase } from '@ordex/testing';
import { DataSource } from 'typeorm';
import { casesSubgraph } from '../subgraph';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/**
 * A subscription's delivery cursors grow in the order the deliveries commit (PostgreSQL): a
 * partner that stored cursor n must never later find a delivery below n it was not sent.
 */
describe('webhook delivery cursors (PostgreSQL)', () => {
  let database: TestDatabase;
  let db: DataSource;
  let deliveries: WebhookDeliveriesService;
  let subscriptionId: string;
  const target = () => [{ id: subscriptionId, url: 'https://hooks.example/ordex', secret: 's' }];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(
      serviceDataSourceOptions({
        schema: 'cases',
        entities: casesSubgraph.entities,
        migrations: casesSubgraph.migrations,
        url: database.url,
      }),
    ).initialize();
    await migrateServiceSchema(db, 'cases', { lock: true });
    deliveries = new WebhookDeliveriesService(db);
    [{ id: subscriptionId }] = await db.query(
      `INSERT INTO "cases"."webhook_subscription" (partner_id, url, event_types, secret)
       VALUES ('PRT-1', 'https://hooks.example/ordex', '{cases.case.updated.v1}', 's') RETURNING id`,
    );
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const cursorOf = async (eventId: string) =>
    Number(
      (
        await db.query(`SELECT seq::text AS seq FROM "cases"."webhook_delivery" WHERE event_id = $1`, [
          eventId,
        ])
      )[0].seq,
    );

  it('a delivery queued while another is still committing waits for it, and takes the later cursor', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // The first event's delivery is queued and not yet committed.
    expect(await deliveries.enqueue(target(), 'evt-1', 'cases.case.updated.v1', '{}', runner.manager)).toBe(
      1,
    );
    let secondDone = false;
    const second = deliveries.enqueue(target(), 'evt-2', 'cases.case.updated.v1', '{}').then((n) => {
      secondDone = true;
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);
    await runner.commitTransaction();
    await runner.release();
    expect(await second).toBe(1);
    expect(await cursorOf('evt-2')).toBeGreaterThan(await cursorOf('evt-1'));
  });

  it('queues an event once per subscription, however often it arrives', async () => {
    expect(await deliveries.enqueue(target(), 'evt-1', 'cases.case.updated.v1', '{}')).toBe(0);
    expect(await deliveries.enqueue([], 'evt-3', 'cases.case.updated.v1', '{}')).toBe(0);
  });
});
