import { parseArgs } from 'node:util';
import { type CaseEventLog, directlyFollows, EventLogBuilder, summarize, variants } from '@ordex/mining';
import { seededRandom } from '../intake/order-events';

/**
 * `npm run bench:mining`: how long the directly-follows graph (with its waiting-time statistics)
 * and the variants (with their durations) take on a 1,000,000-event and a 262,000-event log.
 * The logs are synthetic, seeded and order-to-cash shaped: 24 activities, rework loops and
 * optional steps, so there are many variants; building them is not timed. Each size runs
 * `--runs` times (default 5) after a warm-up; the median is reported. Targets: ≤ 1.5 s and ≤ 0.3 s.
 * The last line is one JSON object with at least seconds1M and seconds262k.
 */
const ACTIVITIES = [
  'order received',
  'order validated',
  'credit checked',
  'credit hold placed',
  'credit hold released',
  'price checked',
  'price override requested',
  'price override approved',
  'stock allocated',
  'stock short',
  'transfer requested',
  'transfer confirmed',
  'carrier booked',
  'carrier rebooked',
  'order released',
  'picked',
  'packed',
  'shipped',
  'delivered',
  'invoiced',
  'paid',
  'customer notified',
  'case escalated',
  'order changed',
];
const TEAMS = ['customer service', 'finance credit', 'finance pricing', 'warehouse', 'transportation', 'IT'];

function syntheticLog(events: number, seed: number): CaseEventLog {
  const rnd = seededRandom(seed);
  const builder = new EventLogBuilder();
  let time = Date.parse('2026-01-01T08:00:00Z');
  let caseNo = 0;
  while (builder.events < events) {
    const caseId = `SO-${++caseNo}`;
    let t = (time += Math.floor(rnd() * 120_000));
    const step = (activity: number) => {
      if (builder.events >= events) return;
      t += Math.floor(rnd() * 4 * 3_600_000);
      builder.add(caseId, ACTIVITIES[activity], t, TEAMS[Math.floor(rnd() * TEAMS.length)]);
    };
    const steps = (...activities: number[]) => activities.forEach(step);
    steps(0, 1);
    if (rnd() < 0.2) {
      steps(2, 3);
      if (rnd() < 0.8) step(4);
    }
    step(5);
    if (rnd() < 0.15) steps(6, 7);
    step(8);
    if (rnd() < 0.25) steps(9, 10, 11);
    step(12);
    while (rnd() < 0.1) step(13);
    if (rnd() < 0.1) steps(23, 1, 8);
    if (rnd() < 0.05) step(22);
    steps(14, 15, 16, 17, 18, 19);
    if (rnd() < 0.3) step(21);
    step(20);
  }
  return builder.build();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(log: CaseEventLog, runs: number, label: string): number {
  // Warm-up: the JIT compiles the hot loops first.
  directlyFollows(log);
  variants(log);
  const seconds: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    directlyFollows(log);
    variants(log);
    const elapsed = (performance.now() - started) / 1000;
    seconds.push(elapsed);
    process.stdout.write(`  ${label} run ${run}/${runs}: ${elapsed.toFixed(3)} s\n`);
  }
  return median(seconds);
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1');
  const results: Record<string, number> = {};
  for (const [label, events, target] of [
    ['1M', 1_000_000, 1.5],
    ['262k', 262_000, 0.3],
  ] as const) {
    process.stdout.write(`building a synthetic log of ${events.toLocaleString('en')} events…\n`);
    const log = syntheticLog(events, 42);
    const s = summarize(log);
    process.stdout.write(
      `  ${s.cases.toLocaleString('en')} cases, ${s.events.toLocaleString('en')} events, ${s.activities} activities, ` +
        `${s.variants.toLocaleString('en')} variants, ${s.dfgEdges} edges\n`,
    );
    const seconds = time(log, runs, label);
    process.stdout.write(
      `${label}: DFG with durations + variants in ${seconds.toFixed(3)} s (median of ${runs}; target ≤ ${target} s: ${seconds <= target ? 'met' : 'NOT met'})\n`,
    );
    results[`seconds${label}`] = Number(seconds.toFixed(4));
    results[`events${label}`] = s.events;
    results[`variants${label}`] = s.variants;
  }
  process.stdout.write(`${JSON.stringify({ ...results, runs, node: process.version })}\n`);
}

main();
