/** An activity that happened to an object (a row of the event log, as process mining reads it). */
export interface ObjectEvent {
  objectId: string;
  activity: string;
  occurredAt: Date;
}

/** How often one activity directly followed another on the same object, and how long after. */
export interface DirectlyFollowsEdge {
  from: string;
  to: string;
  count: number;
  medianSeconds: number;
}

/**
 * The directly-follows graph of an event log: an edge from activity a to activity b for every
 * time b was the next activity on the same object after a. Each object's events are taken in
 * time order; events at the same instant keep the order they came in. Edges come most frequent
 * first, then by activity names.
 */
export function directlyFollowsGraph(events: readonly ObjectEvent[]): DirectlyFollowsEdge[] {
  const edges = new Map<string, { from: string; to: string; seconds: number[] }>();
  for (const trace of tracesOf(events)) {
    for (let i = 1; i < trace.length; i++) {
      const from = trace[i - 1].activity;
      const to = trace[i].activity;
      const key = JSON.stringify([from, to]);
      let edge = edges.get(key);
      if (!edge) {
        edge = { from, to, seconds: [] };
        edges.set(key, edge);
      }
      edge.seconds.push((trace[i].occurredAt.getTime() - trace[i - 1].occurredAt.getTime()) / 1000);
    }
  }
  return [...edges.values()]
    .map(({ from, to, seconds }) => ({ from, to, count: seconds.length, medianSeconds: median(seconds) }))
    .sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to));
}

/** Each object's events in time order (Array.prototype.sort is stable, so ties keep their order). */
function tracesOf(events: readonly ObjectEvent[]): ObjectEvent[][] {
  const traces = new Map<string, ObjectEvent[]>();
  for (const event of events) {
    const trace = traces.get(event.objectId);
    if (trace) trace.push(event);
    else traces.set(event.objectId, [event]);
  }
  return [...traces.values()].map((trace) =>
    trace.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()),
  );
}

/** The middle value; the mean of the two middle values of an even count. `values` is not empty. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
