import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { directlyFollows, summarize, variants, type CaseEventLog } from '@ordex/mining';
import { readXes } from './xes-reader';
import { casesOf } from './case-log.test-support';

/**
 * van der Aalst's running example as XES, derived from pm4py's running-example.csv, and the
 * directly-follows graph pm4py itself exported for that log (see fixtures/public/README.md).
 */
const PUBLIC = join(__dirname, 'fixtures', 'public');
const RUNNING_EXAMPLE = join(PUBLIC, 'running-example.xes');
const PM4PY_DFG = join(PUBLIC, 'running-example.dfg');

/** A directly-follows graph reduced to what pm4py's .dfg file holds, keyed by activity name. */
interface DfgCounts {
  activities: string[];
  starts: Record<string, number>;
  ends: Record<string, number>;
  /** keyed `from -> to` */
  edges: Record<string, number>;
}

const edgeKey = (from: string, to: string) => `${from} -> ${to}`;

/**
 * Reads pm4py's .dfg text: the number of activities and their names (numbered from 0 in file
 * order), the number of start activities and `index x count` per start, the same for end
 * activities, then one `from>to x count` line per edge up to the end of the file. Any line out
 * of that shape fails the test rather than being skipped, so a misread file cannot pass.
 */
function parsePm4pyDfg(text: string): DfgCounts {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let next = 0;
  const nextLine = (): string => {
    if (next >= lines.length) throw new Error(`.dfg ends early, after line ${next}`);
    return lines[next++];
  };
  const match = (pattern: RegExp): number[] => {
    const line = nextLine();
    const found = pattern.exec(line);
    if (!found) throw new Error(`.dfg line ${next} is not ${pattern}: ${JSON.stringify(line)}`);
    return found.slice(1).map(Number);
  };
  const activities: string[] = [];
  const [activityCount] = match(/^(\d+)$/);
  for (let i = 0; i < activityCount; i++) activities.push(nextLine());
  const nameOf = (index: number): string => {
    if (index >= activities.length) throw new Error(`.dfg line ${next} names activity ${index}`);
    return activities[index];
  };
  const add = (counts: Record<string, number>, key: string, count: number) => {
    if (key in counts) throw new Error(`.dfg line ${next} repeats ${key}`);
    counts[key] = count;
  };
  const countedActivities = (): Record<string, number> => {
    const counts: Record<string, number> = {};
    const [entries] = match(/^(\d+)$/);
    for (let i = 0; i < entries; i++) {
      const [index, count] = match(/^(\d+)x(\d+)$/);
      add(counts, nameOf(index), count);
    }
    return counts;
  };
  const starts = countedActivities();
  const ends = countedActivities();
  const edges: Record<string, number> = {};
  while (next < lines.length) {
    const [from, to, count] = match(/^(\d+)>(\d+)x(\d+)$/);
    add(edges, edgeKey(nameOf(from), nameOf(to)), count);
  }
  return { activities, starts, ends, edges };
}

/** ordex's directly-follows graph of the log in the same shape, activity names sorted. */
function ordexDfgCounts(log: CaseEventLog): DfgCounts {
  const dfg = directlyFollows(log);
  const byName = (counts: { name: string; frequency: number }[]) =>
    Object.fromEntries(counts.map(({ name, frequency }) => [name, frequency]));
  return {
    activities: dfg.activities.map(({ name }) => name).sort(),
    starts: byName(dfg.starts),
    ends: byName(dfg.ends),
    edges: Object.fromEntries(dfg.edges.map(({ from, to, frequency }) => [edgeKey(from, to), frequency])),
  };
}

