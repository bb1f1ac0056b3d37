/**
 * When (wall ms after the run started) the runner may send an event: not before its simulated
 * time at `speed` simulated seconds per wall second, and not faster than `rate` events/s.
 */
export function dueWallMs(
  index: number,
  simulatedMs: number,
  simulatedStartMs: number,
  pace: { speed?: number; rate?: number },
): number {
  const bySpeed = pace.speed ? Math.max(0, simulatedMs - simulatedStartMs) / pace.speed : 0;
  const byRate = pace.rate ? (index * 1000) / pace.rate : 0;
  return Math.max(bySpeed, byRate);
}
