import type { ProcessMapObject } from './process-map.object';
import type { MinedObjectType } from './process-map.service';

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

export function toProcessMapObject(mined: MinedObjectType): ProcessMapObject {
  return {
    objectType: mined.objectType,
    cases: mined.cases,
    events: mined.events,
    activities: mined.dfg.activities.map((a) => ({ name: a.name, count: a.frequency })),
    edges: mined.dfg.edges.map((e) => ({
      from: e.from,
      to: e.to,
      count: e.frequency,
      medianSeconds: seconds(e.medianMs),
      p90Seconds: seconds(e.p90Ms),
    })),
    starts: mined.dfg.starts.map((a) => ({ name: a.name, count: a.frequency })),
    ends: mined.dfg.ends.map((a) => ({ name: a.name, count: a.frequency })),
    bottlenecks: mined.bottlenecks.map((b) => ({
      from: b.from,
      to: b.to,
      team: b.resource,
      occurrences: b.occurrences,
      meanWaitSeconds: b.meanWaitMs / 1000,
      maxWaitSeconds: b.maxWaitMs / 1000,
    })),
    dfg: mined.dfg,
  };
}
