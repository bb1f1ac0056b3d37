import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run measure:startup`: starts the embedded stack as `npm start` does (the built
 * dist/tools/embedded/start.js) on a fresh data directory (first run: database created, demo
 * loaded) and again on the same directory (restart), and prints the time until it is ready and
 * its resident memory then.
 */
interface Sample {
  run: string;
  seconds: number;
  rssMb: number;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function measure(run: string, dataDir: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(__dirname, 'start.js')], {
      env: { ...process.env, ORDEX_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n'))
        if (line.startsWith('ordex: ') && line !== 'ordex: ready')
          process.stdout.write(`  [${run}] ${line.slice(7)}\n`);
      if (!output.includes('ordex: ready')) return;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rssMb = child.pid ? residentMb(child.pid) : 0;
      child.once('exit', () => resolve({ run, seconds, rssMb }));
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => {
      if (!output.includes('ordex: ready'))
        reject(new Error(`${run}: the stack exited with code ${code} before it was ready`));
    });
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ordex-startup-'));
  try {
    process.stdout.write('measuring the embedded stack (process start until the graph answers)\n');
    const samples = [
      await measure('first run', dataDir),
      await measure('restart', dataDir),
      await measure('restart', dataDir),
    ];
    process.stdout.write('\nrun         start-up   resident memory\n');
    for (const s of samples)
      process.stdout.write(
        `${s.run.padEnd(11)} ${s.seconds.toFixed(2).padStart(6)} s   ${String(s.rssMb).padStart(5)} MB\n`,
      );
    process.stdout.write(
      `${JSON.stringify({ firstRunSeconds: +samples[0].seconds.toFixed(2), restartSeconds: +samples[2].seconds.toFixed(2), firstRunRssMb: samples[0].rssMb, restartRssMb: samples[2].rssMb })}\n`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
