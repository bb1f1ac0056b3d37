import { bottlenecks, directlyFollows, summarize, variants } from './discovery.util';
import { CaseEventLog, EventLogBuilder } from './event-log.model';

const T0 = Date.parse('2026-11-27T08:00:00.000Z');
const MIN = 60_000;

/** Minutes after T0 as an event time, or no time at all. */
function at(minutes: number | null): number | null {
  return minutes === null ? null : T0 + minutes * MIN;
}

type Step = [activity: string, minutes: number | null, resource?: string | null];

function logOf(cases: Record<string, Step[]>): CaseEventLog {
  const builder = new EventLogBuilder();
  for (const [caseId, steps] of Object.entries(cases)) {
    for (const [activity, minutes, resource] of steps)
      builder.add(caseId, activity, at(minutes), resource ?? null);
  }
  return builder.build();
}

/**
 * Five sales orders. SO-3 waits on a credit hold, SO-4 is picked twice (a self-loop), SO-5 is
 * picked by the night shift. Times in minutes after T0:
 *   SO-1  Received 0, Released 10, Picked 70, Shipped 130
 *   SO-2  Received 0, Released 30, Picked 50, Shipped 250
 *   SO-3  Received 0, Credit hold 5, Released 65, Picked 95, Shipped 155
 *   SO-4  Received 0, Released 20, Picked 40, Picked 50, Shipped 110
 *   SO-5  Received 0, Released 60, Picked 80 (night shift), Shipped 120
 */
const orders = logOf({
  'SO-1': [
    ['Received', 0, 'Sales'],
    ['Released', 10, 'Credit'],
    ['Picked', 70, 'Warehouse'],
    ['Shipped', 130, 'Carrier'],
  ],
  'SO-2': [
    ['Received', 0, 'Sales'],
    ['Released', 30, 'Credit'],
    ['Picked', 50, 'Warehouse'],
    ['Shipped', 250, 'Carrier'],
  ],
  'SO-3': [
    ['Received', 0, 'Sales'],
    ['Credit hold', 5, 'Credit'],
    ['Released', 65, 'Credit'],
    ['Picked', 95, 'Warehouse'],
    ['Shipped', 155, 'Carrier'],
  ],
  'SO-4': [
    ['Received', 0, 'Sales'],
    ['Released', 20, 'Credit'],
    ['Picked', 40, 'Warehouse'],
    ['Picked', 50, 'Warehouse'],
    ['Shipped', 110, 'Carrier'],
  ],
  'SO-5': [
    ['Received', 0, 'Sales'],
    ['Released', 60, 'Credit'],
    ['Picked', 80, 'Night shift'],
    ['Shipped', 120, 'Carrier'],
  ],
});

