import { evaluate, parseRiskRun, trainOn } from './risk-run';
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
    const artifact = await trainOn(train, {
      orders: 4_000,
      seed: 5,
      start: '2026-09-01',
      trainShare: 0.7,
      epochs: 30,
    });
    const result = await evaluate(artifact, heldOut);
    expect(result.orders).toBe(heldOut.length);
    expect(result.model.auc).toBeGreaterThan(result.rules.auc);
    expect(result.model.brier).toBeLessThan(result.rules.brier);
    expect(result.model.logLoss).toBeLessThan(result.rules.logLoss);
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
