import {
  benjaminiHochberg,
  DEFAULT_FINDING_OWNERS,
  fisherUpperTail,
  monthEndWindow,
  ObservationUnit,
  overRepresentedSlices,
  rootCauseFindings,
  SliceFinding,
  SliceMiningOptions,
  timeDimensions,
} from './root-causes.util';

const T0 = Date.parse('2026-11-18T10:00:00.000Z');
const PM = 'PRICE_MISMATCH';

function unit(dims: ObservationUnit['dims'], categories: string[] = [], at = T0): ObservationUnit {
  return { at, dims, categories };
}

/** `count` orders alike in their dims, PRICE_MISMATCH on the first `cases` of them. */
function orders(dims: ObservationUnit['dims'], count: number, cases: number): ObservationUnit[] {
  return Array.from({ length: count }, (_, i) => unit(dims, i < cases ? [PM] : []));
}

/** A finding as its slice and `cases/units`, to compare whole result lists exactly. */
function counted(finding: SliceFinding): string {
  return `${keyOf(finding)} ${finding.count}/${finding.units}`;
}

/** Test everything, report everything: only the pair rule and the BH family remain. */
const PERMISSIVE: SliceMiningOptions = { minSliceUnits: 0, minCount: 0, minLift: 0, alpha: 1 };

/** A slice as `dim=value & dim=value`, to compare orders at a glance. */
function keyOf(finding: Pick<SliceFinding, 'slice'>): string {
  return finding.slice.map(({ dim, value }) => `${dim}=${value}`).join(' & ');
}

type Expected = Omit<SliceFinding, 'category' | 'slice'> & { key: string };

/** Counts exactly, rates and p-values to 12 decimals. */
function expectFindings(actual: SliceFinding[], expected: Expected[]): void {
  expect(actual.map(keyOf)).toEqual(expected.map((e) => e.key));
  actual.forEach((finding, i) => {
    const want = expected[i];
    expect([finding.units, finding.count]).toEqual([want.units, want.count]);
    for (const field of ['support', 'confidence', 'lift', 'pValue', 'adjustedPValue', 'baseline'] as const) {
      expect(finding[field]).toBeCloseTo(want[field], 12);
    }
  });
}

/**
 * Ten orders, PRICE_MISMATCH on four of them (N = 10, K = 4, baseline 0.4):
 *   #   segment   tier    PRICE_MISMATCH
 *   1   REGIONAL  GOLD    yes
 *   2   REGIONAL  GOLD    yes
 *   3   REGIONAL  SILVER  yes
 *   4   REGIONAL  SILVER
 *   5   NATIONAL  GOLD    yes
 *   6   NATIONAL  GOLD
 *   7   NATIONAL  GOLD
 *   8–10 NATIONAL SILVER
 *
 * Fisher p = P(X ≥ k), X ~ Hypergeometric(N = 10, K = 4, n):
 *   segment=REGIONAL  n=4 k=3  [C(4,3)C(6,1) + C(4,4)C(6,0)] / C(10,4) = (24 + 1) / 210 = 25/210
 *   tier=GOLD         n=5 k=3  [C(4,3)C(6,2) + C(4,4)C(6,1)] / C(10,5) = (60 + 6) / 252 = 55/210
 *   tier=SILVER       n=5 k=1  1 − C(6,5)/C(10,5) = 1 − 6/252 = 205/210
 *   segment=NATIONAL  n=6 k=1  1 − C(6,6)/C(10,6) = 1 − 1/210 = 209/210
 *   REGIONAL∧GOLD     n=2 k=2  C(4,2)/C(10,2) = 6/45 = 28/210
 *   REGIONAL∧SILVER   n=2 k=1  1 − C(6,2)/C(10,2) = 1 − 15/45 = 140/210
 *   NATIONAL∧GOLD     n=3 k=1  1 − C(6,3)/C(10,3) = 1 − 20/120 = 175/210
 *   NATIONAL∧SILVER   n=3 k=0  1
 * Lifts (k/n) / 0.4: REGIONAL 1.875, GOLD 1.5, SILVER 0.5, NATIONAL 5/12, REGIONAL∧GOLD 2.5,
 * REGIONAL∧SILVER 1.25, NATIONAL∧GOLD 5/6, NATIONAL∧SILVER 0.
 */