describe('directlyFollows', () => {
  it('counts every step with its duration statistics, most frequent edge first', () => {
    expect(directlyFollows(orders)).toEqual({
      // Picked: 4 orders once + SO-4 twice = 6; every other activity once per order except the hold.
      activities: [
        { name: 'Picked', frequency: 6 },
        { name: 'Received', frequency: 5 },
        { name: 'Released', frequency: 5 },
        { name: 'Shipped', frequency: 5 },
        { name: 'Credit hold', frequency: 1 },
      ],
      edges: [
        // Picked→Shipped: 60, 200, 60, 60, 40 → sorted 40 60 60 60 200; mean 420/5 = 84;
        // median 3rd = 60; p90 = ⌈4.5⌉ = 5th = 200; max 200.
        {
          from: 'Picked',
          to: 'Shipped',
          frequency: 5,
          meanMs: 84 * MIN,
          medianMs: 60 * MIN,
          p90Ms: 200 * MIN,
          maxMs: 200 * MIN,
        },
        // Released→Picked: 60, 20, 30, 20, 20 → sorted 20 20 20 30 60; mean 150/5 = 30;
        // median 20; p90 5th = 60; max 60. Ties with Picked→Shipped on frequency, 'Picked' < 'Released'.
        {
          from: 'Released',
          to: 'Picked',
          frequency: 5,
          meanMs: 30 * MIN,
          medianMs: 20 * MIN,
          p90Ms: 60 * MIN,
          maxMs: 60 * MIN,
        },
        // Received→Released (not SO-3): 10, 30, 20, 60 → sorted 10 20 30 60; mean 120/4 = 30;
        // median (20 + 30) / 2 = 25; p90 = ⌈3.6⌉ = 4th = 60; max 60.
        {
          from: 'Received',
          to: 'Released',
          frequency: 4,
          meanMs: 30 * MIN,
          medianMs: 25 * MIN,
          p90Ms: 60 * MIN,
          maxMs: 60 * MIN,
        },
        // Singles, by from: 'Credit hold' < 'Picked' < 'Received'. 65 − 5 = 60; 50 − 40 = 10; 5 − 0 = 5.
        {
          from: 'Credit hold',
          to: 'Released',
          frequency: 1,
          meanMs: 60 * MIN,
          medianMs: 60 * MIN,
          p90Ms: 60 * MIN,
          maxMs: 60 * MIN,
        },
        {
          from: 'Picked',
          to: 'Picked',
          frequency: 1,
          meanMs: 10 * MIN,
          medianMs: 10 * MIN,
          p90Ms: 10 * MIN,
          maxMs: 10 * MIN,
        },
        {
          from: 'Received',
          to: 'Credit hold',
          frequency: 1,
          meanMs: 5 * MIN,
          medianMs: 5 * MIN,
          p90Ms: 5 * MIN,
          maxMs: 5 * MIN,
        },
      ],
      starts: [{ name: 'Received', frequency: 5 }],
      ends: [{ name: 'Shipped', frequency: 5 }],
    });
  });

  it('counts a run of repeats as one self-loop per consecutive pair', () => {
    // Counted 3 times in a row: Counted→Counted at 0→4 and 4→10 (4 and 6 min), then Counted→Stored.
    const log = logOf({
      'ST-1': [
        ['Counted', 0],
        ['Counted', 4],
        ['Counted', 10],
        ['Stored', 11],
      ],
    });
    expect(directlyFollows(log).edges).toEqual([
      // mean (4 + 6) / 2 = 5; median of two = 5; p90 = ⌈1.8⌉ = 2nd = 6.
      {
        from: 'Counted',
        to: 'Counted',
        frequency: 2,
        meanMs: 5 * MIN,
        medianMs: 5 * MIN,
        p90Ms: 6 * MIN,
        maxMs: 6 * MIN,
      },
      { from: 'Counted', to: 'Stored', frequency: 1, meanMs: MIN, medianMs: MIN, p90Ms: MIN, maxMs: MIN },
    ]);
  });

  it('takes p90 as the nearest rank, not an interpolation', () => {
    // Ten cases A→B lasting 1 … 10 ms: p90 = ⌈0.9 · 10⌉ = 9th smallest = 9 (interpolation would give 9.1).
    // Eleven cases: ⌈9.9⌉ = 10th smallest = 10.
    const ten = new EventLogBuilder();
    const eleven = new EventLogBuilder();
    for (let k = 1; k <= 11; k++) {
      for (const builder of k <= 10 ? [ten, eleven] : [eleven]) {
        builder.add(`C-${k}`, 'A', T0);
        builder.add(`C-${k}`, 'B', T0 + k);
      }
    }
    // Ten: mean 55/10 = 5.5; median (5 + 6) / 2 = 5.5. Eleven: mean 66/11 = 6; median 6th = 6.
    expect(directlyFollows(ten.build()).edges).toEqual([
      { from: 'A', to: 'B', frequency: 10, meanMs: 5.5, medianMs: 5.5, p90Ms: 9, maxMs: 10 },
    ]);
    expect(directlyFollows(eleven.build()).edges).toEqual([
      { from: 'A', to: 'B', frequency: 11, meanMs: 6, medianMs: 6, p90Ms: 10, maxMs: 11 },
    ]);
  });

  it('keeps durations exact, without rounding to whole ms', () => {
    // 1.5 ms and 2 ms: mean 1.75, median (1.5 + 2) / 2 = 1.75, p90 = 2nd = 2.
    const builder = new EventLogBuilder();
    builder.add('C-1', 'A', T0);
    builder.add('C-1', 'B', T0 + 1.5);
    builder.add('C-2', 'A', T0);
    builder.add('C-2', 'B', T0 + 2);
    expect(directlyFollows(builder.build()).edges).toEqual([
      { from: 'A', to: 'B', frequency: 2, meanMs: 1.75, medianMs: 1.75, p90Ms: 2, maxMs: 2 },
    ]);
  });

  it('counts a single-event case as a start and an end but no edge', () => {
    const log = logOf({
      'SO-1': [['Cancelled', 0]],
      'SO-2': [
        ['Received', 0],
        ['Shipped', 30],
      ],
    });
    expect(directlyFollows(log)).toEqual({
      activities: [
        { name: 'Cancelled', frequency: 1 },
        { name: 'Received', frequency: 1 },
        { name: 'Shipped', frequency: 1 },
      ],
      edges: [
        {
          from: 'Received',
          to: 'Shipped',
          frequency: 1,
          meanMs: 30 * MIN,
          medianMs: 30 * MIN,
          p90Ms: 30 * MIN,
          maxMs: 30 * MIN,
        },
      ],
      starts: [
        { name: 'Cancelled', frequency: 1 },
        { name: 'Received', frequency: 1 },
      ],
      ends: [
        { name: 'Cancelled', frequency: 1 },
        { name: 'Shipped', frequency: 1 },
      ],
    });
  });

  it('counts steps without times in the frequency but not in the durations', () => {
    // SO-1 keeps its logged order (it has an untimed event): Received 0, Released –, Picked 30, Shipped 90.
    // SO-2 is fully timed: Received 0, Released 10, Picked 25, Shipped 45.
    const log = logOf({
      'SO-1': [
        ['Received', 0],
        ['Released', null],
        ['Picked', 30],
        ['Shipped', 90],
      ],
      'SO-2': [
        ['Received', 0],
        ['Released', 10],
        ['Picked', 25],
        ['Shipped', 45],
      ],
    });
    expect(directlyFollows(log).edges).toEqual([
      // Picked→Shipped: 60 and 20 → mean 40, median 40, p90 = ⌈1.8⌉ = 2nd = 60.
      {
        from: 'Picked',
        to: 'Shipped',
        frequency: 2,
        meanMs: 40 * MIN,
        medianMs: 40 * MIN,
        p90Ms: 60 * MIN,
        maxMs: 60 * MIN,
      },
      // Only SO-2 is timed on these two: 10 and 15.
      {
        from: 'Received',
        to: 'Released',
        frequency: 2,
        meanMs: 10 * MIN,
        medianMs: 10 * MIN,
        p90Ms: 10 * MIN,
        maxMs: 10 * MIN,
      },
      {
        from: 'Released',
        to: 'Picked',
        frequency: 2,
        meanMs: 15 * MIN,
        medianMs: 15 * MIN,
        p90Ms: 15 * MIN,
        maxMs: 15 * MIN,
      },
    ]);
  });

  it('gives null durations to an edge that never has both times', () => {
    const log = logOf({
      'SO-1': [
        ['Received', null],
        ['Shipped', 5],
      ],
    });
    expect(directlyFollows(log).edges).toEqual([
      {
        from: 'Received',
        to: 'Shipped',
        frequency: 1,
        meanMs: null,
        medianMs: null,
        p90Ms: null,
        maxMs: null,
      },
    ]);
  });

  it('reports a step that runs backwards in a partly timed case as is', () => {
    // An untimed event keeps the case in logged order: Picked 30, Received 10, Released –.
    // Picked→Received: 10 − 30 = −20 min, shown rather than hidden so the bad data is visible.
    const log = logOf({
      'SO-1': [
        ['Picked', 30],
        ['Received', 10],
        ['Released', null],
      ],
    });
    expect(directlyFollows(log).edges).toEqual([
      {
        from: 'Picked',
        to: 'Received',
        frequency: 1,
        meanMs: -20 * MIN,
        medianMs: -20 * MIN,
        p90Ms: -20 * MIN,
        maxMs: -20 * MIN,
      },
      {
        from: 'Received',
        to: 'Released',
        frequency: 1,
        meanMs: null,
        medianMs: null,
        p90Ms: null,
        maxMs: null,
      },
    ]);
  });

  it('never links the events of two different cases', () => {
    const log = logOf({ 'SO-1': [['Received', 0]], 'SO-2': [['Shipped', 5]] });
    expect(directlyFollows(log).edges).toEqual([]);
  });

  it('returns an empty graph for an empty log', () => {
    expect(directlyFollows(new EventLogBuilder().build())).toEqual({
      activities: [],
      edges: [],
      starts: [],
      ends: [],
    });
  });

  it('leaves out activities that have no event', () => {
    const log: CaseEventLog = {
      activities: ['Received', 'Never used'],
      resources: [],
      caseIds: ['SO-1'],
      caseStart: Uint32Array.of(0, 1),
      activity: Uint32Array.of(0),
      time: Float64Array.of(T0),
      resource: Int32Array.of(-1),
    };
    expect(directlyFollows(log).activities).toEqual([{ name: 'Received', frequency: 1 }]);
  });

  it('handles more activities than fit a dense pair table', () => {
    // 2,100 activities → 4,410,000 pairs, above the 4,194,304 dense limit. One case walks
    // A0 → A1 → … → A2099 one ms apart, then returns to A0: 2,100 edges of one occurrence each.
    const builder = new EventLogBuilder();
    for (let k = 0; k < 2100; k++) builder.add('C-1', `A${k}`, T0 + k);
    builder.add('C-1', 'A0', T0 + 2100);
    const dfg = directlyFollows(builder.build());
    expect(dfg.edges).toHaveLength(2100);
    // All frequency 1, so by from name: 'A0' < 'A1' < 'A10' < …
    expect(dfg.edges.slice(0, 3)).toEqual([
      { from: 'A0', to: 'A1', frequency: 1, meanMs: 1, medianMs: 1, p90Ms: 1, maxMs: 1 },
      { from: 'A1', to: 'A2', frequency: 1, meanMs: 1, medianMs: 1, p90Ms: 1, maxMs: 1 },
      { from: 'A10', to: 'A11', frequency: 1, meanMs: 1, medianMs: 1, p90Ms: 1, maxMs: 1 },
    ]);
    expect(dfg.edges.find((edge) => edge.from === 'A2099')).toEqual({
      from: 'A2099',
      to: 'A0',
      frequency: 1,
      meanMs: 1,
      medianMs: 1,
      p90Ms: 1,
      maxMs: 1,
    });
    expect(dfg.activities[0]).toEqual({ name: 'A0', frequency: 2 });
  });
});

