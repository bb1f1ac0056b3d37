import { createHash } from 'node:crypto';
import { SeededRandom } from '@ordex/demo-data';

/** The simulator's seeded random source: the demo distributor's PRNG plus the draws it needs. */
export class SimRandom extends SeededRandom {
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A uniform draw in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** An exponential draw with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal draw whose median is `median` and whose log has standard deviation `sigma`. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/**
 * A uniform number in [0, 1) that depends only on the seed and the key: decisions taken this way
 * (a command's answer) come out the same however often, and in whatever order, they are taken.
 */
export function keyedUnit(seed: number, key: string): number {
  const digest = createHash('sha256').update(`${seed}|${key}`).digest();
  return digest.readUInt32BE(0) / 4294967296;
}

/** A random source for one key (a command id), independent of every other key's. */
export function keyedRandom(seed: number, key: string): SimRandom {
  return new SimRandom(Math.floor(keyedUnit(seed, key) * 4294967296));
}
