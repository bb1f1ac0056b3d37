import type { CaseEventLog } from './event-log.model';

/**
 * How often one activity was directly followed by another within the same case, and how long
 * the step took. Durations are taken over the occurrences whose two events both have a time;
 * an edge whose occurrences all lack one has `null` statistics but still its full frequency.
 */
export interface DfgEdge {
  from: string;
  to: string;
  frequency: number;
  /** ms between the two events, over the edge's occurrences with both times known */
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

/** The directly-follows graph of a log, the process map operations teams read first. */
export interface Dfg {
  activities: { name: string; frequency: number }[];
  edges: DfgEdge[];
  /** activities that start / end cases, with counts */
  starts: { name: string; frequency: number }[];
  ends: { name: string; frequency: number }[];
}

/** One distinct path through the process and the cases that took it. */
export interface Variant {
  activities: string[];
  cases: number;
  /** case durations (first to last event) of the variant's cases with times */
  meanDurationMs: number | null;
  medianDurationMs: number | null;
}

/** A step where work waits, split by the resource (or team) that picks it up. */
export interface Bottleneck {
  from: string;
  to: string;
  /** the resource/team of the event waited on (the `to` event), null when none */
  resource: string | null;
  occurrences: number;
  meanWaitMs: number;
  maxWaitMs: number;
}

/** The size of a log at a glance. */
export interface LogSummary {
  cases: number;
  events: number;
  activities: number;
  variants: number;
  dfgEdges: number;
}

/** How many bottlenecks {@link bottlenecks} returns when the caller does not say. */
const DEFAULT_BOTTLENECK_COUNT = 10;

/**
 * Up to this many (from, to) activity pairs, edges are looked up in a dense table (16 MiB at
 * most); beyond it, in a Map keyed by the same integer.
 */
const DENSE_PAIR_LIMIT = 1 << 22;

/**
 * The directly-follows graph, as pm4py reports it: every two consecutive events of a case
 * (a then b) count once towards the edge a→b, self-loops (a→a) included, and edges never cross
 * cases. An activity's frequency is its number of events; starts and ends count the first and
 * last activity of every case with at least one event.
 *
 * Durations are `to.time − from.time` in ms, exact (not rounded). A pair where either event has
 * no time is left out of the statistics but still counts towards the frequency. The median of an
 * even count is the mean of the two middle values; p90 is the nearest rank (the ⌈0.9·n⌉-th
 * smallest), so it is always a duration that really occurred. A case holding an event without a
 * time keeps the order its events were logged in, so a timed pair in such a case can have a
 * negative duration; it is reported as is rather than hidden.
 *
 * Activities, starts and ends come most frequent first, then by name; edges most frequent first,
 * then by `from`, then by `to` (names compare by UTF-16 code units, the same on every machine).
 * Activities without any event are left out.
 */
export function directlyFollows(log: CaseEventLog): Dfg {
  const index = indexEdges(log);
  const { offsets, values: deltas } = sortedEdgeDeltas(log, index);
  const names = log.activities;
  const edges = index.from.map((from, edge): DfgEdge => {
    const spread = spreadOf(deltas.subarray(offsets[edge], offsets[edge + 1]));
    return {
      from: names[from],
      to: names[index.to[edge]],
      frequency: index.frequency[edge],
      meanMs: spread?.mean ?? null,
      medianMs: spread?.median ?? null,
      p90Ms: spread?.p90 ?? null,
      maxMs: spread?.max ?? null,
    };
  });
  edges.sort((a, b) => b.frequency - a.frequency || compare(a.from, b.from) || compare(a.to, b.to));
  const { starts, ends } = startAndEndCounts(log);
  return {
    activities: rankedCounts(names, activityCounts(log)),
    edges,
    starts: rankedCounts(names, starts),
    ends: rankedCounts(names, ends),
  };
}

/**
 * The variants of a log: cases grouped by their exact activity sequence (repeats and order
 * matter). A case with no events forms the variant with no activities, so the variants' cases
 * always add up to the log's cases.
 *
 * A variant's durations are over its cases whose events all have a time (first to last event;
 * a single-event case lasts 0 ms); a case with an untimed event is left out, because its events
 * then keep their logged order and its true span is unknown. `null` when no case qualifies.
 *
 * Most common variant first; ties by activity sequence, compared name by name (a sequence comes
 * before its own extensions).
 */
export function variants(log: CaseEventLog): Variant[] {
  const groups = groupVariants(log);
  const { offsets, values: durations } = sortedVariantDurations(log, groups);
  const result = groups.cases.map((cases, variant): Variant => {
    const spread = spreadOf(durations.subarray(offsets[variant], offsets[variant + 1]));
    return {
      activities: activitiesOfCase(log, groups.firstCase[variant]),
      cases,
      meanDurationMs: spread?.mean ?? null,
      medianDurationMs: spread?.median ?? null,
    };
  });
  return result.sort((a, b) => b.cases - a.cases || compareSequences(a.activities, b.activities));
}

/**
 * Where cases wait longest: every directly-follows step (a then b in the same case, self-loops
 * included) grouped by (a, b, resource of the b event), since the team that picks the work up is
 * the one an operations lead can act on. Only steps with both times known count, so
 * `occurrences` can be lower than the edge's DFG frequency; groups without any timed step are
 * left out. Waits are exact ms.
 *
 * Longest mean wait first; ties: more occurrences first, then `from`, `to` and resource by name,
 * with the group without a resource after the named ones. Returns at most `top` (default 10;
 * `Infinity` for all, 0 or less for none).
 */
export function bottlenecks(log: CaseEventLog, top: number = DEFAULT_BOTTLENECK_COUNT): Bottleneck[] {
  const { time, resource } = log;
  const { edgeAfter, from, to } = indexEdges(log);
  const slots = log.resources.length + 1;
  const groupOf = new Map<number, number>();
  const groupEdge: number[] = [];
  const groupResource: number[] = [];
  const occurrences: number[] = [];
  const totalWait: number[] = [];
  const maxWait: number[] = [];
  for (let i = 0; i < edgeAfter.length; i++) {
    const edge = edgeAfter[i];
    if (edge < 0 || !bothTimed(time, i)) continue;
    const key = edge * slots + resource[i + 1] + 1;
    let group = groupOf.get(key);
    if (group === undefined) {
      group = groupEdge.length;
      groupOf.set(key, group);
      groupEdge.push(edge);
      groupResource.push(resource[i + 1]);
      occurrences.push(0);
      totalWait.push(0);
      maxWait.push(Number.NEGATIVE_INFINITY);
    }
    const wait = time[i + 1] - time[i];
    occurrences[group]++;
    totalWait[group] += wait;
    if (wait > maxWait[group]) maxWait[group] = wait;
  }
  const result = groupEdge.map((edge, group): Bottleneck => ({
    from: log.activities[from[edge]],
    to: log.activities[to[edge]],
    resource: groupResource[group] < 0 ? null : log.resources[groupResource[group]],
    occurrences: occurrences[group],
    meanWaitMs: totalWait[group] / occurrences[group],
    maxWaitMs: maxWait[group],
  }));
  result.sort(
    (a, b) =>
      b.meanWaitMs - a.meanWaitMs ||
      b.occurrences - a.occurrences ||
      compare(a.from, b.from) ||
      compare(a.to, b.to) ||
      compareResources(a.resource, b.resource),
  );
  return result.slice(0, Math.max(0, top));
}

/**
 * The counts behind {@link directlyFollows} and {@link variants} without their durations, for a
 * log overview. `activities` counts the activities that have at least one event.
 */
export function summarize(log: CaseEventLog): LogSummary {
  return {
    cases: log.caseIds.length,
    events: log.activity.length,
    activities: activityCounts(log).reduce((present, count) => present + (count > 0 ? 1 : 0), 0),
    variants: groupVariants(log).cases.length,
    dfgEdges: indexEdges(log).from.length,
  };
}

/** The distinct directly-follows edges of a log, numbered in the order first met. */
interface EdgeIndex {
  /** Per edge: its activities' indexes. */
  from: number[];
  to: number[];
  /** Per edge: all its occurrences, and those with both times known. */
  frequency: number[];
  timed: number[];
  /** Per event i: the edge of the step from i to i + 1, or −1 when i is the last of its case. */
  edgeAfter: Int32Array;
}

/** One pass over the events, keying each step by the integer from·A + to (A = activities). */
function indexEdges(log: CaseEventLog): EdgeIndex {
  const { activity, time, caseStart } = log;
  const width = log.activities.length;
  const edgeAfter = new Int32Array(activity.length).fill(-1);
  const dense = width * width <= DENSE_PAIR_LIMIT ? new Int32Array(width * width).fill(-1) : null;
  const sparse = new Map<number, number>();
  const index: EdgeIndex = { from: [], to: [], frequency: [], timed: [], edgeAfter };
  for (let c = 0; c < log.caseIds.length; c++) {
    const last = caseStart[c + 1] - 1;
    for (let i = caseStart[c]; i < last; i++) {
      const key = activity[i] * width + activity[i + 1];
      let edge = dense ? dense[key] : (sparse.get(key) ?? -1);
      if (edge < 0) {
        edge = index.from.length;
        index.from.push(activity[i]);
        index.to.push(activity[i + 1]);
        index.frequency.push(0);
        index.timed.push(0);
        if (dense) dense[key] = edge;
        else sparse.set(key, edge);
      }
      index.frequency[edge]++;
      if (bothTimed(time, i)) index.timed[edge]++;
      edgeAfter[i] = edge;
    }
  }
  return index;
}

/** Numbers grouped in one array: group g's are values[offsets[g]] … values[offsets[g + 1] − 1], ascending. */
interface SortedGroups {
  offsets: Uint32Array;
  values: Float64Array;
}

/** Every edge's timed step durations in one array, each edge's slice sorted ascending. */
function sortedEdgeDeltas(log: CaseEventLog, index: EdgeIndex): SortedGroups {
  const { time } = log;
  const { edgeAfter } = index;
  const offsets = offsetsOf(index.timed);
  const deltas = new Float64Array(offsets[index.timed.length]);
  const cursor = offsets.slice(0, index.timed.length);
  for (let i = 0; i < edgeAfter.length; i++) {
    const edge = edgeAfter[i];
    if (edge >= 0 && bothTimed(time, i)) deltas[cursor[edge]++] = time[i + 1] - time[i];
  }
  sortEachGroup(deltas, offsets);
  return { offsets, values: deltas };
}

/** Cases grouped by activity sequence, variants numbered in the order first met. */
interface VariantGroups {
  /** Per case: its variant. */
  variantOf: Int32Array;
  /** Per variant: the first case that took it (its activity sequence stands for the variant). */
  firstCase: number[];
  /** Per variant: its number of cases. */
  cases: number[];
}

/**
 * Groups cases by a hash of their activity indexes, confirming each match against the variant's
 * first case so that a hash collision only costs a comparison, never a wrong grouping.
 */
function groupVariants(log: CaseEventLog): VariantGroups {
  const { activity, caseStart } = log;
  const caseCount = log.caseIds.length;
  const variantOf = new Int32Array(caseCount);
  const firstCase: number[] = [];
  const cases: number[] = [];
  const nextWithSameHash: number[] = [];
  const variantByHash = new Map<number, number>();
  for (let c = 0; c < caseCount; c++) {
    const hash = sequenceHash(activity, caseStart[c], caseStart[c + 1]);
    const head = variantByHash.get(hash) ?? -1;
    let variant = head;
    while (variant >= 0 && !sameSequence(log, firstCase[variant], c)) variant = nextWithSameHash[variant];
    if (variant < 0) {
      variant = firstCase.length;
      firstCase.push(c);
      cases.push(0);
      nextWithSameHash.push(head);
      variantByHash.set(hash, variant);
    }
    cases[variant]++;
    variantOf[c] = variant;
  }
  return { variantOf, firstCase, cases };
}

/** FNV-1a over activity indexes, seeded with the length, kept to 30 bits (a small-integer key). */
function sequenceHash(activity: Uint32Array, start: number, end: number): number {
  let hash = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ activity[i], 0x01000193);
  return hash & 0x3fffffff;
}

