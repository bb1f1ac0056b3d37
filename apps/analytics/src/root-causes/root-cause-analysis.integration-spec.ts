import {
  createEvent,
  CustomerSegment,
  CustomerTier,
  ExceptionCategory,
  OrderStatus,
  Region,
  Team,
  UnitOfMeasure,
  type CaseActivity,
  type Order,
} from '@ordex/contracts';
import { fisherUpperTail } from '@ordex/mining';
import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { caseActivityRecord } from '../event-log/domain/event-log-record.util';
import { EventLogService } from '../event-log/event-log.service';
import { ProcessFactsService } from '../facts/process-facts.service';
import { KpiLedgerService } from '../kpis/kpi-ledger.service';
import { ActionOutcomesService } from '../outcomes/action-outcomes.service';
import { analyticsTestDatabase } from '../analytics-database.test-support';
import { RootCauseAnalysisService } from './root-cause-analysis.service';
import type { RootCauseSettings } from './root-cause.settings';
import { RootCauseFindingEntity } from './root-cause-finding.entity';
import { RootCausesService } from './root-causes.service';

/**
 * Two months of orders built by hand with two planted causes, fed through the same services the
 * analytics consumers run, then the scheduled analysis over a fixed `now`: price mismatches come
 * from the REGIONAL segment's contracts, stock shortages from ELECTRICAL lines. Every number the
 * findings carry is counted here from the generated orders that fall in the window.
 */
const settings: RootCauseSettings = { refreshIntervalMs: 0, windowDays: 60, timeZone: 'Europe/Berlin' };
const NOW = new Date('2026-12-01T06:00:00Z');
const DAY_MS = 86_400_000;
const FROM = new Date(NOW.getTime() - settings.windowDays * DAY_MS);

const FAMILY_SKUS: Record<string, string[]> = {
  ELECTRICAL: ['E-1', 'E-2', 'E-3'],
  PLUMBING: ['P-1', 'P-2', 'P-3'],
  HVAC: ['H-1', 'H-2', 'H-3'],
};
const FAMILY_OF = new Map(
  Object.entries(FAMILY_SKUS).flatMap(([family, skus]) => skus.map((sku) => [sku, family] as const)),
);
const SKUS = [...FAMILY_OF.keys()];

const SEGMENTS = [CustomerSegment.KEY_ACCOUNT, CustomerSegment.REGIONAL, CustomerSegment.SMB];
const TIERS = [CustomerTier.PLATINUM, CustomerTier.GOLD, CustomerTier.SILVER, CustomerTier.BRONZE];
const REGIONS = [Region.NORTH, Region.SOUTH, Region.EAST, Region.WEST];

interface PlannedCustomer {
  id: string;
  shipTo: string;
  segment: CustomerSegment;
  tier: CustomerTier;
  region: Region;
}

/**
 * Twelve customers, four per segment, every segment with every tier and every region once, so no
 * tier or region stands in for a segment.
 */
const CUSTOMERS: PlannedCustomer[] = Array.from({ length: 12 }, (_, c) => ({
  id: `C${c}`,
  shipTo: `S${c}`,
  segment: SEGMENTS[c % 3],
  tier: TIERS[c % 4],
  region: REGIONS[Math.floor(c / 3) % 4],
}));

interface PlannedOrder {
  orderNumber: string;
  customer: PlannedCustomer;
  receivedAt: Date;
  lineSkus: string[];
  categories: Set<ExceptionCategory>;
}

/** A 32-bit linear congruential generator: the same history on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * 300 orders spread over the 58 days before now; most REGIONAL orders get a price mismatch and
 * 5% of the others, most orders with an ELECTRICAL line a stock shortage and 5% of the others.
 * Orders at the window's edges and before it carry both causes, so counting them would show.
 */
