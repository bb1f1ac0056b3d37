import { OrderStatus, type Order } from '@ordex/contracts';
import { brierScore, rocAuc } from '@ordex/decision';
import type { DataSource, EntityManager } from 'typeorm';
import { analyticsTestDatabase } from '../analytics-database.test-support';
import { ProcessFactsService } from '../facts/process-facts.service';
import { KpiLedgerService } from '../kpis/kpi-ledger.service';
import type { KpiSettings } from '../kpis/kpi.settings';
import { ActionOutcomesService } from '../outcomes/action-outcomes.service';
import { ActionRankingOversightService } from './action-ranking-oversight.service';

const settings: KpiSettings = { timeZone: 'Europe/Berlin', recurrenceWindowDays: 30 };

const input = (cost: number, segment: string) => ({
  action: 'ALTERNATE_DC',
  category: 'STOCK_SHORTAGE',
  cost,
  marginEffect: 0,
  dateEffectDays: 0,
  confidence: 0.5,
  automatable: true,
  orderValue: 1_000,
  lines: 2,
  segment,
  monthEnd: false,
  recentExceptions: 0,
  exceptions: 1,
});

/**
 * Actions taken on cases with the learned ranking's prediction and what ordex ranked them on,
 * then settled on orders shipped on time or late, refused by the ERP, or still open: oversight
 * judges the finished ones exactly and compares the window's inputs with the window before.
 */
describe('action-ranking oversight (PostgreSQL)', () => {
  let db: DataSource;
  let close: () => Promise<void>;
  let facts: ProcessFactsService;
  let outcomes: ActionOutcomesService;
  let oversight: ActionRankingOversightService;
  const inTx = (work: (tx: EntityManager) => Promise<void>) => db.transaction(work);
  const order = (orderNumber: string, status: OrderStatus, erpVersion: number): Order => ({
    orderNumber,
    customerId: 'C1',
    shipToId: null,
    erpVersion,
    currency: 'EUR',
    orderedOn: '2026-11-10',
    requestedDate: '2026-11-20',
    status,
    lines: [{ lineNo: 1, sku: 'SKU-A', quantity: 1, unitPrice: 100 }],
  });

  /** One action on its own order: taken at `at`, predicted `p` (null: the rules ranked it), then its fate. */
  async function action(
    n: string,
    at: string,
    p: number | null,
    fate: 'on time' | 'late' | 'refused' | 'open',
    recorded = input(40, 'SMB'),
  ) {
    await inTx(async (tx) => {
      await facts.orderVersion(tx, order(n, OrderStatus.RECEIVED, 1), new Date(at));
      await outcomes.taken(tx, {
        actionId: `A-${n}`,
        caseId: `K-${n}`,
        orderNumber: n,
        exceptionId: `X-${n}`,
        approvalId: null,
        action: 'ALTERNATE_DC',
        rank: 1,
        byPerson: false,
        takenBy: 'ordex.policy',
        takenAt: new Date(at),
        cost: 40,
        rankingInput: recorded,
        successProbability: p,
        rankingModel: p === null ? null : 'action-outcome-v1',
      });
      if (fate === 'refused') await outcomes.commandAnswered(tx, `A-${n}`, 'REJECTED', new Date(at));
      if (fate === 'on time' || fate === 'late') {
        await outcomes.commandAnswered(tx, `A-${n}`, 'ACCEPTED', new Date(at));
        await outcomes.exceptionSettled(tx, `X-${n}`, new Date(at));
        // Promised the 20th: shipped that afternoon (Berlin) is on time, the 23rd late.
        const shipped = fate === 'on time' ? '2026-11-20T14:00:00Z' : '2026-11-23T14:00:00Z';
        await facts.orderVersion(tx, order(n, OrderStatus.SHIPPED, 2), new Date(shipped));
      }
    });
  }

  // The window judged: 2026-11-10 … 11-20; the window before: 11-01 … 11-10.
  const FROM = new Date('2026-11-10T00:00:00Z');
  const TO = new Date('2026-11-20T00:00:00Z');
  const p: number[] = [];
  const y: number[] = [];

  beforeAll(async () => {
    ({ db, close } = await analyticsTestDatabase());
    outcomes = new ActionOutcomesService(db, settings);
    facts = new ProcessFactsService(new KpiLedgerService(settings), outcomes);
    oversight = new ActionRankingOversightService(outcomes);
    // A model that has it backwards: sure of the transfers that fail, doubtful of those that work.
    for (let i = 0; i < 60; i++) {
      const works = i % 3 !== 0;
      const probability = works ? 0.2 : 0.9;
      const fate = works ? 'on time' : i % 2 === 0 ? 'late' : 'refused';
      await action(`N${i}`, `2026-11-1${i % 9}T09:00:00Z`, probability, fate, input(400, 'KEY_ACCOUNT'));
      p.push(probability);
      y.push(works ? 1 : 0);
    }
    // Not judged: ranked by the rules, still open, or settled on an order not shipped yet.
    await action('R1', '2026-11-12T09:00:00Z', null, 'on time', input(400, 'KEY_ACCOUNT'));
    await action('P1', '2026-11-12T09:00:00Z', 0.7, 'open', input(400, 'KEY_ACCOUNT'));
    // The window before: cheap transfers for small customers.
    for (let i = 0; i < 60; i++) await action(`B${i}`, `2026-11-0${1 + (i % 8)}T09:00:00Z`, 0.5, 'on time');
  }, 120_000);

  afterAll(() => close?.());

  it('judges the finished actions the model ranked against the recommender’s confidence', async () => {
    const report = await oversight.report(FROM, TO);
    expect(report.actions).toBe(60);
    expect(report.successRate).toBeCloseTo(40 / 60, 12);
    expect(report.byModel).toHaveLength(1);
    const [model] = report.byModel;
    expect(model).toMatchObject({ modelVersion: 'action-outcome-v1', actions: 60 });
    expect(model.auc).toBeCloseTo(rocAuc(p, y), 12);
    expect(model.brier).toBeCloseTo(brierScore(p, y), 12);
    expect(model.baselineAuc).toBeCloseTo(0.5, 12);
    expect(model.baselineBrier).toBeCloseTo(0.25, 12);
    expect(report.calibration.reduce((n, bin) => n + bin.count, 0)).toBe(60);
  });

  it('alerts on a model worse than chance, worse than the confidence it replaces, and on drifted inputs', async () => {
    const report = await oversight.report(FROM, TO);
    const kinds = report.alerts.map((a) => `${a.kind} ${a.subject}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'discrimination action-outcome-v1',
        'calibration action-outcome-v1',
        'drift log_cost',
        'drift segment_KEY_ACCOUNT',
      ]),
    );
    expect(report.drift[0].psi).toBeGreaterThan(0.25);
    expect(report.drift.length).toBeLessThanOrEqual(10);
  });

  it('stays quiet on a window of no judged actions and none before', async () => {
    const report = await oversight.report(new Date('2027-01-01T00:00:00Z'), new Date('2027-02-01T00:00:00Z'));
    expect(report).toEqual({
      actions: 0,
      successRate: 0,
      byModel: [],
      calibration: [],
      drift: [],
      alerts: [],
    });
  });
});
