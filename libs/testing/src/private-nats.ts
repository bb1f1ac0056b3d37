import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { eventually } from './graphql-client';
import { freePort } from './service-process';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface PrivateNats {
  url: string;
  /** Stops the server (SIGTERM), keeping its JetStream store. */
  stop(): Promise<void>;
  /** Starts it again on the same port and store. */
  start(): Promise<void>;
  /** Stops it and removes its store. */
  dispose(): Promise<void>;
}

/**
 * A NATS server with JetStream of a suite's own, on a free loopback port with a throwaway store:
 * suites that use ordex's real stream names, or stop the server, cannot disturb each other or the
 * machine's shared server.
 */
export async function startPrivateNats(): Promise<PrivateNats> {
  if (!existsSync(NATS_SERVER)) {
    throw new Error(
      `nats-server not found at ${NATS_SERVER} (install the nats-server package or set NATS_SERVER_BIN)`,
    );
  }
  const port = await freePort();
  const store = mkdtempSync(join(tmpdir(), 'ordex-nats-'));
  const url = `nats://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store], {
      stdio: 'ignore',
    });
    await eventually(
      async () => {
        const nc = await connect({ servers: url, reconnect: false, timeout: 500 }).catch(() => undefined);
        if (!nc) return undefined;
        await nc.close();
        return true;
      },
      15_000,
      100,
    );
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(store, { recursive: true, force: true });
    },
  };
}
