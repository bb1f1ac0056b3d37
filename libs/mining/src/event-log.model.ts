/**
 * A case-centric event log in columnar form, built for mining speed: per event an activity,
 * a timestamp and a resource as indexes and typed arrays, events grouped by case and in time
 * order within each case (ties keep the order the events were added in).
 */
export interface CaseEventLog {
  /** Activity names; events refer to them by index. */
  activities: string[];
  /** Resource (or team) names; events refer to them by index, -1 for none. */
  resources: string[];
  /** Case ids, in the order each case was first seen. */
  caseIds: string[];
  /** Case i's events are caseStart[i] … caseStart[i + 1] − 1 (length: cases + 1). */
  caseStart: Uint32Array;
  /** Per event: its activity's index. */
  activity: Uint32Array;
  /** Per event: ms since the epoch; NaN when the event has no timestamp. */
  time: Float64Array;
  /** Per event: its resource's index, or −1. */
  resource: Int32Array;
}

/** Collects events in any order and builds a {@link CaseEventLog}. */
export class EventLogBuilder {
  private readonly activityIndex = new Map<string, number>();
  private readonly resourceIndex = new Map<string, number>();
  private readonly caseIndex = new Map<string, number>();
  private caseOf: number[] = [];
  private activityOf: number[] = [];
  private timeOf: number[] = [];
  private resourceOf: number[] = [];

  get events(): number {
    return this.caseOf.length;
  }

  add(caseId: string, activity: string, time: number | null, resource: string | null = null): void {
    this.caseOf.push(index(this.caseIndex, caseId));
    this.activityOf.push(index(this.activityIndex, activity));
    this.timeOf.push(time ?? Number.NaN);
    this.resourceOf.push(resource === null ? -1 : index(this.resourceIndex, resource));
  }

  build(): CaseEventLog {
    const n = this.caseOf.length;
    const cases = this.caseIndex.size;
    const caseStart = new Uint32Array(cases + 1);
    for (let e = 0; e < n; e++) caseStart[this.caseOf[e] + 1]++;
    for (let c = 0; c < cases; c++) caseStart[c + 1] += caseStart[c];
    const fill = caseStart.slice(0, cases);
    const order = new Uint32Array(n);
    for (let e = 0; e < n; e++) order[fill[this.caseOf[e]]++] = e;
    // Within a case: by time, ties in the order they were added. A case with an event without a
    // time keeps the order its events were added in (the log's own order).
    for (let c = 0; c < cases; c++) {
      const from = caseStart[c];
      const to = caseStart[c + 1];
      if (to - from < 2) continue;
      const slice = Array.from(order.subarray(from, to));
      if (slice.some((e) => Number.isNaN(this.timeOf[e]))) continue;
      slice.sort((a, b) => this.timeOf[a] - this.timeOf[b] || a - b);
      order.set(slice, from);
    }
    const activity = new Uint32Array(n);
    const time = new Float64Array(n);
    const resource = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const e = order[i];
      activity[i] = this.activityOf[e];
      time[i] = this.timeOf[e];
      resource[i] = this.resourceOf[e];
    }
    return {
      activities: [...this.activityIndex.keys()],
      resources: [...this.resourceIndex.keys()],
      caseIds: [...this.caseIndex.keys()],
      caseStart,
      activity,
      time,
      resource,
    };
  }
}

function index(map: Map<string, number>, key: string): number {
  let i = map.get(key);
  if (i === undefined) {
    i = map.size;
    map.set(key, i);
  }
  return i;
}