function sameSequence(log: CaseEventLog, a: number, b: number): boolean {
  const { activity, caseStart } = log;
  const length = caseStart[a + 1] - caseStart[a];
  if (caseStart[b + 1] - caseStart[b] !== length) return false;
  for (let k = 0; k < length; k++) {
    if (activity[caseStart[a] + k] !== activity[caseStart[b] + k]) return false;
  }
  return true;
}

/** Every variant's case durations in one array (fully timed cases only), each slice sorted. */
function sortedVariantDurations(log: CaseEventLog, groups: VariantGroups): SortedGroups {
  const caseCount = log.caseIds.length;
  const durationOf = new Float64Array(caseCount);
  const timedCases: number[] = groups.cases.map(() => 0);
  for (let c = 0; c < caseCount; c++) {
    durationOf[c] = caseDuration(log, c);
    if (!Number.isNaN(durationOf[c])) timedCases[groups.variantOf[c]]++;
  }
  const offsets = offsetsOf(timedCases);
  const durations = new Float64Array(offsets[timedCases.length]);
  const cursor = offsets.slice(0, timedCases.length);
  for (let c = 0; c < caseCount; c++) {
    if (!Number.isNaN(durationOf[c])) durations[cursor[groups.variantOf[c]]++] = durationOf[c];
  }
  sortEachGroup(durations, offsets);
  return { offsets, values: durations };
}

