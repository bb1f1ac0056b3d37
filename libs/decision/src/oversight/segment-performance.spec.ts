import { biasReport, performanceBySegment, type SegmentRow } from './segment-performance';

/** `count` rows of one group, all predicted `probability`, the first `positives` of them late. */
function group(name: string, count: number, probability: number, positives: number): SegmentRow[] {
  return Array.from({ length: count }, (_, i) => ({
    group: name,
    probability,
    label: i < positives ? 1 : 0,
  }));
}

describe('performance by segment', () => {
  it('gives each group its count, AUC, Brier score and calibration in the large', () => {
    // Probabilities in eighths, so every sum below is exact in binary.
    // A: positives at 0.75 and 0.25, negatives at 0.5 and 0.125. Of the 4 pairs, 0.25 < 0.5 is the
    //    one misordered: AUC 3/4. Brier (0.0625 + 0.25 + 0.5625 + 0.015625) / 4 = 0.22265625.
    //    Mean prediction 1.625 / 4 = 0.40625 against 2 of 4 late: gap −0.09375.
    // B: two negatives at 0.25 and 0.5: no AUC. Brier (0.0625 + 0.25) / 2 = 0.15625; mean 0.375, none late.
    const rows: SegmentRow[] = [
      { group: 'B', probability: 0.25, label: 0 },
      { group: 'A', probability: 0.75, label: 1 },
      { group: 'A', probability: 0.5, label: 0 },
      { group: 'B', probability: 0.5, label: 0 },
      { group: 'A', probability: 0.25, label: 1 },
      { group: 'A', probability: 0.125, label: 0 },
    ];
    const report = performanceBySegment(rows);
    expect(report.groups).toEqual([
      {
        group: 'A',
        count: 4,
        positives: 2,
        auc: 0.75,
        brier: 0.22265625,
        meanPredicted: 0.40625,
        observedRate: 0.5,
        calibrationGap: -0.09375,
      },
      {
        group: 'B',
        count: 2,
        positives: 0,
        auc: null,
        brier: 0.15625,
        meanPredicted: 0.375,
        observedRate: 0,
        calibrationGap: 0.375,
      },
    ]);
    // All six: positives 0.75 and 0.25 against negatives 0.5, 0.125, 0.25, 0.5. 0.75 beats all
    // four; 0.25 beats 0.125, ties 0.25 (a half) and loses to both 0.5s: (4 + 1.5) / 8 = 0.6875.
    // Brier (0.890625 + 0.3125) / 6; mean prediction 2.375 / 6; 2 of 6 late.
    expect(report.overall).toEqual({
      group: 'all',
      count: 6,
      positives: 2,
      auc: 0.6875,
      brier: 1.203125 / 6,
      meanPredicted: 2.375 / 6,
      observedRate: 2 / 6,
      calibrationGap: 2.375 / 6 - 2 / 6,
    });
  });

  it('refuses an empty list and a label that is not 0 or 1', () => {
    expect(() => performanceBySegment([])).toThrow('no predictions to assess');
    expect(() => performanceBySegment([{ group: 'A', probability: 0.5, label: 2 as 1 }])).toThrow(
      'label 2 of group A is not 0 or 1',
    );
  });
});

describe('bias report', () => {
  // Three calibrated groups and one the model under-warns: SMB is predicted 10% late but 30% is.
  //   KEY_ACCOUNT 200 at 5%, 10 late: Brier 0.05·0.95² + 0.95·0.05² = 0.0475, gap 0
  //   REGIONAL    100 at 10%, 10 late: Brier 0.1·0.9² + 0.9·0.1² = 0.09, gap 0
  //   SMB         100 at 10%, 30 late: Brier 0.3·0.81 + 0.7·0.01 = 0.25, gap −0.2
  //   NEW          20 at 90%, none late: Brier 0.81, gap +0.9, but too few rows to judge
  // Overall Brier (9.5 + 9 + 25 + 16.2) / 420 = 0.142143; SMB's is 0.25 / 0.142143 = 1.76 times it.
  const rows = [
    ...group('KEY_ACCOUNT', 200, 0.05, 10),
    ...group('REGIONAL', 100, 0.1, 10),
    ...group('SMB', 100, 0.1, 30),
    ...group('NEW', 20, 0.9, 0),
  ];

  it('flags the miscalibrated group, on both counts, and not the calibrated ones or the small one', () => {
    const report = biasReport(rows);
    expect(report.options).toEqual({ brierFactor: 1.5, maxCalibrationGap: 0.05, minRows: 50 });
    expect(report.overall.brier).toBeCloseTo(59.7 / 420, 12);
    expect(report.tooSmall).toEqual(['NEW']);
    expect(report.flagged).toHaveLength(1);
    const [smb] = report.flagged;
    expect(smb).toMatchObject({ group: 'SMB', count: 100, reasons: ['brier', 'calibration'] });
    expect(smb.brierRatio).toBeCloseTo(0.25 / (59.7 / 420), 10);
    expect(smb.calibrationGap).toBeCloseTo(-0.2, 12);
    expect(smb.message).toBe(
      'SMB (100 rows): Brier 0.2500 is 1.76× the overall 0.1421; it predicts 10.0% on average where 30.0% happened',
    );
  });

  it('takes its limits as options', () => {
    // A factor of 2 clears SMB's Brier score (1.76×) but not its calibration gap.
    expect(biasReport(rows, { brierFactor: 2 }).flagged.map((f) => [f.group, f.reasons])).toEqual([
      ['SMB', ['calibration']],
    ]);
    // With no minimum, NEW is judged too: 0.81 is 5.7 times overall, and it predicts 90% where none happened.
    expect(biasReport(rows, { minRows: 1 }).flagged.map((f) => [f.group, f.reasons])).toEqual([
      ['NEW', ['brier', 'calibration']],
      ['SMB', ['brier', 'calibration']],
    ]);
    // A gap limit above 0.2 and a factor above 1.76 flag nothing.
    expect(biasReport(rows, { brierFactor: 2, maxCalibrationGap: 0.25 }).flagged).toEqual([]);
  });
});