function generateOrders(): PlannedOrder[] {
  const random = seeded(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const orders: PlannedOrder[] = [];
  for (let i = 0; i < 300; i++) {
    const customer = pick(CUSTOMERS);
    const lineSkus = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SKUS));
    const electrical = lineSkus.some((sku) => FAMILY_OF.get(sku) === 'ELECTRICAL');
    const categories = new Set<ExceptionCategory>();
    if (random() < (customer.segment === CustomerSegment.REGIONAL ? 0.9 : 0.05))
      categories.add(ExceptionCategory.PRICE_MISMATCH);
    if (random() < (electrical ? 0.9 : 0.05)) categories.add(ExceptionCategory.STOCK_SHORTAGE);
    const minutesBefore = 30 + Math.floor(random() * 58 * 24 * 60);
    orders.push({
      orderNumber: `O${i}`,
      customer,
      receivedAt: new Date(NOW.getTime() - minutesBefore * 60_000),
      lineSkus,
      categories,
    });
  }
  const regional = CUSTOMERS.find((c) => c.segment === CustomerSegment.REGIONAL) as PlannedCustomer;
  const bothCauses = (orderNumber: string, receivedAt: Date): PlannedOrder => ({
    orderNumber,
    customer: regional,
    receivedAt,
    lineSkus: ['E-1', 'P-1'],
    categories: new Set([ExceptionCategory.PRICE_MISMATCH, ExceptionCategory.STOCK_SHORTAGE]),
  });
  orders.push(bothCauses('O-FROM', FROM), bothCauses('O-NOW', NOW));
  for (let d = 0; d < 20; d++)
    orders.push(bothCauses(`O-OLD-${d}`, new Date(FROM.getTime() - 60_000 - d * DAY_MS)));
  return orders;
}

const ORDERS = generateOrders();
const IN_WINDOW = ORDERS.filter((o) => o.receivedAt >= FROM && o.receivedAt < NOW);

/** A category's counts over the window's orders and over one slice of them. */
function counted(category: ExceptionCategory, inSlice: (o: PlannedOrder) => boolean) {
  const N = IN_WINDOW.length;
  const K = IN_WINDOW.filter((o) => o.categories.has(category)).length;
  const slice = IN_WINDOW.filter(inSlice);
  const n = slice.length;
  const k = slice.filter((o) => o.categories.has(category)).length;
  return { N, K, n, k };
}

/** Rates of 10% and more read as whole percents in a finding's summary. */
const wholePercent = (rate: number) => `${Number((rate * 100).toFixed(0))}%`;