/** Last minus first event time; NaN for a case without events or with an untimed event. */
function caseDuration(log: CaseEventLog, c: number): number {
  const { time, caseStart } = log;
  const start = caseStart[c];
  const end = caseStart[c + 1];
  if (end === start) return Number.NaN;
  for (let i = start; i < end; i++) if (Number.isNaN(time[i])) return Number.NaN;
  return time[end - 1] - time[start];
}

function activitiesOfCase(log: CaseEventLog, c: number): string[] {
  const names: string[] = [];
  for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) names.push(log.activities[log.activity[i]]);
  return names;
}

function activityCounts(log: CaseEventLog): Uint32Array {
  const counts = new Uint32Array(log.activities.length);
  for (let i = 0; i < log.activity.length; i++) counts[log.activity[i]]++;
  return counts;
}

function startAndEndCounts(log: CaseEventLog): { starts: Uint32Array; ends: Uint32Array } {
  const { activity, caseStart } = log;
  const starts = new Uint32Array(log.activities.length);
  const ends = new Uint32Array(log.activities.length);
  for (let c = 0; c < log.caseIds.length; c++) {
    if (caseStart[c + 1] === caseStart[c]) continue;
    starts[activity[caseStart[c]]]++;
    ends[activity[caseStart[c + 1] - 1]]++;
  }
  return { starts, ends };
}