describe('variants', () => {
  it('groups cases by exact activity sequence, most common first, with case durations', () => {
    expect(variants(orders)).toEqual([
      // SO-1, SO-2, SO-5 last 130, 250, 120 min → mean 500 · 60,000 / 3 = 10,000,000 ms; median 130.
      {
        activities: ['Received', 'Released', 'Picked', 'Shipped'],
        cases: 3,
        meanDurationMs: 10_000_000,
        medianDurationMs: 130 * MIN,
      },
      // One case each, ordered by sequence: 'Credit hold' < 'Released' at position 2.
      {
        activities: ['Received', 'Credit hold', 'Released', 'Picked', 'Shipped'],
        cases: 1,
        meanDurationMs: 155 * MIN,
        medianDurationMs: 155 * MIN,
      },
      // The self-loop makes its own variant.
      {
        activities: ['Received', 'Released', 'Picked', 'Picked', 'Shipped'],
        cases: 1,
        meanDurationMs: 110 * MIN,
        medianDurationMs: 110 * MIN,
      },
    ]);
  });

  it('takes the median of an even number of cases as the mean of the two middle ones', () => {
    // Durations 10, 40, 20, 100 → sorted 10 20 40 100; median (20 + 40) / 2 = 30; mean 170/4 = 42.5.
    const log = logOf({
      'C-1': [
        ['A', 0],
        ['B', 10],
      ],
      'C-2': [
        ['A', 0],
        ['B', 40],
      ],
      'C-3': [
        ['A', 5],
        ['B', 25],
      ],
      'C-4': [
        ['A', 0],
        ['B', 100],
      ],
    });
    expect(variants(log)).toEqual([
      { activities: ['A', 'B'], cases: 4, meanDurationMs: 42.5 * MIN, medianDurationMs: 30 * MIN },
    ]);
  });

  it('gives a single-event case a zero duration', () => {
    const log = logOf({ 'SO-1': [['Cancelled', 30]], 'SO-2': [['Cancelled', 45]] });
    expect(variants(log)).toEqual([
      { activities: ['Cancelled'], cases: 2, meanDurationMs: 0, medianDurationMs: 0 },
    ]);
  });

  it('counts cases with an untimed event but leaves them out of the durations', () => {
    // SO-1 and SO-2 are timed (20 and 40 min); SO-3 lacks a time; SO-4 has no time at all.
    const log = logOf({
      'SO-1': [
        ['Received', 0],
        ['Shipped', 20],
      ],
      'SO-2': [
        ['Received', 0],
        ['Shipped', 40],
      ],
      'SO-3': [
        ['Received', null],
        ['Shipped', 500],
      ],
      'SO-4': [['Cancelled', null]],
    });
    expect(variants(log)).toEqual([
      // mean (20 + 40) / 2 = 30; median of two = 30.
      { activities: ['Received', 'Shipped'], cases: 3, meanDurationMs: 30 * MIN, medianDurationMs: 30 * MIN },
      { activities: ['Cancelled'], cases: 1, meanDurationMs: null, medianDurationMs: null },
    ]);
  });

  it('breaks ties by sequence, name by name, a sequence before its extensions', () => {
    const log = logOf({
      'C-1': [['B', 0]],
      'C-2': [
        ['A', 0],
        ['B', 1],
      ],
      'C-3': [['A', 0]],
      'C-4': [
        ['A', 0],
        ['A', 1],
      ],
    });
    expect(variants(log).map((variant) => variant.activities)).toEqual([
      ['A'],
      ['A', 'A'],
      ['A', 'B'],
      ['B'],
    ]);
  });

  it('tells apart sequences with the same activities in another order', () => {
    const log = logOf({
      'C-1': [
        ['A', 0],
        ['B', 1],
        ['C', 2],
      ],
      'C-2': [
        ['C', 0],
        ['B', 1],
        ['A', 2],
      ],
      'C-3': [
        ['A', 0],
        ['B', 1],
        ['C', 2],
      ],
    });
    expect(variants(log).map(({ activities, cases }) => ({ activities, cases }))).toEqual([
      { activities: ['A', 'B', 'C'], cases: 2 },
      { activities: ['C', 'B', 'A'], cases: 1 },
    ]);
  });

  it('groups cases without events into the variant with no activities', () => {
    // Case EMPTY has caseStart 0 … 0; SO-1 has two events.
    const log: CaseEventLog = {
      activities: ['Received', 'Shipped'],
      resources: [],
      caseIds: ['EMPTY', 'SO-1'],
      caseStart: Uint32Array.of(0, 0, 2),
      activity: Uint32Array.of(0, 1),
      time: Float64Array.of(T0, T0 + MIN),
      resource: Int32Array.of(-1, -1),
    };
    expect(variants(log)).toEqual([
      { activities: [], cases: 1, meanDurationMs: null, medianDurationMs: null },
      { activities: ['Received', 'Shipped'], cases: 1, meanDurationMs: MIN, medianDurationMs: MIN },
    ]);
    // The empty case neither starts nor ends anything.
    expect(directlyFollows(log).starts).toEqual([{ name: 'Received', frequency: 1 }]);
    expect(summarize(log)).toEqual({ cases: 2, events: 2, activities: 2, variants: 2, dfgEdges: 1 });
  });

  it('returns no variants for an empty log', () => {
    expect(variants(new EventLogBuilder().build())).toEqual([]);
  });
});

