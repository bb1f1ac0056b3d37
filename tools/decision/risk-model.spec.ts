import { driftAlerts, featureDrift, RISK_FEATURES, riskFeatures, type RiskInput } from '@ordex/decision';
import {
  evaluate,
  evaluateScores,
  oversee,
  oversightSummary,
  oversightTable,
  parseRiskRun,
  scoreHeldOut,
  trainOn,
} from './risk-run';
import { simulatedRiskHistory, splitByTime } from './risk-history';

/** The service-risk model on the simulator's history, against the rules it must beat. */
describe('service risk on simulated history', () => {
  const rows = simulatedRiskHistory({ seed: 5, orders: 4_000, start: '2026-09-01' });

  it('follows orders from arrival to shipment: in time order, clean orders on time, the rest late at times', () => {
    expect(rows.length).toBeGreaterThan(3_500);
    expect(rows.length).toBeLessThanOrEqual(4_000);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].input.orderedAt.getTime()).toBeGreaterThanOrEqual(rows[i - 1].input.orderedAt.getTime());
    const clean = rows.filter((r) => r.input.categories.length === 0);
    const fallout = rows.filter((r) => r.input.categories.length > 0);
    expect(clean.filter((r) => r.late)).toEqual([]);
    const lateShare = fallout.filter((r) => r.late).length / fallout.length;
    expect(lateShare).toBeGreaterThan(0.2);
    expect(lateShare).toBeLessThan(0.8);
    expect(new Set(rows.map((r) => r.input.segment))).toEqual(new Set(['KEY_ACCOUNT', 'REGIONAL', 'SMB']));
  });

  it('beats the rules on the later orders it never saw: higher AUC, lower Brier score and log loss', async () => {
    const { train, heldOut } = splitByTime(rows, 0.7);
    expect(train[train.length - 1].input.orderedAt.getTime()).toBeLessThanOrEqual(
      heldOut[0].input.orderedAt.getTime(),
    );
    const quiet = () => undefined;
    const artifact = await trainOn(
      train,
      { orders: 4_000, seed: 5, start: '2026-09-01', trainShare: 0.7, epochs: 30 },
      quiet,
    );
    const result = await evaluate(artifact, heldOut);
    expect(result.orders).toBe(heldOut.length);
    expect(result.model.auc).toBeGreaterThan(result.rules.auc);
    expect(result.model.brier).toBeLessThan(result.rules.brier);
    expect(result.model.logLoss).toBeLessThan(result.rules.logLoss);
  }, 60_000);

  describe('drift of the inputs from the training orders', () => {
    const { train, heldOut } = splitByTime(rows, 0.7);
    const reference = train.map((r) => riskFeatures(r.input));
    const driftTo = (current: readonly RiskInput[]) =>
      featureDrift(
        reference,
        current.map((input) => riskFeatures(input)),
        RISK_FEATURES,
      );
    const alerted = (current: readonly RiskInput[]) => driftAlerts(driftTo(current)).map((a) => a.feature);

    it('names the customer and calendar features when only SMB orders at month end arrive', () => {
      const smbMonthEnd = train
        .filter((r) => r.input.segment === 'SMB' && r.input.monthEnd)
        .map((r) => r.input);
      expect(smbMonthEnd.length).toBeGreaterThan(100);
      const names = alerted(smbMonthEnd);
      // The two features selected on lead: every order is now at month end and SMB, where the
      // training orders were a minority of each.
      expect(names.slice(0, 2)).toEqual(['month_end', 'segment_SMB']);
      expect(names).toEqual(expect.arrayContaining(['segment_KEY_ACCOUNT', 'segment_REGIONAL']));
      // The orders' promises were not selected on, and their slack stays below the alert.
      expect(names).not.toContain('slack_working_days');
      expect(names).not.toContain('due_within_a_day');
    });

    it('names the slack features, and only them, when every promise comes a week sooner', () => {
      // Seven calendar days hold five working days: each order's slack falls by five (floored at 0).
      const weekSooner = train.map((r) => ({
        ...r.input,
        requestedDate: new Date(Date.parse(`${r.input.requestedDate}T00:00:00Z`) - 7 * 86_400_000)
          .toISOString()
          .slice(0, 10),
      }));
      expect(alerted(weekSooner)).toEqual(['slack_working_days', 'due_within_a_day']);
    });

    it('on the real later orders: the customer mix holds, the slack and the recent exceptions drift', () => {
      const report = driftTo(heldOut.map((r) => r.input));
      // What is true of this history (seed 5, orders from September to early January, the last
      // 30% held out from December). Two features drift past 0.25 and the others stay
      // stable. The recent-exception count is built from the history itself: September's orders
      // see less than 30 days of it, and the count keeps climbing as exceptions accumulate, so the
      // later orders carry more. The slack drifts because the simulator moves a requested date
      // past days whose distribution centre is full, and December's days fill up: promises 9 or
      // more working days away go from a few per cent of the training orders to a fifth or more of
      // the held-out ones. The model is therefore scored, and a drift alert would be raised, on
      // later promises further out than it learned from.
      expect(driftAlerts(report).map((a) => a.feature)).toEqual([
        'log_recent_exceptions',
        'slack_working_days',
      ]);
      for (const f of report.features.slice(2)) expect(f.level).toBe('stable');
      const farShare = (rs: typeof rows) =>
        rs.filter((r) => riskFeatures(r.input)[0] >= 9).length / rs.length;
      expect(farShare(train)).toBeLessThan(0.06);
      expect(farShare(heldOut)).toBeGreaterThan(0.2);
    });
  });

  it('oversees the model on the later orders: each segment and tier, bias flags and drift, for npm run eval', async () => {
    const { train, heldOut } = splitByTime(rows, 0.7);
    const options = { orders: 4_000, seed: 5, start: '2026-09-01', trainShare: 0.7, epochs: 30 };
    const artifact = await trainOn(train, options, () => undefined);
    const scored = await scoreHeldOut(artifact, heldOut);
    expect(evaluateScores(heldOut, scored)).toEqual(await evaluate(artifact, heldOut));
    const o = oversee(train, heldOut, scored);
    expect(o.groups.map((g) => g.group)).toEqual([
      'segment KEY_ACCOUNT',
      'segment REGIONAL',
      'segment SMB',
      'tier BRONZE',
      'tier GOLD',
      'tier PLATINUM',
      'tier SILVER',
    ]);
    // Each partition covers every held-out order once, and the rules are scored on the same orders.
    const total = (prefix: string) =>
      o.groups.filter((g) => g.group.startsWith(prefix)).reduce((sum, g) => sum + g.model.count, 0);
    expect(total('segment ')).toBe(heldOut.length);
    expect(total('tier ')).toBe(heldOut.length);
    for (const g of o.groups) {
      expect(g.rules.count).toBe(g.model.count);
      expect(g.rules.positives).toBe(g.model.positives);
    }
    // Every group has 50 orders or more, and the trained model is within 5 points of each group's
    // late rate (it predicts a little high everywhere, 1.5 to 2.8 points) at well under 1.5 times
    // the overall Brier score: no group is flagged.
    expect(o.bias).toEqual({ judged: 7, flagged: [] });
    expect(o.alerts.map((a) => a.feature)).toEqual(['log_recent_exceptions', 'slack_working_days']);
    const summary = oversightSummary(o);
    expect(summary.drift).toEqual({
      maxPsi: Math.round(o.drift.features[0].psi * 1e6) / 1e6,
      feature: 'log_recent_exceptions',
      alerts: 2,
    });
    expect(summary.bias).toEqual({
      judged: o.bias.judged,
      flagged: o.bias.flagged.map((f) => ({ group: f.group, reasons: f.reasons })),
    });
    const table = oversightTable(o).split('\n');
    expect(table.slice(0, 2)).toEqual([
      "by customer segment and tier (predicted: the model's mean probability)",
      'group                orders   late predicted AUC model AUC rules Brier model Brier rules',
    ]);
    expect(table).toContain('drift alerts: 2');
    expect(table.filter((l) => / (stable|moderate|significant)$/.test(l))).toHaveLength(5);
  }, 60_000);

  it('checks its options', () => {
    expect(parseRiskRun(['--orders', '500', '--out', 'x.json'], 'out')).toEqual({
      options: { orders: 500, seed: 11, start: '2026-09-01', trainShare: 0.7, epochs: 30 },
      file: 'x.json',
    });
    expect(() => parseRiskRun(['--orders', '5'], 'out')).toThrow('--orders must be a whole number from 100');
    expect(() => parseRiskRun(['--train-share', '1'], 'model')).toThrow(
      '--train-share must be between 0 and 1',
    );
    expect(() => parseRiskRun(['--start', 'May'], 'model')).toThrow('--start must be YYYY-MM-DD');
    expect(() => parseRiskRun(['--out', 'x'], 'model')).toThrow(/Unknown option '--out'/);
  });
});