/** Named counts above zero, most frequent first, then by name. */
function rankedCounts(names: string[], counts: Uint32Array): { name: string; frequency: number }[] {
  const ranked: { name: string; frequency: number }[] = [];
  counts.forEach((frequency, i) => {
    if (frequency > 0) ranked.push({ name: names[i], frequency });
  });
  return ranked.sort((a, b) => b.frequency - a.frequency || compare(a.name, b.name));
}

function bothTimed(time: Float64Array, i: number): boolean {
  return !Number.isNaN(time[i]) && !Number.isNaN(time[i + 1]);
}

/** Prefix sums: group g owns offsets[g] … offsets[g + 1] − 1. */
function offsetsOf(sizes: number[]): Uint32Array {
  const offsets = new Uint32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) offsets[g + 1] = offsets[g] + sizes[g];
  return offsets;
}

/** Sorts each group's slice in place (typed-array sort is numeric). */
function sortEachGroup(values: Float64Array, offsets: Uint32Array): void {
  for (let g = 0; g + 1 < offsets.length; g++) {
    if (offsets[g + 1] - offsets[g] > 1) values.subarray(offsets[g], offsets[g + 1]).sort();
  }
}

/** Mean, median, nearest-rank p90 and max of ascending values; null when there are none. */
function spreadOf(sorted: Float64Array): { mean: number; median: number; p90: number; max: number } | null {
  const n = sorted.length;
  if (n === 0) return null;
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  const middle = n >> 1;
  return {
    mean: total / n,
    median: n % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
    p90: sorted[Math.ceil((9 * n) / 10) - 1],
    max: sorted[n - 1],
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Name by name; a sequence before its own extensions. */
function compareSequences(a: string[], b: string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let k = 0; k < shared; k++) {
    const order = compare(a[k], b[k]);
    if (order) return order;
  }
  return a.length - b.length;
}

/** Named resources by name, the missing resource last. */
function compareResources(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}
