import type { Server } from 'node:http';

/**
 * How long an idle client connection stays open: longer than clients (4 s for Node's fetch) and
 * load balancers (60 s for the common ones) keep theirs, so they close idle sockets first and never
 * send a request on one the server is closing at that moment (the socket then fails as "other side
 * closed" with no response). Headers may take a little longer than that, as Node requires.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