const tiny: ObservationUnit[] = [
  unit({ segment: 'REGIONAL', tier: 'GOLD' }, [PM]),
  unit({ segment: 'REGIONAL', tier: 'GOLD' }, [PM]),
  unit({ segment: 'REGIONAL', tier: 'SILVER' }, [PM]),
  unit({ segment: 'REGIONAL', tier: 'SILVER' }),
  unit({ segment: 'NATIONAL', tier: 'GOLD' }, [PM]),
  unit({ segment: 'NATIONAL', tier: 'GOLD' }),
  unit({ segment: 'NATIONAL', tier: 'GOLD' }),
  unit({ segment: 'NATIONAL', tier: 'SILVER' }),
  unit({ segment: 'NATIONAL', tier: 'SILVER' }),
  unit({ segment: 'NATIONAL', tier: 'SILVER' }),
];

const REGIONAL = { key: 'segment=REGIONAL', units: 4, count: 3, support: 0.3, confidence: 0.75, lift: 1.875 };
const GOLD = { key: 'tier=GOLD', units: 5, count: 3, support: 0.3, confidence: 0.6, lift: 1.5 };
const SILVER = { key: 'tier=SILVER', units: 5, count: 1, support: 0.1, confidence: 0.2, lift: 0.5 };
const NATIONAL = {
  key: 'segment=NATIONAL',
  units: 6,
  count: 1,
  support: 0.1,
  confidence: 1 / 6,
  lift: 5 / 12,
};
const REGIONAL_GOLD = {
  key: 'segment=REGIONAL & tier=GOLD',
  units: 2,
  count: 2,
  support: 0.2,
  confidence: 1,
  lift: 2.5,
};

describe('fisherUpperTail', () => {
  it('is the hypergeometric upper tail P(X ≥ k)', () => {
    expect(fisherUpperTail(3, 10, 4, 4)).toBeCloseTo(25 / 210, 15);
    // C(4,2)/C(8,2) = 6/28
    expect(fisherUpperTail(2, 8, 4, 2)).toBeCloseTo(3 / 14, 15);
    expect(fisherUpperTail(1, 10, 4, 6)).toBeCloseTo(209 / 210, 15);
  });

  it('gives the same tail through either mirrored form', () => {
    // All 5 successes among 60 of 100 draws: C(95,55)/C(100,60) = (60·59·58·57·56)/(100·99·98·97·96)
    const allFive = 655_381_440 / 9_034_502_400;
    expect(fisherUpperTail(5, 100, 5, 60)).toBeCloseTo(allFive, 12);
    expect(fisherUpperTail(5, 100, 60, 5)).toBeCloseTo(allFive, 12);
  });

  it('keeps its digits where 1 − cdf would read 0', () => {
    // All 20 successes drawn in 20 draws from 200: exactly 1 / C(200, 20), about 6.2e-28.
    let ways = 1n;
    for (let i = 0n; i < 20n; i++) ways = (ways * (200n - i)) / (i + 1n);
    const p = fisherUpperTail(20, 200, 20, 20);
    expect(p).toBeGreaterThan(0);
    expect(p * Number(ways)).toBeCloseTo(1, 10);
  });

  it('is 1 for k ≤ 0, 0 beyond min(n, K), and rejects impossible tables', () => {
    expect(fisherUpperTail(0, 10, 4, 4)).toBe(1);
    expect(fisherUpperTail(5, 10, 4, 6)).toBe(0);
    expect(() => fisherUpperTail(1, 10, 11, 4)).toThrow(RangeError);
    expect(() => fisherUpperTail(1.5, 10, 4, 4)).toThrow(RangeError);
  });
});

describe('benjaminiHochberg', () => {
  it('adjusts step-up and returns the values in input order', () => {
    // sorted 0.005, 0.01, 0.03, 0.04, 0.2 (m = 5); p·5/r = 0.025, 0.025, 0.05, 0.05, 0.2;
    // running minimum from the largest down leaves them as they are.
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]);
    [0.025, 0.05, 0.05, 0.025, 0.2].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 15));
  });

  it('lets a larger p-value pull a smaller one down', () => {
    // r=2: 0.041·2/2 = 0.041; r=1: min(0.041, 0.04·2/1 = 0.08) = 0.041
    expect(benjaminiHochberg([0.04, 0.041])).toEqual([0.041, 0.041]);
    // r=3: 0.95; r=2: min(0.95, 0.9·3/2) = 0.95; r=1: min(0.95, 0.8·3) = 0.95 (never above 1)
    benjaminiHochberg([0.9, 0.95, 0.8]).forEach((adjusted) => expect(adjusted).toBeCloseTo(0.95, 15));
  });

  it('gives ties the same value and handles the empty family', () => {
    expect(benjaminiHochberg([0.02, 0.02, 0.5])).toEqual([0.03, 0.03, 0.5]);
    expect(benjaminiHochberg([])).toEqual([]);
    expect(() => benjaminiHochberg([Number.NaN])).toThrow(RangeError);
  });
});