describe('bottlenecks', () => {
  it('groups waits by step and by the resource that picks the work up, longest mean first', () => {
    expect(bottlenecks(orders)).toEqual([
      // Carrier ships after 60, 200, 60, 60, 40 → mean 84, max 200.
      {
        from: 'Picked',
        to: 'Shipped',
        resource: 'Carrier',
        occurrences: 5,
        meanWaitMs: 84 * MIN,
        maxWaitMs: 200 * MIN,
      },
      // SO-3's hold: 65 − 5 = 60.
      {
        from: 'Credit hold',
        to: 'Released',
        resource: 'Credit',
        occurrences: 1,
        meanWaitMs: 60 * MIN,
        maxWaitMs: 60 * MIN,
      },
      // Warehouse picks after 60, 20, 30, 20 (SO-1 … SO-4) → mean 130/4 = 32.5, max 60.
      {
        from: 'Released',
        to: 'Picked',
        resource: 'Warehouse',
        occurrences: 4,
        meanWaitMs: 32.5 * MIN,
        maxWaitMs: 60 * MIN,
      },
      // Credit releases after 10, 30, 20, 60 → mean 30, max 60.
      {
        from: 'Received',
        to: 'Released',
        resource: 'Credit',
        occurrences: 4,
        meanWaitMs: 30 * MIN,
        maxWaitMs: 60 * MIN,
      },
      // The night shift picks SO-5 after 80 − 60 = 20.
      {
        from: 'Released',
        to: 'Picked',
        resource: 'Night shift',
        occurrences: 1,
        meanWaitMs: 20 * MIN,
        maxWaitMs: 20 * MIN,
      },
      // SO-4's second pick: 50 − 40 = 10 (a self-loop waits too).
      {
        from: 'Picked',
        to: 'Picked',
        resource: 'Warehouse',
        occurrences: 1,
        meanWaitMs: 10 * MIN,
        maxWaitMs: 10 * MIN,
      },
      {
        from: 'Received',
        to: 'Credit hold',
        resource: 'Credit',
        occurrences: 1,
        meanWaitMs: 5 * MIN,
        maxWaitMs: 5 * MIN,
      },
    ]);
  });

  it('returns only the top ones asked for', () => {
    expect(bottlenecks(orders, 2).map(({ from, to, resource }) => [from, to, resource])).toEqual([
      ['Picked', 'Shipped', 'Carrier'],
      ['Credit hold', 'Released', 'Credit'],
    ]);
    expect(bottlenecks(orders, 0)).toEqual([]);
    expect(bottlenecks(orders, -3)).toEqual([]);
    expect(bottlenecks(orders, Infinity)).toHaveLength(7);
  });

  it('returns ten by default', () => {
    // Twelve distinct steps X→Y waited on by teams T00 … T11, T_k waiting k + 1 minutes.
    const cases: Record<string, Step[]> = {};
    for (let k = 0; k < 12; k++) {
      const team = `T${String(k).padStart(2, '0')}`;
      cases[`C-${k}`] = [
        ['X', 0],
        ['Y', k + 1, team],
      ];
    }
    const top = bottlenecks(logOf(cases));
    expect(top).toHaveLength(10);
    // Longest first: T11 (12 min) … T02 (3 min).
    expect(top[0]).toEqual({
      from: 'X',
      to: 'Y',
      resource: 'T11',
      occurrences: 1,
      meanWaitMs: 12 * MIN,
      maxWaitMs: 12 * MIN,
    });
    expect(top[9].resource).toBe('T02');
  });

  it('breaks equal means by occurrences, then by from, to and resource, no resource last', () => {
    // Every step below waits a mean of 10 minutes.
    const log = logOf({
      'C-1': [
        ['B', 0],
        ['C', 10, 'Dock'],
      ],
      'C-2': [
        ['A', 0],
        ['C', 10, 'Dock'],
      ],
      'C-3': [
        ['A', 0],
        ['B', 10],
      ],
      'C-4': [
        ['A', 0],
        ['B', 10, 'Yard'],
      ],
      'C-5': [
        ['A', 0],
        ['B', 10, 'Dock'],
      ],
      // Two occurrences for Z→Z by Dock: 5 and 15 → mean 10, max 15.
      'C-6': [
        ['Z', 0],
        ['Z', 5, 'Dock'],
        ['Z', 20, 'Dock'],
      ],
    });
    expect(
      bottlenecks(log).map(({ from, to, resource, occurrences, maxWaitMs }) => [
        from,
        to,
        resource,
        occurrences,
        maxWaitMs,
      ]),
    ).toEqual([
      ['Z', 'Z', 'Dock', 2, 15 * MIN],
      ['A', 'B', 'Dock', 1, 10 * MIN],
      ['A', 'B', 'Yard', 1, 10 * MIN],
      ['A', 'B', null, 1, 10 * MIN],
      ['A', 'C', 'Dock', 1, 10 * MIN],
      ['B', 'C', 'Dock', 1, 10 * MIN],
    ]);
  });

  it('counts only steps with both times known', () => {
    // SO-1 keeps its logged order: Received 0, Released –, Shipped 45. SO-2: Received 0, Released 15.
    const log = logOf({
      'SO-1': [
        ['Received', 0, 'Sales'],
        ['Released', null, 'Credit'],
        ['Shipped', 45, 'Carrier'],
      ],
      'SO-2': [
        ['Received', 0, 'Sales'],
        ['Released', 15, 'Credit'],
      ],
    });
    expect(bottlenecks(log)).toEqual([
      {
        from: 'Received',
        to: 'Released',
        resource: 'Credit',
        occurrences: 1,
        meanWaitMs: 15 * MIN,
        maxWaitMs: 15 * MIN,
      },
    ]);
  });

  it('finds none in an empty log or one of single-event cases', () => {
    expect(bottlenecks(new EventLogBuilder().build())).toEqual([]);
    expect(bottlenecks(logOf({ 'SO-1': [['Cancelled', 0, 'Sales']] }))).toEqual([]);
  });
});

