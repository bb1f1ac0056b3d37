import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually } from './graphql-client';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a built service (`node <script>`) and waits until its readiness URL answers 200. */
export async function startServiceProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  readyUrl: string,
  timeoutMs = 60_000,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`${name} exited with code ${child.exitCode}: ${output.slice(-2000)}`);
        const response = await fetch(readyUrl).catch(() => undefined);
        return response?.ok ? true : undefined;
      },
      timeoutMs,
      200,
    );
  } catch (error) {
    await stop();
    throw new Error(`${name} did not become ready: ${(error as Error).message}\n${output.slice(-2000)}`);
  }
  return { name, child, output: () => output, stop };
}

/**
 * Runs a built script (with `args`) to completion and returns its exit code and output. With
 * `isolated`, the script sees only `env` (plus PATH), not the test runner's environment.
 */
export function runScript(
  script: string,
  env: Record<string, string>,
  { isolated = false, timeoutMs = 60_000, args = [] as string[] } = {},
) {
  const base = isolated ? { PATH: process.env.PATH ?? '' } : process.env;
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