describe('overRepresentedSlices', () => {
  it('computes N, K, n, k, lift, the Fisher p and BH over the single slices', () => {
    // m = 4; sorted 25/210, 55/210, 205/210, 209/210
    // r4: 209/210; r3: min(209/210, 205/210·4/3) = 209/210; r2: min(209/210, 55/210·2) = 11/21;
    // r1: min(11/21, 25/210·4 = 10/21) = 10/21
    const findings = overRepresentedSlices(tiny, { ...PERMISSIVE, maxDimensionsPerSlice: 1 });
    expect(findings.every((f) => f.category === PM)).toBe(true);
    expectFindings(findings, [
      { ...REGIONAL, pValue: 25 / 210, adjustedPValue: 10 / 21, baseline: 0.4 },
      { ...GOLD, pValue: 55 / 210, adjustedPValue: 11 / 21, baseline: 0.4 },
      // equal adjusted p: higher lift first
      { ...SILVER, pValue: 205 / 210, adjustedPValue: 209 / 210, baseline: 0.4 },
      { ...NATIONAL, pValue: 209 / 210, adjustedPValue: 209 / 210, baseline: 0.4 },
    ]);
  });

  it('tests pairs in the same family and keeps only those that outgrow both parents', () => {
    // m = 8; sorted 25, 28, 55, 140, 175, 205, 209 (/210) and 1; p·8/r:
    // r8..r4 ≥ 1 → 1; r3: 55/210·8/3 = 44/63; r2: 28/210·4 = 8/15; r1: min(8/15, 25/210·8 = 20/21) = 8/15
    // REGIONAL∧GOLD: 2.5 ≥ 1.25·1.875 = 2.34375 and ≥ 1.25·1.5 → kept
    // REGIONAL∧SILVER: 1.25 < 1.25·1.875; NATIONAL∧GOLD: 5/6 < 1.25·1.5; NATIONAL∧SILVER: 0 → dropped
    const findings = overRepresentedSlices(tiny, PERMISSIVE);
    expectFindings(findings, [
      { ...REGIONAL_GOLD, pValue: 28 / 210, adjustedPValue: 8 / 15, baseline: 0.4 },
      { ...REGIONAL, pValue: 25 / 210, adjustedPValue: 8 / 15, baseline: 0.4 },
      { ...GOLD, pValue: 55 / 210, adjustedPValue: 44 / 63, baseline: 0.4 },
      { ...SILVER, pValue: 205 / 210, adjustedPValue: 1, baseline: 0.4 },
      { ...NATIONAL, pValue: 209 / 210, adjustedPValue: 1, baseline: 0.4 },
    ]);
  });

  it('drops a pair that does not beat a parent by pairLiftGain, without shrinking the family', () => {
    // 2.5 < 1.4 · 1.875 = 2.625
    const findings = overRepresentedSlices(tiny, { ...PERMISSIVE, pairLiftGain: 1.4 });
    expect(findings.map(keyOf)).toEqual(['segment=REGIONAL', 'tier=GOLD', 'tier=SILVER', 'segment=NATIONAL']);
    expect(findings[0].adjustedPValue).toBeCloseTo(8 / 15, 12);
  });

  it('only tests slices with minSliceUnits units', () => {
    // n ≥ 5: GOLD, SILVER, NATIONAL (m = 3); r3: 209/210; r2: min(209/210, 205/210·3/2) = 209/210;
    // r1: min(209/210, 55/210·3) = 165/210 = 11/14
    const findings = overRepresentedSlices(tiny, { ...PERMISSIVE, minSliceUnits: 5 });
    expectFindings(findings, [
      { ...GOLD, pValue: 55 / 210, adjustedPValue: 11 / 14, baseline: 0.4 },
      { ...SILVER, pValue: 205 / 210, adjustedPValue: 209 / 210, baseline: 0.4 },
      { ...NATIONAL, pValue: 209 / 210, adjustedPValue: 209 / 210, baseline: 0.4 },
    ]);
  });

  it('reports only slices with minCount cases, still adjusting over every tested slice', () => {
    const findings = overRepresentedSlices(tiny, { ...PERMISSIVE, minCount: 2 });
    expect(findings.map(keyOf)).toEqual(['segment=REGIONAL & tier=GOLD', 'segment=REGIONAL', 'tier=GOLD']);
    expect(findings[1].adjustedPValue).toBeCloseTo(8 / 15, 12);
  });

  it('applies minLift (inclusive) and alpha on the adjusted p-value', () => {
    const single = { ...PERMISSIVE, maxDimensionsPerSlice: 1 } as const;
    expect(overRepresentedSlices(tiny, { ...single, minLift: 1.5 }).map(keyOf)).toEqual([
      'segment=REGIONAL',
      'tier=GOLD',
    ]);
    // adjusted 10/21 ≈ 0.476 passes, 11/21 ≈ 0.524 does not
    expect(overRepresentedSlices(tiny, { ...single, alpha: 0.5 }).map(keyOf)).toEqual(['segment=REGIONAL']);
    // defaults: slices of 20 units at least, adjusted p ≤ 0.01
    expect(overRepresentedSlices(tiny)).toEqual([]);
  });

  it('puts set-valued dims in a slice per distinct value and null dims in none', () => {
    // N = 5, K = 3 (unit 1's duplicate category counts once), baseline 0.6; units 3–5 are in no dc
    // slice, unit 4 and 5 in no family slice; no pair of two family values exists.
    //   dc=X          n=2 k=2  C(3,2)/C(5,2) = 3/10
    //   dc=X∧fam=A    n=2 k=2  3/10
    //   dc=X∧fam=B    n=1 k=1  3/5
    //   family=B      n=1 k=1  3/5
    //   family=A      n=3 k=2  [C(3,2)C(2,1) + C(3,3)C(2,0)] / C(5,3) = 7/10
    //   dc=Y          n=1 k=0  1
    // BH m = 6: r6 1; r5 0.7·6/5 = 0.84; r4 min(0.84, 0.6·6/4 = 0.9) … r1 all 0.84
    const units = [
      unit({ family: ['A', 'B'], dc: 'X' }, [PM, PM]),
      unit({ family: ['A'], dc: 'X' }, [PM]),
      unit({ family: ['A', 'A'], dc: null }),
      unit({ family: [], dc: 'Y' }),
      unit({ family: null }, [PM]),
    ];
    const rate = (k: number, n: number) => ({ support: k / 5, confidence: k / n, lift: k / n / 0.6 });
    const findings = overRepresentedSlices(units, { ...PERMISSIVE, pairLiftGain: 0 });
    expectFindings(findings, [
      { key: 'dc=X', units: 2, count: 2, ...rate(2, 2), pValue: 0.3, adjustedPValue: 0.84, baseline: 0.6 },
      {
        key: 'dc=X & family=A',
        units: 2,
        count: 2,
        ...rate(2, 2),
        pValue: 0.3,
        adjustedPValue: 0.84,
        baseline: 0.6,
      },
      {
        key: 'dc=X & family=B',
        units: 1,
        count: 1,
        ...rate(1, 1),
        pValue: 0.6,
        adjustedPValue: 0.84,
        baseline: 0.6,
      },
      {
        key: 'family=B',
        units: 1,
        count: 1,
        ...rate(1, 1),
        pValue: 0.6,
        adjustedPValue: 0.84,
        baseline: 0.6,
      },
      {
        key: 'family=A',
        units: 3,
        count: 2,
        ...rate(2, 3),
        pValue: 0.7,
        adjustedPValue: 0.84,
        baseline: 0.6,
      },
      { key: 'dc=Y', units: 1, count: 0, ...rate(0, 1), pValue: 1, adjustedPValue: 1, baseline: 0.6 },
    ]);
  });

  it('gives the same findings in the same order whatever the input order', () => {
    const shuffled = [
      tiny[7],
      tiny[2],
      tiny[9],
      tiny[0],
      tiny[5],
      tiny[3],
      tiny[8],
      tiny[1],
      tiny[6],
      tiny[4],
    ];
    // dims given in the other order too
    const reordered = shuffled.map((u) =>
      unit({ tier: u.dims['tier'], segment: u.dims['segment'] }, [...u.categories]),
    );
    expect(overRepresentedSlices(reordered, PERMISSIVE)).toEqual(overRepresentedSlices(tiny, PERMISSIVE));
  });

  it('adds period and weekday dims in a time zone, replacing same-named dims', () => {
    // Mon 30 Nov 2026 is month-end, Wed 18 Nov is not. N = 4, K = 2:
    //   period=month-end / weekday=Mon  n=2 k=2  C(2,2)/C(4,2) = 1/6, lift 2
    //   period=rest-of-month / weekday=Wed  n=2 k=0  1
    // BH m = 4: r4 1, r3 1, r2 1/6·2 = 1/3, r1 min(1/3, 4/6) = 1/3
    const monthEnd = Date.parse('2026-11-30T12:00:00Z');
    const units = [
      unit({ weekday: 'Fri' }, [PM], monthEnd),
      unit({}, [PM], monthEnd),
      unit({}, [], T0),
      unit({ period: 'peak' }, [], T0),
    ];
    const findings = overRepresentedSlices(units, {
      ...PERMISSIVE,
      maxDimensionsPerSlice: 1,
      timeZone: 'UTC',
    });
    const base = { baseline: 0.5, units: 2 };
    expectFindings(findings, [
      {
        key: 'period=month-end',
        ...base,
        count: 2,
        support: 0.5,
        confidence: 1,
        lift: 2,
        pValue: 1 / 6,
        adjustedPValue: 1 / 3,
      },
      {
        key: 'weekday=Mon',
        ...base,
        count: 2,
        support: 0.5,
        confidence: 1,
        lift: 2,
        pValue: 1 / 6,
        adjustedPValue: 1 / 3,
      },
      {
        key: 'period=rest-of-month',
        ...base,
        count: 0,
        support: 0,
        confidence: 0,
        lift: 0,
        pValue: 1,
        adjustedPValue: 1,
      },
      {
        key: 'weekday=Wed',
        ...base,
        count: 0,
        support: 0,
        confidence: 0,
        lift: 0,
        pValue: 1,
        adjustedPValue: 1,
      },
    ]);
  });

  it('places each unit in its own local day even when local midnight falls inside a UTC hour', () => {
    // Asia/Kathmandu is UTC+5:45: 18:00Z is Sun 29 Nov 23:45, 18:30Z is Mon 30 Nov 00:15.
    const units = [
      unit({}, [PM], Date.parse('2026-11-29T18:00:00Z')),
      unit({}, [], Date.parse('2026-11-29T18:30:00Z')),
      unit({}, [], Date.parse('2026-11-29T18:59:00Z')),
    ];
    const findings = overRepresentedSlices(units, {
      ...PERMISSIVE,
      pairLiftGain: 0,
      timeZone: 'Asia/Kathmandu',
    });
    const sizes = Object.fromEntries(findings.map((f) => [keyOf(f), f.units]));
    expect(sizes).toEqual({
      'period=rest-of-month': 1,
      'period=rest-of-month & weekday=Sun': 1,
      'weekday=Sun': 1,
      'period=month-end': 2,
      'period=month-end & weekday=Mon': 2,
      'weekday=Mon': 2,
    });
  });

  it('ranks a planted pair and a planted month-end effect first among 100,000 orders', () => {
    const units = plantedOrders(100_000, 20261130);
    const findings = overRepresentedSlices(units, { timeZone: 'Europe/Berlin' });
    const categories = findings.map((f) => f.category);
    expect(categories).toEqual([...categories].sort());
    expect(findings.find((f) => f.category === PM)?.slice).toEqual([
      { dim: 'segment', value: 'REGIONAL' },
      { dim: 'tier', value: 'GOLD' },
    ]);
    expect(findings.find((f) => f.category === 'STOCK_SHORTAGE')?.slice).toEqual([
      { dim: 'period', value: 'month-end' },
    ]);
  });

  describe('a pair explained by a reported single slice', () => {
    /**
     * Four customers; customer A is the only GOLD one in the north and is REGIONAL, customer B is
     * the only SILVER one in the south and is REGIONAL too:
     *   customer  segment   region  tier    orders  PRICE_MISMATCH
     *   A         REGIONAL  NORTH   GOLD    30      a
     *   B         REGIONAL  SOUTH   SILVER  30      b
     *   C         NATIONAL  NORTH   SILVER  120     12
     *   D         NATIONAL  SOUTH   GOLD    120     12
     */
    const customers = (a: number, b: number): ObservationUnit[] => [
      ...orders({ segment: 'REGIONAL', region: 'NORTH', tier: 'GOLD' }, 30, a),
      ...orders({ segment: 'REGIONAL', region: 'SOUTH', tier: 'SILVER' }, 30, b),
      ...orders({ segment: 'NATIONAL', region: 'NORTH', tier: 'SILVER' }, 120, 12),
      ...orders({ segment: 'NATIONAL', region: 'SOUTH', tier: 'GOLD' }, 120, 12),
    ];

    it('is not reported when it restates the single slice that holds its cases', () => {
      // a = b = 18: N = 300, K = 60, baseline 0.2. REGIONAL 36/60 runs at lift 3; NORTH and GOLD
      // are diluted to 30/150 (lift 1), so NORTH∧GOLD, which is customer A at 18/30 (lift 3),
      // outgrows both parents by far. All 18 of its cases are REGIONAL orders and 3 < 1.25 · 3:
      // it is REGIONAL again, as is SOUTH∧SILVER (customer B). The pairs with segment run at
      // lift 3 too and do not outgrow their parent REGIONAL.
      expect(overRepresentedSlices(customers(18, 18)).map(counted)).toEqual(['segment=REGIONAL 36/60']);
    });

    it('is reported when no single slice holds its cases', () => {
      // The same orders without the segment dim: the pairs are all there is to say.
      const withoutSegment = customers(18, 18).map((u) =>
        unit({ region: u.dims['region'], tier: u.dims['tier'] }, [...u.categories]),
      );
      expect(overRepresentedSlices(withoutSegment).map(counted)).toEqual([
        'region=NORTH & tier=GOLD 18/30',
        'region=SOUTH & tier=SILVER 18/30',
      ]);
    });

    it('is reported when it runs clearly hotter than the single slice that holds its cases', () => {
      // a = 27, b = 9: REGIONAL is still 36/60 (lift 3), but customer A runs at 27/30 (lift
      // 4.5 ≥ 1.25 · 3), so every pair naming it is a cause inside the segment. Customer B's
      // SOUTH∧SILVER (9/30) is not significant.
      expect(overRepresentedSlices(customers(27, 9)).map(counted)).toEqual([
        'region=NORTH & segment=REGIONAL 27/30',
        'region=NORTH & tier=GOLD 27/30',
        'segment=REGIONAL & tier=GOLD 27/30',
        'segment=REGIONAL 36/60',
      ]);
    });

    it('is reported when more than a tenth of its cases lie outside that slice', () => {
      // Customer X, NATIONAL in the north and GOLD, joins with 10 orders and x cases, so
      // NORTH∧GOLD is A and X: 40 orders, 18 + x cases, 18 of them REGIONAL.
      const withX = (x: number) => [
        ...customers(18, 18),
        ...orders({ segment: 'NATIONAL', region: 'NORTH', tier: 'GOLD' }, 10, x),
      ];
      // x = 3: N = 310, K = 63. NORTH∧GOLD 21/40 (lift 2.58) outgrows NORTH and GOLD (33/160,
      // lift 1.01) and stays below 1.25 · REGIONAL's 36/60 (lift 2.95), but only 18 of its 21
      // cases (86%) are REGIONAL orders.
      expect(overRepresentedSlices(withX(3)).map(counted)).toEqual([
        'segment=REGIONAL 36/60',
        'region=NORTH & tier=GOLD 21/40',
      ]);
      // x = 2: NORTH∧GOLD 20/40 (lift 2.5 < 1.25 · 3), and 18 of its 20 cases, exactly nine in
      // ten, are REGIONAL orders.
      expect(overRepresentedSlices(withX(2)).map(counted)).toEqual(['segment=REGIONAL 36/60']);
    });
  });

  it('finds an interaction that neither of its single slices shows', () => {
    // PRICE_MISMATCH runs high only on HVAC orders in the south. N = 400, K = 55: HVAC and SOUTH
    // are 35/200 each (lift 1.27, adjusted p 0.055, not significant); HVAC∧SOUTH is 30/100.
    const units = [
      ...orders({ family: 'HVAC', region: 'SOUTH' }, 100, 30),
      ...orders({ family: 'HVAC', region: 'NORTH' }, 100, 5),
      ...orders({ family: 'PLUMBING', region: 'SOUTH' }, 100, 5),
      ...orders({ family: 'PLUMBING', region: 'NORTH' }, 100, 15),
    ];
    expect(overRepresentedSlices(units).map(counted)).toEqual(['family=HVAC & region=SOUTH 30/100']);
  });

  it('rejects options it cannot honour', () => {
    expect(() => overRepresentedSlices(tiny, { alpha: 2 })).toThrow(RangeError);
    expect(() => overRepresentedSlices(tiny, { minCount: -1 })).toThrow(RangeError);
    expect(() => overRepresentedSlices(tiny, { maxDimensionsPerSlice: 3 as 2 })).toThrow(RangeError);
  });
});