describe('summarize', () => {
  it('counts cases, events, activities, variants and edges', () => {
    // Events: 4 + 4 + 5 + 5 + 4 = 22; activities Received, Credit hold, Released, Picked, Shipped.
    expect(summarize(orders)).toEqual({ cases: 5, events: 22, activities: 5, variants: 3, dfgEdges: 6 });
  });

  it('is all zeros for an empty log', () => {
    expect(summarize(new EventLogBuilder().build())).toEqual({
      cases: 0,
      events: 0,
      activities: 0,
      variants: 0,
      dfgEdges: 0,
    });
  });

  describe('on a synthetic 200,000-event log', () => {
    const log = syntheticLog(200_000, 20260127);
    const summary = summarize(log);
    const dfg = directlyFollows(log);
    const found = variants(log);
    const nonEmptyCases = log.caseIds.filter((_, c) => log.caseStart[c + 1] > log.caseStart[c]).length;

    it('agrees with the graph and the variants', () => {
      expect(summary.events).toBe(200_000);
      expect(summary.cases).toBe(log.caseIds.length);
      expect(summary.dfgEdges).toBe(dfg.edges.length);
      expect(summary.variants).toBe(found.length);
      expect(summary.activities).toBe(dfg.activities.length);
      // Every event but the last of each case starts exactly one step.
      expect(sum(dfg.edges.map((edge) => edge.frequency))).toBe(summary.events - nonEmptyCases);
      expect(sum(found.map((variant) => variant.cases))).toBe(summary.cases);
      expect(sum(dfg.activities.map((activity) => activity.frequency))).toBe(summary.events);
      expect(sum(dfg.starts.map((start) => start.frequency))).toBe(nonEmptyCases);
      expect(sum(dfg.ends.map((end) => end.frequency))).toBe(nonEmptyCases);
    });

    it('matches a plain string-keyed count of the same log', () => {
      const reference = plainCounts(log);
      expect(new Map(dfg.edges.map((edge) => [`${edge.from}→${edge.to}`, edge.frequency]))).toEqual(
        reference.edges,
      );
      expect(new Map(found.map((variant) => [variant.activities.join('→'), variant.cases]))).toEqual(
        reference.variants,
      );
      for (const edge of dfg.edges.slice(0, 20)) {
        const durations = reference.durations.get(`${edge.from}→${edge.to}`) ?? [];
        expect(edge.maxMs).toBe(durations.length ? Math.max(...durations) : null);
        expect(edge.meanMs).toBe(durations.length ? sum(durations) / durations.length : null);
      }
    });

    it('keeps its orderings', () => {
      // Each list compared with itself shifted by one: no entry may rank above the one before it.
      const edgesOutOfOrder = dfg.edges.slice(1).filter((edge, k) => {
        const before = dfg.edges[k];
        if (before.frequency !== edge.frequency) return before.frequency < edge.frequency;
        return before.from > edge.from || (before.from === edge.from && before.to >= edge.to);
      });
      const variantsOutOfOrder = found.slice(1).filter((variant, k) => found[k].cases < variant.cases);
      expect(edgesOutOfOrder).toEqual([]);
      expect(variantsOutOfOrder).toEqual([]);
    });
  });
});

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** mulberry32: a small seeded generator, so the synthetic log is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Cases of 1 … 12 events over 12 activities and 5 teams, a few minutes apart, with about one
 * event in fifty untimed.
 */