describe("ordex against pm4py's directly-follows graph of the running example", () => {
  it("reads pm4py's .dfg file: 8 activities, 1 start, 2 ends and 16 edges", async () => {
    const reference = parsePm4pyDfg(await readFile(PM4PY_DFG, 'utf8'));

    // Names in the file's own order, which is the order its index numbers refer to.
    expect(reference.activities).toEqual([
      'reinitiate request',
      'examine casually',
      'check ticket',
      'register request',
      'reject request',
      'pay compensation',
      'decide',
      'examine thoroughly',
    ]);
    expect(reference.starts).toEqual({ 'register request': 6 });
    expect(reference.ends).toEqual({ 'pay compensation': 3, 'reject request': 3 });
    // 36 directly-follows occurrences in all: 42 events in 6 cases give 42 − 6 steps.
    expect(reference.edges).toEqual({
      'check ticket -> decide': 6,
      'examine casually -> check ticket': 4,
      'decide -> pay compensation': 3,
      'decide -> reinitiate request': 3,
      'decide -> reject request': 3,
      'register request -> examine casually': 3,
      'check ticket -> examine casually': 2,
      'examine casually -> decide': 2,
      'examine thoroughly -> check ticket': 2,
      'register request -> check ticket': 2,
      'check ticket -> examine thoroughly': 1,
      'examine thoroughly -> decide': 1,
      'register request -> examine thoroughly': 1,
      'reinitiate request -> check ticket': 1,
      'reinitiate request -> examine casually': 1,
      'reinitiate request -> examine thoroughly': 1,
    });
  });

  it('reads the XES fixture as 6 cases of 42 events in 6 variants', async () => {
    const result = await readXes(RUNNING_EXAMPLE);

    expect([result.traces, result.events, result.skippedEvents]).toEqual([6, 42, 0]);
    expect(result.attributes).toEqual(['Costs', 'concept:name', 'org:resource', 'time:timestamp']);
    // The CSV's local times at +01:00 are read as the instants they name (one hour earlier in UTC).
    expect(casesOf(result.log)['1']).toEqual([
      { activity: 'register request', time: '2010-12-30T10:02:00.000Z', resource: 'Pete' },
      { activity: 'examine thoroughly', time: '2010-12-31T09:06:00.000Z', resource: 'Sue' },
      { activity: 'check ticket', time: '2011-01-05T14:12:00.000Z', resource: 'Mike' },
      { activity: 'decide', time: '2011-01-06T10:18:00.000Z', resource: 'Sara' },
      { activity: 'reject request', time: '2011-01-07T13:24:00.000Z', resource: 'Pete' },
    ]);
    expect(summarize(result.log)).toEqual({
      cases: 6,
      events: 42,
      activities: 8,
      variants: 6,
      dfgEdges: 16,
    });
    // Every case takes its own path, so each variant has one case; ties are ordered by sequence.
    expect(variants(result.log).map(({ activities, cases }) => ({ cases, activities }))).toEqual([
      {
        cases: 1,
        activities: ['register request', 'check ticket', 'examine casually', 'decide', 'pay compensation'],
      },
      {
        cases: 1,
        activities: ['register request', 'check ticket', 'examine thoroughly', 'decide', 'reject request'],
      },
      {
        cases: 1,
        activities: ['register request', 'examine casually', 'check ticket', 'decide', 'pay compensation'],
      },
      {
        cases: 1,
        activities: [
          'register request',
          'examine casually',
          'check ticket',
          'decide',
          'reinitiate request',
          'check ticket',
          'examine casually',
          'decide',
          'reinitiate request',
          'examine casually',
          'check ticket',
          'decide',
          'reject request',
        ],
      },
      {
        cases: 1,
        activities: [
          'register request',
          'examine casually',
          'check ticket',
          'decide',
          'reinitiate request',
          'examine thoroughly',
          'check ticket',
          'decide',
          'pay compensation',
        ],
      },
      {
        cases: 1,
        activities: ['register request', 'examine thoroughly', 'check ticket', 'decide', 'reject request'],
      },
    ]);
  });

  it('reports the same activities, starts, ends and edges with the same frequencies as pm4py', async () => {
    const reference = parsePm4pyDfg(await readFile(PM4PY_DFG, 'utf8'));
    const { log } = await readXes(RUNNING_EXAMPLE);

    expect(ordexDfgCounts(log)).toEqual({ ...reference, activities: [...reference.activities].sort() });
  });
});