describe('monthEndWindow', () => {
  const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
  const window = (dates: string[], workingDays?: number) =>
    dates.map((d) => monthEndWindow(noon(d), workingDays));

  it('covers the last three working days, skipping the weekend (Nov 2026 ends on a Monday)', () => {
    expect(
      window([
        '2026-11-01',
        '2026-11-25',
        '2026-11-26',
        '2026-11-27',
        '2026-11-28',
        '2026-11-29',
        '2026-11-30',
      ]),
    ).toEqual([false, false, true, true, false, false, true]);
  });

  it('follows month lengths and month-ending weekends', () => {
    // Feb 2026 ends on Saturday 28: Wed 25, Thu 26, Fri 27
    expect(window(['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'])).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    // Feb 2028 is a leap month ending Tuesday 29: Fri 25, Mon 28, Tue 29
    expect(
      window(['2028-02-24', '2028-02-25', '2028-02-26', '2028-02-27', '2028-02-28', '2028-02-29']),
    ).toEqual([false, true, false, false, true, true]);
    // May 2026 ends on Sunday 31: Wed 27, Thu 28, Fri 29
    expect(window(['2026-05-26', '2026-05-27', '2026-05-29', '2026-05-30', '2026-05-31'])).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    // Jul 2026 ends on Friday 31: Wed 29, Thu 30, Fri 31
    expect(window(['2026-07-28', '2026-07-29', '2026-07-31'])).toEqual([false, true, true]);
  });

  it('takes the window length in working days', () => {
    expect(window(['2026-11-27', '2026-11-30'], 1)).toEqual([false, true]);
    // last five of Nov 2026: Tue 24, Wed 25, Thu 26, Fri 27, Mon 30
    expect(window(['2026-11-23', '2026-11-24'], 5)).toEqual([false, true]);
    expect(window(['2026-11-30'], 0)).toEqual([false]);
    expect(() => monthEndWindow(noon('2026-11-30'), -1)).toThrow(RangeError);
    expect(() => monthEndWindow(noon('2026-11-30'), 1.5)).toThrow(RangeError);
  });

  it('reads the date in the given time zone', () => {
    // Wed 25 Nov 23:30 UTC is Thu 26 Nov 00:30 in Berlin
    const lateWednesday = Date.parse('2026-11-25T23:30:00Z');
    expect(monthEndWindow(lateWednesday, 3, 'UTC')).toBe(false);
    expect(monthEndWindow(lateWednesday, 3, 'Europe/Berlin')).toBe(true);
    // Tue 1 Dec 03:00 UTC is still Mon 30 Nov in Los Angeles
    const earlyDecember = Date.parse('2026-12-01T03:00:00Z');
    expect(monthEndWindow(earlyDecember)).toBe(false);
    expect(monthEndWindow(earlyDecember, 3, 'America/Los_Angeles')).toBe(true);
    expect(() => monthEndWindow(earlyDecember, 3, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('timeDimensions', () => {
  it('gives the period and weekday of the local date', () => {
    expect(timeDimensions(Date.parse('2026-11-30T12:00:00Z'), 'UTC')).toEqual({
      period: 'month-end',
      weekday: 'Mon',
    });
    expect(timeDimensions(Date.parse('2026-11-28T12:00:00Z'), 'UTC')).toEqual({
      period: 'rest-of-month',
      weekday: 'Sat',
    });
    const sundayNight = Date.parse('2026-11-29T23:30:00Z');
    expect(timeDimensions(sundayNight, 'UTC')).toEqual({ period: 'rest-of-month', weekday: 'Sun' });
    expect(timeDimensions(sundayNight, 'Europe/Berlin')).toEqual({ period: 'month-end', weekday: 'Mon' });
  });
});

describe('rootCauseFindings', () => {
  const finding = (overrides: Partial<SliceFinding>): SliceFinding => ({
    category: PM,
    slice: [{ dim: 'segment', value: 'REGIONAL' }],
    units: 200,
    count: 68,
    support: 0.0068,
    confidence: 0.34,
    lift: 4.25,
    pValue: 1e-9,
    adjustedPValue: 2e-8,
    baseline: 0.08,
    ...overrides,
  });

  it('addresses each finding to its owner with a one-sentence summary', () => {
    const pair = finding({
      category: 'CREDIT_HOLD',
      slice: [
        { dim: 'segment', value: 'REGIONAL' },
        { dim: 'tier', value: 'GOLD' },
      ],
      units: 120,
      count: 12,
      confidence: 0.1,
      baseline: 0.025,
      lift: 4,
      pValue: 0.0004,
      adjustedPValue: 0.004,
    });
    const [price, credit] = rootCauseFindings([finding({}), pair], DEFAULT_FINDING_OWNERS);
    expect(price).toEqual({
      category: PM,
      owner: 'contracts',
      slice: [{ dim: 'segment', value: 'REGIONAL' }],
      support: 0.0068,
      lift: 4.25,
      pValue: 1e-9,
      adjustedPValue: 2e-8,
      units: 200,
      count: 68,
      baseline: 0.08,
      summary:
        'PRICE_MISMATCH on 34% of orders where segment = REGIONAL (68 of 200) against 8% overall: 4.3× the rate (p < 0.001)',
    });
    expect(credit.owner).toBe('finance workflow');
    expect(credit.summary).toBe(
      'CREDIT_HOLD on 10% of orders where segment = REGIONAL and tier = GOLD (12 of 120) against 2.5% overall: ' +
        '4.0× the rate (p = 0.004)',
    );
  });

  it('sends unknown categories to operations and takes the unit label', () => {
    const [carrier, odd] = rootCauseFindings(
      [
        finding({
          category: 'CARRIER_DELAY',
          confidence: 0.0125,
          baseline: 0.0045,
          lift: 2.78,
          adjustedPValue: 0.0096,
        }),
        finding({ category: 'constructor' }),
      ],
      { PRICE_MISMATCH: 'pricing desk' },
      { unitLabel: 'shipments' },
    );
    expect(carrier.owner).toBe('operations');
    expect(carrier.summary).toBe(
      'CARRIER_DELAY on 1.3% of shipments where segment = REGIONAL (68 of 200) against 0.45% overall: ' +
        '2.8× the rate (p = 0.010)',
    );
    expect(odd.owner).toBe('operations');
  });

  it('summarises mined slices', () => {
    const single = overRepresentedSlices(tiny, { ...PERMISSIVE, maxDimensionsPerSlice: 1 });
    expect(rootCauseFindings(single, DEFAULT_FINDING_OWNERS)[0].summary).toBe(
      'PRICE_MISMATCH on 75% of orders where segment = REGIONAL (3 of 4) against 40% overall: 1.9× the rate (p = 0.476)',
    );
  });

  it('knows the owners of the ordex taxonomy', () => {
    expect(DEFAULT_FINDING_OWNERS).toEqual({
      STOCK_SHORTAGE: 'replenishment',
      PRICE_MISMATCH: 'contracts',
      CREDIT_HOLD: 'finance workflow',
      MASTER_DATA: 'master data',
      SHIPMENT_CONSTRAINT: 'transport planning',
      ROUTING_RULE: 'customer master (routing rules)',
      ERP_SYNC: 'ERP integration',
    });
    expect(Object.isFrozen(DEFAULT_FINDING_OWNERS)).toBe(true);
  });
});

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** mulberry32: a small seeded generator, so the planted data set is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Orders over 2026 with five dims (family set-valued) and every ordex category at 3%, except
 * PRICE_MISMATCH at 15% for REGIONAL GOLD customers and STOCK_SHORTAGE at 12% in the Berlin
 * month-end window.
 */
function plantedOrders(count: number, seed: number): ObservationUnit[] {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const segments = ['REGIONAL', 'NATIONAL', 'KEY_ACCOUNT', 'SMB'];
  const tiers = ['GOLD', 'SILVER', 'BRONZE'];
  const dcs = ['DC-BER', 'DC-HAM', 'DC-MUC', 'DC-CGN', 'DC-FRA', 'DC-LEJ'];
  const families = Array.from({ length: 12 }, (_, i) => `FAM-${String(i + 1).padStart(2, '0')}`);
  const channels = ['EDI', 'PORTAL', 'EMAIL'];
  const start = Date.parse('2026-01-01T00:00:00Z');
  // Orders arrive 06:00–18:00 UTC, so the UTC date is the Berlin date; month-end looked up per day.
  const monthEnd = Array.from({ length: 365 }, (_, day) =>
    monthEndWindow(start + day * DAY_MS, 3, 'Europe/Berlin'),
  );
  const units: ObservationUnit[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(random() * 365);
    const at = start + day * DAY_MS + 6 * HOUR_MS + Math.floor(random() * 12 * HOUR_MS);
    const segment = pick(segments);
    const tier = pick(tiers);
    const family = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(families));
    const categories = Object.keys(DEFAULT_FINDING_OWNERS).filter((category) => {
      let rate = 0.03;
      if (category === PM && segment === 'REGIONAL' && tier === 'GOLD') rate = 0.15;
      if (category === 'STOCK_SHORTAGE' && monthEnd[day]) rate = 0.12;
      return random() < rate;
    });
    units.push({ at, dims: { segment, tier, dc: pick(dcs), family, channel: pick(channels) }, categories });
  }
  return units;
}