function syntheticLog(events: number, seed: number): CaseEventLog {
  const random = seeded(seed);
  const builder = new EventLogBuilder();
  for (let c = 0; builder.events < events; c++) {
    const length = 1 + Math.floor(random() * 12);
    let time = T0 + Math.floor(random() * 1_000_000) * MIN;
    for (let k = 0; k < length && builder.events < events; k++) {
      time += Math.floor(random() * 600) * MIN;
      const activity = `Activity ${Math.floor(random() * random() * 12)}`;
      const untimed = random() < 0.02;
      builder.add(`C-${c}`, activity, untimed ? null : time, `Team ${Math.floor(random() * 5)}`);
    }
  }
  return builder.build();
}

/** Edge and variant counts and edge durations the slow, obvious way: joined strings per step and per case. */
function plainCounts(log: CaseEventLog): {
  edges: Map<string, number>;
  variants: Map<string, number>;
  durations: Map<string, number[]>;
} {
  const edges = new Map<string, number>();
  const variantCounts = new Map<string, number>();
  const durations = new Map<string, number[]>();
  for (let c = 0; c < log.caseIds.length; c++) {
    const names: string[] = [];
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      names.push(log.activities[log.activity[i]]);
      if (i + 1 === log.caseStart[c + 1]) continue;
      const key = `${log.activities[log.activity[i]]}→${log.activities[log.activity[i + 1]]}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
      const delta = log.time[i + 1] - log.time[i];
      if (Number.isNaN(delta)) continue;
      const known = durations.get(key);
      if (known) known.push(delta);
      else durations.set(key, [delta]);
    }
    const variant = names.join('→');
    variantCounts.set(variant, (variantCounts.get(variant) ?? 0) + 1);
  }
  return { edges, variants: variantCounts, durations };
}