describe('root-cause analysis (PostgreSQL, planted causes)', () => {
  let close: () => Promise<void>;
  let db: DataSource;
  let eventLog: EventLogService;
  let facts: ProcessFactsService;
  let analysis: RootCauseAnalysisService;
  let rootCauses: RootCausesService;

  const inTx = (work: (tx: EntityManager) => Promise<void>) => db.transaction(work);
  const logger = pino({ level: 'silent' });
  const stored = () => db.getRepository(RootCauseFindingEntity).find({ order: { id: 'ASC' } });

  /** An exception detected on an order, as the cases service publishes the step. */
  async function detected(
    order: PlannedOrder,
    exceptionId: string,
    category: ExceptionCategory,
    lineNo: number,
  ) {
    const at = new Date(order.receivedAt.getTime() + 10_000).toISOString();
    const data: CaseActivity = {
      activityId: `${exceptionId}:detected`,
      caseId: `K-${order.orderNumber}`,
      orderNumber: order.orderNumber,
      customerId: order.customer.id,
      activity: 'exception.detected',
      actor: 'ordex.detection',
      team: null,
      occurredAt: at,
      objects: [
        { type: 'case', id: `K-${order.orderNumber}`, qualifier: 'case' },
        { type: 'order', id: order.orderNumber, qualifier: 'order' },
        { type: 'line', id: `${order.orderNumber}/${lineNo}`, qualifier: 'line' },
        { type: 'exception', id: exceptionId, qualifier: 'exception' },
      ],
      attributes: [
        { name: 'category', value: category },
        { name: 'lineNo', value: String(lineNo) },
      ],
    };
    const record = caseActivityRecord(
      createEvent('cases.activity.recorded.v1', data.caseId, data, { source: 'cases', id: data.activityId }),
    );
    await inTx(async (tx) => {
      if (await eventLog.append(record, tx)) await facts.caseStep(tx, record);
    });
  }

  async function received(order: PlannedOrder): Promise<void> {
    const erpOrder: Order = {
      orderNumber: order.orderNumber,
      customerId: order.customer.id,
      shipToId: order.customer.shipTo,
      erpVersion: 1,
      currency: 'EUR',
      orderedOn: order.receivedAt.toISOString().slice(0, 10),
      requestedDate: order.receivedAt.toISOString().slice(0, 10),
      status: OrderStatus.RECEIVED,
      lines: order.lineSkus.map((sku, i) => ({ lineNo: i + 1, sku, quantity: 1, unitPrice: 10 })),
    };
    await inTx((tx) => facts.orderVersion(tx, erpOrder, order.receivedAt));
    // A price mismatch on the first line; a shortage on every ELECTRICAL line (or the first line
    // when the order has none), so an order short on two lines is still one order with the category.
    if (order.categories.has(ExceptionCategory.PRICE_MISMATCH))
      await detected(order, `X-${order.orderNumber}-PM`, ExceptionCategory.PRICE_MISMATCH, 1);
    if (order.categories.has(ExceptionCategory.STOCK_SHORTAGE)) {
      const lines = order.lineSkus.flatMap((sku, i) => (FAMILY_OF.get(sku) === 'ELECTRICAL' ? [i + 1] : []));
      for (const lineNo of lines.length ? lines : [1])
        await detected(
          order,
          `X-${order.orderNumber}-SS-${lineNo}`,
          ExceptionCategory.STOCK_SHORTAGE,
          lineNo,
        );
    }
  }

  beforeAll(async () => {
    ({ db, close } = await analyticsTestDatabase());
    eventLog = new EventLogService(db);
    const kpiSettings = { timeZone: settings.timeZone, recurrenceWindowDays: 30 };
    facts = new ProcessFactsService(
      new KpiLedgerService(kpiSettings),
      new ActionOutcomesService(db, kpiSettings),
    );
    analysis = new RootCauseAnalysisService(db, settings, logger);
    rootCauses = new RootCausesService(db.getRepository(RootCauseFindingEntity));

    for (const c of CUSTOMERS)
      await inTx((tx) =>
        facts.customerChanged(tx, {
          customer: { id: c.id, name: c.id, paymentTermsDays: 30, segment: c.segment, tier: c.tier },
          shipTos: [{ id: c.shipTo, customerId: c.id, name: c.shipTo, region: c.region }],
        }),
      );
    for (const [sku, family] of FAMILY_OF)
      await inTx((tx) =>
        facts.productChanged(tx, {
          sku,
          family,
          name: sku,
          listPrice: 10,
          unitCost: 5,
          substitutes: [],
          unitOfMeasure: UnitOfMeasure.EA,
          weightKg: 1,
        }),
      );
    for (const order of ORDERS) await received(order);
  }, 60_000);

  afterAll(async () => {
    await analysis?.onModuleDestroy();
    await close?.();
  });

  it('analyses the orders received in [now − window, now), not the older ones nor one at now', async () => {
    const units = await analysis.units(NOW);
    expect(units).toHaveLength(IN_WINDOW.length);
    expect(IN_WINDOW.length).toBe(301);
    const at = units.map((u) => u.at);
    expect(at).toContain(FROM.getTime());
    expect(at).not.toContain(NOW.getTime());
  });

  it('names REGIONAL for price mismatches and ELECTRICAL for stock shortages, first, with exact counts', async () => {
    const findings = await analysis.refresh(NOW);
    expect(findings).not.toBeNull();
    const rows = await stored();
    expect(rows).toHaveLength((findings ?? []).length);

    const cases = [
      {
        category: ExceptionCategory.PRICE_MISMATCH,
        dim: 'segment',
        value: 'REGIONAL',
        owner: 'contracts',
        addressedTo: Team.FINANCE_PRICING,
        inSlice: (o: PlannedOrder) => o.customer.segment === CustomerSegment.REGIONAL,
      },
      {
        category: ExceptionCategory.STOCK_SHORTAGE,
        dim: 'family',
        value: 'ELECTRICAL',
        owner: 'replenishment',
        addressedTo: Team.PROCUREMENT,
        inSlice: (o: PlannedOrder) => o.lineSkus.some((sku) => FAMILY_OF.get(sku) === 'ELECTRICAL'),
      },
    ];
    for (const { category, dim, value, owner, addressedTo, inSlice } of cases) {
      const { N, K, n, k } = counted(category, inSlice);
      const lift = k / n / (K / N);
      const [first] = await rootCauses.strongest(1, category);
      expect(first).toEqual({
        id: expect.any(String),
        category,
        dimensions: { [dim]: value },
        support: k / N,
        lift,
        pValue: fisherUpperTail(k, N, K, n),
        adjustedPValue: expect.any(Number),
        addressedTo,
        owner,
        rank: 1,
        units: n,
        count: k,
        baseline: K / N,
        summary:
          `${category} on ${wholePercent(k / n)} of orders where ${dim} = ${value} (${k} of ${n}) ` +
          `against ${wholePercent(K / N)} overall: ${lift.toFixed(1)}× the rate (p < 0.001)`,
        detectedAt: NOW,
      });
      expect(first.adjustedPValue).toBeLessThan(0.05);
      expect(first.adjustedPValue).toBeGreaterThanOrEqual(first.pValue);

      // Each category's findings are ranked 1, 2, … in the order the analysis returned them.
      const ofCategory = (findings ?? []).filter((f) => f.category === category);
      const ranked = await rootCauses.strongest(100, category);
      expect(ranked.map((f) => [f.rank, f.dimensions, f.adjustedPValue])).toEqual(
        ofCategory.map((f, i) => [
          i + 1,
          Object.fromEntries(f.slice.map((c) => [c.dim, c.value])),
          f.adjustedPValue,
        ]),
      );
    }

    // The strongest findings overall are each category's first: only these two were planted.
    const strongest = await rootCauses.strongest(2);
    expect(strongest.map((f) => [f.category, f.rank]).sort()).toEqual([
      [ExceptionCategory.PRICE_MISMATCH, 1],
      [ExceptionCategory.STOCK_SHORTAGE, 1],
    ]);
  });

  it('a second refresh replaces the findings instead of adding to them', async () => {
    const before = await stored();
    const findings = await analysis.refresh(NOW);
    const after = await stored();
    expect(after).toHaveLength(before.length);
    expect(after).toHaveLength((findings ?? []).length);
    expect(after.filter((f) => before.some((b) => b.id === f.id))).toEqual([]);
    const content = (rows: RootCauseFindingEntity[]) =>
      rows
        .map(({ id: _id, ...rest }) => rest)
        .sort((a, b) => a.category.localeCompare(b.category) || a.rank - b.rank);
    expect(content(after)).toEqual(content(before));
  });

  it('a second instance refreshing while one holds the lock skips; the findings are written once', async () => {
    const before = await stored();
    // Holding writes to the findings table stops the first refresh right after it has taken the
    // lock and computed, so the second one certainly runs while the lock is held.
    const blocker = db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE "analytics"."root_cause_finding" IN SHARE MODE`);
    const first = analysis.refresh(NOW);
    try {
      for (let waited = 0; ; waited += 10) {
        const [{ waiting }]: { waiting: number }[] = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_locks
            WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND relation = '"analytics"."root_cause_finding"'::regclass`,
        );
        if (waiting > 0) break;
        if (waited > 5_000) throw new Error('the first refresh never reached the findings table');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const otherInstance = new RootCauseAnalysisService(db, settings, logger);
      expect(await otherInstance.refresh(NOW)).toBeNull();
      expect(await stored()).toEqual(before);
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const findings = await first;
    const after = await stored();
    expect(after).toHaveLength(before.length);
    expect(after).toHaveLength((findings ?? []).length);
  });
});
