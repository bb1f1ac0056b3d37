import type { DirectlyFollowsEdge } from './domain/directly-follows.util';
import type { ProcessMapObject } from './process-map.object';

export function toProcessMapObject(objectType: string, edges: DirectlyFollowsEdge[]): ProcessMapObject {
  return {
    objectType,
    edges: edges.map((e) => ({ from: e.from, to: e.to, count: e.count, medianSeconds: e.medianSeconds })),
  };
}
