import { directlyFollowsGraph, ObjectEvent } from './directly-follows.util';

const T0 = Date.parse('2026-11-27T08:00:00.000Z');

function event(objectId: string, activity: string, secondsAfterT0: number): ObjectEvent {
  return { objectId, activity, occurredAt: new Date(T0 + secondsAfterT0 * 1000) };
}

// Three orders: two go straight through, one is held for credit first.
const log: ObjectEvent[] = [
  event('SO-1', 'Order received', 0),
  event('SO-1', 'Order released', 60),
  event('SO-1', 'Order shipped', 3600),
  event('SO-2', 'Order received', 10),
  event('SO-2', 'Order released', 130),
  event('SO-2', 'Order shipped', 7330),
  event('SO-3', 'Order received', 20),
  event('SO-3', 'Credit hold', 50),
  event('SO-3', 'Order released', 1850),
  event('SO-3', 'Order shipped', 2750),
];

describe('directlyFollowsGraph', () => {
  it('counts each directly-follows pair and takes the median of its durations', () => {
    expect(directlyFollowsGraph(log)).toEqual([
      { from: 'Order released', to: 'Order shipped', count: 3, medianSeconds: 3540 },
      { from: 'Order received', to: 'Order released', count: 2, medianSeconds: 90 },
      { from: 'Credit hold', to: 'Order released', count: 1, medianSeconds: 1800 },
      { from: 'Order received', to: 'Credit hold', count: 1, medianSeconds: 30 },
    ]);
  });

  it('orders each object by time, whatever order the log comes in', () => {
    const shuffled = [log[9], log[3], log[0], log[6], log[5], log[2], log[8], log[1], log[7], log[4]];
    expect(directlyFollowsGraph(shuffled)).toEqual(directlyFollowsGraph(log));
  });

  it('never links the activities of two different objects', () => {
    const twoSingles = [event('SO-1', 'Order received', 0), event('SO-2', 'Order shipped', 5)];
    expect(directlyFollowsGraph(twoSingles)).toEqual([]);
  });

  it('counts a repeated activity as a self-loop', () => {
    const rework = [event('CASE-1', 'Price checked', 0), event('CASE-1', 'Price checked', 45.5)];
    expect(directlyFollowsGraph(rework)).toEqual([
      { from: 'Price checked', to: 'Price checked', count: 1, medianSeconds: 45.5 },
    ]);
  });

  it('returns no edges for an empty log', () => {
    expect(directlyFollowsGraph([])).toEqual([]);
  });
});
