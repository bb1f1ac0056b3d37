import {
  createEvent,
  CustomerSegment,
  CustomerTier,
  OrderStatus,
  Region,
  type Order,
} from '@ordex/contracts';
import { brierScore, rocAuc } from '@ordex/decision';
import { ServiceMetrics } from '@ordex/platform';
import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { analyticsTestDatabase } from '../analytics-database.test-support';
import { caseActivityRecord } from '../event-log/domain/event-log-record.util';
import { EventLogService } from '../event-log/event-log.service';
import { ProcessFactsService } from '../facts/process-facts.service';
import { KpiLedgerService } from '../kpis/kpi-ledger.service';
import { ActionOutcomesService } from '../outcomes/action-outcomes.service';
import type { KpiSettings } from '../kpis/kpi.settings';
import { OversightMetricsService } from './oversight-metrics.service';
import { ServiceRiskOversightService } from './service-risk-oversight.service';

const settings: KpiSettings = { timeZone: 'Europe/Berlin', recurrenceWindowDays: 30 };

/**
 * Orders promised a date, assessed once with a service-risk decision (the cases service's
 * `case.assessed` step), then shipped on time or late: oversight reads them back exactly.
 */
describe('service-risk oversight (PostgreSQL)', () => {
  let db: DataSource;
  let close: () => Promise<void>;
  let facts: ProcessFactsService;
  let eventLog: EventLogService;
  let oversight: ServiceRiskOversightService;
  let seq = 0;

  const inTx = (work: (tx: EntityManager) => Promise<void>) => db.transaction(work);
  const order = (
    orderNumber: string,
    customerId: string,
    status: OrderStatus,
    erpVersion: number,
  ): Order => ({
    orderNumber,
    customerId,
    shipToId: `${customerId}-S`,
    erpVersion,
    currency: 'EUR',
    orderedOn: '2026-11-02',
    requestedDate: '2026-11-05',
    status,
    lines: [{ lineNo: 1, sku: 'SKU-A', quantity: 1, unitPrice: 100 }],
  });

  /** One order: received, assessed with `probability` by `source`, shipped on the given local day. */
  async function history(
    n: string,
    customerId: string,
    probability: number,
    source: string,
    shippedOn: string,
  ) {
    await inTx((tx) =>
      facts.orderVersion(tx, order(n, customerId, OrderStatus.RECEIVED, 1), new Date('2026-11-02T08:00:00Z')),
    );
    seq += 1;
    const record = caseActivityRecord(
      createEvent(
        'cases.activity.recorded.v1',
        `K-${n}`,
        {
          activityId: `K-${n}:${seq}`,
          caseId: `K-${n}`,
          orderNumber: n,
          customerId,
          activity: 'case.assessed',
          actor: 'ordex.assessment',
          team: null,
          occurredAt: '2026-11-02T08:01:00Z',
          objects: [
            { type: 'case', id: `K-${n}`, qualifier: 'case' },
            { type: 'order', id: n, qualifier: 'order' },
          ],
          attributes: [
            { name: 'serviceRisk.probability', value: String(probability) },
            { name: 'serviceRisk.source', value: source },
            ...(source === 'model' ? [{ name: 'serviceRisk.modelVersion', value: 'service-risk-v1' }] : []),
          ],
        },
        { source: 'cases', id: `K-${n}:${seq}` },
      ),
    );
    await inTx(async (tx) => {
      if (await eventLog.append(record, tx)) await facts.caseStep(tx, record);
    });
    // Shipped in the afternoon, Berlin time.
    await inTx((tx) =>
      facts.orderVersion(
        tx,
        order(n, customerId, OrderStatus.SHIPPED, 2),
        new Date(`${shippedOn}T14:00:00Z`),
      ),
    );
  }

  beforeAll(async () => {
    ({ db, close } = await analyticsTestDatabase());
    eventLog = new EventLogService(db);
    facts = new ProcessFactsService(new KpiLedgerService(settings), new ActionOutcomesService(db, settings));
    oversight = new ServiceRiskOversightService(db, settings);
    for (const [id, segment, tier] of [
      ['C1', CustomerSegment.KEY_ACCOUNT, CustomerTier.PLATINUM],
      ['C2', CustomerSegment.SMB, CustomerTier.BRONZE],
    ] as const)
      await inTx((tx) =>
        facts.customerChanged(tx, {
          customer: { id, name: id, paymentTermsDays: 30, segment, tier },
          shipTos: [{ id: `${id}-S`, customerId: id, name: id, region: Region.NORTH }],
        }),
      );
    // Promised 2026-11-05: shipped that day is on time, the 6th is late.
    await history('O1', 'C1', 0.9, 'model', '2026-11-06');
    await history('O2', 'C1', 0.2, 'model', '2026-11-05');
    await history('O3', 'C2', 0.7, 'model', '2026-11-05');
    await history('O4', 'C2', 0.6, 'rules', '2026-11-09');
    await history('O5', 'C2', 0.1, 'rules', '2026-11-04');
  }, 60_000);

  afterAll(() => close?.());

  it('judges each order by its first decision and whether it shipped after the date asked for', async () => {
    const report = await oversight.report();
    const p = [0.9, 0.2, 0.7, 0.6, 0.1];
    const y = [1, 0, 0, 1, 0];
    expect(report).toMatchObject({ orders: 5, lateRate: 0.4, fallbackShare: 0.4, alerts: [] });
    expect(report.auc).toBeCloseTo(rocAuc(p, y), 12);
    expect(report.brier).toBeCloseTo(brierScore(p, y), 12);
    expect(report.bySource).toEqual([
      {
        source: 'model',
        modelVersion: 'service-risk-v1',
        orders: 3,
        lateRate: 1 / 3,
        auc: 1,
        brier: expect.closeTo((0.01 + 0.04 + 0.49) / 3, 12),
      },
      {
        source: 'rules',
        modelVersion: null,
        orders: 2,
        lateRate: 0.5,
        auc: 1,
        brier: expect.closeTo((0.16 + 0.01) / 2, 12),
      },
    ]);
    expect(report.groups.map((g) => [g.group, g.count, g.positives])).toEqual([
      ['segment KEY_ACCOUNT', 2, 1],
      ['segment SMB', 3, 1],
      ['tier BRONZE', 3, 1],
      ['tier PLATINUM', 2, 1],
    ]);
  });

  it('a second assessment does not replace the first decision, and a window reads only its shipments', async () => {
    seq += 1;
    const again = caseActivityRecord(
      createEvent(
        'cases.activity.recorded.v1',
        'K-O2',
        {
          activityId: `K-O2:${seq}`,
          caseId: 'K-O2',
          orderNumber: 'O2',
          customerId: 'C1',
          activity: 'case.assessed',
          actor: 'ordex.assessment',
          team: null,
          occurredAt: '2026-11-03T08:00:00Z',
          objects: [
            { type: 'case', id: 'K-O2', qualifier: 'case' },
            { type: 'order', id: 'O2', qualifier: 'order' },
          ],
          attributes: [{ name: 'serviceRisk.probability', value: '0.99' }],
        },
        { source: 'cases', id: `K-O2:${seq}` },
      ),
    );
    await inTx(async (tx) => {
      if (await eventLog.append(again, tx)) await facts.caseStep(tx, again);
    });
    const window = await oversight.report(new Date('2026-11-05T00:00:00Z'), new Date('2026-11-07T00:00:00Z'));
    expect(window.orders).toBe(3);
    expect(window.bySource[0]).toMatchObject({ source: 'model', orders: 3, auc: 1 });
  });

  it('alerts when a decider ranks no better than chance and its probabilities are far off', async () => {
    // Sixty SMB orders all given 0.9 by the rules; one in ten ships late.
    for (let i = 0; i < 60; i++)
      await history(`B${i}`, 'C2', 0.9, 'rules', i % 10 === 0 ? '2026-11-12' : '2026-11-05');
    const report = await oversight.report(new Date('2026-11-05T00:00:00Z'), new Date('2026-11-13T00:00:00Z'));
    expect(report.alerts.map((a) => [a.kind, a.subject])).toEqual(
      expect.arrayContaining([
        ['discrimination', 'rules'],
        ['calibration', 'all'],
      ]),
    );
    // The SMB customer's orders (segment and tier alike) are the ones warned about wrongly.
    expect(report.alerts.filter((a) => a.kind === 'bias').map((a) => a.subject)).toEqual([
      'segment SMB',
      'tier BRONZE',
    ]);
  }, 60_000);

  it('publishes the figures as Prometheus gauges', async () => {
    const metrics = new ServiceMetrics('analytics');
    const gauges = new OversightMetricsService(oversight, metrics, pino({ level: 'silent' }));
    await gauges.refresh(new Date('2026-11-20T00:00:00Z'));
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^ordex_service_risk_orders_judged\{service="analytics"\} 65$/m);
    expect(text).toMatch(/^ordex_service_risk_alerts\{kind="calibration",service="analytics"\} 1$/m);
    expect(text).toMatch(/^ordex_service_risk_alerts\{kind="bias",service="analytics"\} 2$/m);
    expect(text).toMatch(/^ordex_service_risk_auc\{decider="service-risk-v1",service="analytics"\} 1$/m);
    await gauges.onModuleDestroy();
  });
});
