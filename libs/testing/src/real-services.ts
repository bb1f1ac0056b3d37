import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';

const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
const START_NATS =
  'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log';

/** Integration tests run against real PostgreSQL; this is where it is expected. */
export function postgresAdminUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export function natsUrl(): string {
  return process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates a throwaway database for one suite. It refuses a server URL whose database name does
 * not say `test`, so a suite can never run against a real deployment's database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = postgresAdminUrl();
  const admin = new URL(adminUrl);
  if (!admin.pathname.includes('test')) {
    throw new Error(
      `refusing to run integration tests against ${admin.pathname.slice(1)}: its name must contain "test"`,
    );
  }
  const name = `ordex_test_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${admin.host} (${(error as Error).message}). Start it with: ${START_POSTGRES} — or set DATABASE_URL.`,
    );
  }
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Fails with the command that starts NATS when it is not reachable with JetStream. */
export async function requireNats(): Promise<string> {
  const servers = natsUrl();
  try {
    const nc = await connect({ servers: servers.split(','), timeout: 2000, reconnect: false });
    await nc.close();
    return servers;
  } catch (error) {
    throw new Error(
      `NATS is not reachable at ${servers} (${(error as Error).message}). Start it with: ${START_NATS} — or set NATS_URL.`,
    );
  }
}
