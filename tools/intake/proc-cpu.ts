import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU accounting from /proc (Linux), for the intake benchmark: where the processor time per event
 * goes (orders process, PostgreSQL, NATS, the benchmark itself) and how busy the machine is
 * with work that is none of those. Elsewhere every figure reads as unavailable.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface CpuTimes {
  userMs: number;
  systemMs: number;
}

/** User and system CPU time of one process, or undefined when it cannot be read. */
export function processCpu(pid: number | undefined): CpuTimes | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { userMs: Number(fields[11]) * TICK_MS, systemMs: Number(fields[12]) * TICK_MS };
  } catch {
    return undefined;
  }
}

/** Sum over processes; those that cannot be read count as zero. */
export function processesCpu(pids: readonly number[]): CpuTimes {
  return pids.reduce<CpuTimes>(
    (sum, pid) => {
      const times = processCpu(pid);
      return times ? { userMs: sum.userMs + times.userMs, systemMs: sum.systemMs + times.systemMs } : sum;
    },
    { userMs: 0, systemMs: 0 },
  );
}

/** Pids whose command name is `name` (e.g. nats-server). */
export function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** Busy and total CPU milliseconds of the whole machine since boot (all cores). */
export function machineCpu(): { busyMs: number; totalMs: number } | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = ticks.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
    const total = values.reduce((a, b) => a + b, 0);
    const idle = values[3] + values[4];
    return { busyMs: (total - idle) * TICK_MS, totalMs: total * TICK_MS };
  } catch {
    return undefined;
  }
}

export const CORES = cpus().length;
