import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventually,
  expectReferenceOrder,
  graphql,
  REFERENCE_ORDER_QUERY,
  ReferenceOrderResult,
} from '@ordex/testing';

jest.setTimeout(120_000);

/** What `npm start` runs after building: the embedded launcher as a process of its own. */
const launcher = join(__dirname, '../../dist/tools/embedded/start.js');

describe('npm start (dist/tools/embedded/start.js)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ordex-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the graph URL and an example query, then answers the federated query', async () => {
    const child = spawn(process.execPath, [launcher], {
      env: { ...process.env, ORDEX_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const ready = /ordex is ready in [\d.]+ s: (http:\/\/\S+\/graphql)/.exec(output);
          if (ready && output.includes('ordex: ready')) resolve(ready[1]);
        });
        child.once('exit', (code) => reject(new Error(`launcher exited with ${code}: ${output}`)));
      });
      expect(output).toContain('query ReferenceOrder');
      expect(output).toMatch(/demo distributor loaded: \d+ ERP events/);
      // The printed demo token is ready to use, as in the printed curl line.
      const token = /Demo token \(customer-service[^\n]*\n(\S+)\n/.exec(output)?.[1];
      expect(output).toContain(`-H 'authorization: Bearer ${token}'`);
      const response = await graphql<ReferenceOrderResult>(
        url,
        REFERENCE_ORDER_QUERY,
        { orderNumber: 'SO-1001' },
        { authorization: `Bearer ${token}` },
      );
      expect(response.errors).toBeUndefined();
      expectReferenceOrder(response.data!.order);
      // The printed curl body answers as printed: on the requested date every DC-NORTH carrier is full.
      const printed = JSON.parse(/-d '(\{.*\})'\n/.exec(output)![1]) as { query: string };
      const example = await graphql<{
        order: {
          shipmentOptions: { dcCode: string; onRequestedDate: boolean; requestedDateBlockers: string[] }[];
        };
      }>(url, printed.query, {}, { authorization: `Bearer ${token}` });
      expect(example.errors).toBeUndefined();
      const north = example.data!.order.shipmentOptions.filter((o) => o.dcCode === 'DC-NORTH');
      expect(north.length).toBeGreaterThan(0);
      expect(
        north.every((o) => !o.onRequestedDate && o.requestedDateBlockers.includes('CAPACITY_FULL')),
      ).toBe(true);
      // The printed hold mutation reaches the simulated ERP, whose answer settles the hold.
      const mutation = /(mutation HoldReferenceOrder \{[\s\S]*?\n\})/.exec(output)![1];
      const holder = await graphql<{ placeOrderHold: { hold: { state: string } } }>(
        url,
        mutation,
        {},
        {
          authorization: `Bearer ${token}`,
        },
      );
      expect(holder.errors).toBeUndefined();
      expect(holder.data!.placeOrderHold.hold.state).toBe('REQUESTED');
      const settled = await eventually(async () => {
        const holds = await graphql<{ order: { holds: { state: string }[] } }>(
          url,
          '{ order(orderNumber: "SO-1001") { holds { state } } }',
          {},
          { authorization: `Bearer ${token}` },
        );
        const state = holds.data?.order.holds[0]?.state;
        return state && state !== 'REQUESTED' ? state : undefined;
      }, 30_000);
      expect(['ACTIVE', 'REJECTED']).toContain(settled);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(output).toContain('ordex: stopping');
  });

  it('refuses a bad setting with one line', async () => {
    const child = spawn(process.execPath, [launcher], {
      env: { PATH: process.env.PATH ?? '', ORDEX_DEMO: 'huge' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(stderr.trim()).toBe(
      'ordex embedded: invalid configuration: ORDEX_DEMO: must be small, full or none (got "huge")',
    );
  });
});
