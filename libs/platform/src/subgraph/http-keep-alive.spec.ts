import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepConnectionsAlive, KEEP_ALIVE_TIMEOUT_MS } from './http-keep-alive';

describe('keepConnectionsAlive', () => {
  it('keeps idle connections open longer than clients do, and still closes promptly', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    keepConnectionsAlive(server);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    await response.text();
    // The idle keep-alive connection does not hold the server open on close.
    const started = Date.now();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
