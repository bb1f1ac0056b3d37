import { OrderStatus, type Order } from '@ordex/contracts';
import { migrateServiceSchema, serviceDataSourceOptions } from '@ordex/platform';
import { createTestDatabase, type TestDatabase } from '@ordex/testing';
import { DataSource } from 'typeorm';
import { ordersSubgraph } from '../subgraph';
import { OrderLineEntity } from './order-line.entity';
import { toOrderObject } from './order.mapper';
import { OrderEntity } from './order.entity';
import { OrdersService } from './orders.service';

/**
 * The order mirror's notes (PostgreSQL): kept as the ERP's newest version has them, trimmed and
 * cut to 2,000 characters, and answered on the GraphQL Order as stored.
 */
describe('order notes in the order mirror (PostgreSQL)', () => {
  let database: TestDatabase;
  let db: DataSource;
  let orders: OrdersService;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(
      serviceDataSourceOptions({
        schema: 'orders',
        entities: ordersSubgraph.entities,
        migrations: ordersSubgraph.migrations,
        url: database.url,
      }),
    ).initialize();
    await migrateServiceSchema(db, 'orders', { lock: true });
    orders = new OrdersService(db.getRepository(OrderEntity), db.getRepository(OrderLineEntity));
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const version = (orderNumber: string, erpVersion: number, notes?: string | null): Order => ({
    orderNumber,
    erpVersion,
    customerId: 'C-0001',
    shipToId: null,
    orderedOn: '2026-11-02',
    requestedDate: '2026-11-05',
    currency: 'EUR',
    status: OrderStatus.RECEIVED,
    lines: [{ lineNo: 1, sku: 'SKU-00001', quantity: 10, unitPrice: 12.5 }],
    ...(notes === undefined ? {} : { notes }),
  });
  const apply = (...versions: Order[]) => db.transaction((tx) => orders.applyOrderVersions(versions, tx));
  /** The notes the GraphQL Order answers: the stored row through the resolver's mapper. */
  const notesOf = async (orderNumber: string) => {
    const [entity] = await orders.byNumbers([orderNumber]);
    return toOrderObject(entity!).notes;
  };

  it('stores the notes of a first version and answers them on the Order', async () => {
    const outcomes = await apply(
      version('SO-N1', 1, '  Cust: "pls deliver to gate 4"\nOD: ln 1 short at DC-NORTH  '),
      version('SO-N2', 1),
    );
    expect(Object.fromEntries(outcomes)).toEqual({ 'SO-N1': 'received', 'SO-N2': 'received' });
    expect(await notesOf('SO-N1')).toBe('Cust: "pls deliver to gate 4"\nOD: ln 1 short at DC-NORTH');
    expect(await notesOf('SO-N2')).toBeNull();
  });

  it('takes the notes of a later version, which may change or remove them', async () => {
    await apply(version('SO-N3', 1, 'call before delivery'), version('SO-N4', 1, 'dock 2'));
    await apply(
      version('SO-N3', 2, 'call before delivery; PO 4500123 replaces 4500119'),
      version('SO-N4', 2),
    );
    expect(await notesOf('SO-N3')).toBe('call before delivery; PO 4500123 replaces 4500119');
    expect(await notesOf('SO-N4')).toBeNull();
    await apply(version('SO-N3', 3, null));
    expect(await notesOf('SO-N3')).toBeNull();
  });

  it('keeps the newer notes when an older version arrives late or a version is sent again', async () => {
    await apply(version('SO-N5', 3, 'newest remark'));
    const late = await apply(version('SO-N5', 2, 'older remark'), version('SO-N6', 1, 'first remark'));
    expect(late.get('SO-N5')).toBe('stale');
    expect(await notesOf('SO-N5')).toBe('newest remark');
    const again = await apply(version('SO-N5', 3, 'the same version, other text'));
    expect(again.get('SO-N5')).toBe('stale');
    expect(await notesOf('SO-N5')).toBe('newest remark');
    // An older version without notes does not clear them either.
    await apply(version('SO-N5', 1));
    expect(await notesOf('SO-N5')).toBe('newest remark');
  });

  it('stores whitespace-only notes as none', async () => {
    await apply(version('SO-N7', 1, 'to be replaced'));
    await apply(version('SO-N7', 2, ' \n\t '));
    expect(await notesOf('SO-N7')).toBeNull();
    await apply(version('SO-N8', 1, ''));
    expect(await notesOf('SO-N8')).toBeNull();
  });

  it('keeps the first 2,000 characters of longer notes, never half an astral character', async () => {
    const long = 'n'.repeat(2_500);
    const straddling = 'x'.repeat(1_999) + '📦' + ' and more';
    await apply(version('SO-N9', 1, long), version('SO-N10', 1, straddling));
    expect(await notesOf('SO-N9')).toBe('n'.repeat(2_000));
    const kept = await notesOf('SO-N10');
    expect(kept).toBe('x'.repeat(1_999));
    // What PostgreSQL holds, counted by itself: no U+FFFD where half a character was.
    const [row] = await db.query(
      `SELECT char_length(notes) AS length, strpos(notes, U&'\\FFFD') AS replaced
       FROM "orders"."order" WHERE order_number = 'SO-N10'`,
    );
    expect(row).toEqual({ length: 1_999, replaced: 0 });
  });
});
