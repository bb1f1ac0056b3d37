import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';
import { generateInternalIdentityKeys } from '@ordex/platform';

/**
 * A production-mode deployment for benchmarks, all on this machine: a NATS server with JetStream
 * of its own (throwaway store), a throwaway PostgreSQL database, one process per service built by
 * `npm run build`, and a local OIDC issuer whose tokens the gateway accepts.
 */
export interface Deployment {
  natsUrl: string;
  databaseUrl: string;
  identityKeys: { privateKeyPem: string; publicKeyPem: string };
  issuer: { url: string; token(roles: string[]): Promise<string> };
  /** Starts a service process; resolves with its base URL once it is ready. */
  start(name: string, script: string, env: Record<string, string>): Promise<string>;
  /** Stops a service and starts it again on the same port. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

interface Service {
  name: string;
  script: string;
  env: Record<string, string>;
  port: number;
  child?: ChildProcess;
}

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
/** The PostgreSQL server the benchmarks create their databases on (DATABASE_URL, a database named *test*). */
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

/** Runs one statement on the benchmark server's admin database (CREATE / DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startIssuer(): Promise<{
  server: Server;
  url: string;
  token(roles: string[]): Promise<string>;
}> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    server,
    url,
    token: (roles) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
        .setIssuer(url)
        .setAudience('ordex')
        .setSubject('bench.user')
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey),
  };
}

export async function startDeployment(log: (line: string) => void): Promise<Deployment> {
  if (!new URL(ADMIN_URL).pathname.includes('test'))
    throw new Error(
      'DATABASE_URL must name a database containing "test": the benchmark creates and drops one',
    );
  const store = mkdtempSync(join(tmpdir(), 'ordex-bench-nats-'));
  const natsPort = await freePort();
  const nats = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', store], {
    stdio: 'ignore',
  });
  const dbName = `ordex_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  const issuer = await startIssuer();
  log(`deployment: NATS on port ${natsPort}, database ${dbName}`);

  const services = new Map<string, Service>();
  const stopChild = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const launch = async (service: Service) => {
    // BENCH_CPU_PROF=<dir> writes each service's CPU profile there when it stops.
    const profile = process.env.BENCH_CPU_PROF;
    const file = `${service.name.replace(/\W+/g, '-')}.cpuprofile`;
    const args = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, `--cpu-prof-name=${file}`] : [];
    const child = spawn(process.execPath, [...args, service.script], {
      env: {
        ...process.env,
        ...service.env,
        PORT: String(service.port),
        LOG_LEVEL: service.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    service.child = child;
    await waitFor(async () => {
      if (child.exitCode !== null)
        throw new Error(`${service.name} exited with code ${child.exitCode}: ${output}`);
      const ready = await fetch(`http://127.0.0.1:${service.port}/health/ready`).catch(() => undefined);
      return ready?.ok === true;
    }, `${service.name} did not become ready`);
  };

  const stop = async () => {
    for (const service of [...services.values()].reverse()) if (service.child) await stopChild(service.child);
    nats.kill('SIGTERM');
    issuer.server.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    rmSync(store, { recursive: true, force: true });
  };

  return {
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    databaseUrl,
    identityKeys: generateInternalIdentityKeys(),
    issuer: { url: issuer.url, token: issuer.token },
    start: async (name, script, env) => {
      const service: Service = { name, script, env, port: await freePort() };
      services.set(name, service);
      await launch(service);
      return `http://127.0.0.1:${service.port}`;
    },
    restart: async (name) => {
      const service = services.get(name);
      if (!service) throw new Error(`no service ${name}`);
      if (service.child) await stopChild(service.child);
      await launch(service);
    },
    stop,
  };
}
