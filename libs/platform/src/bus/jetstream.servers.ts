const PROTOCOLS = ['nats:', 'tls:'];

/**
 * Checks NATS server addresses (`nats://host[:port]`, `tls://…`, or a bare `host[:port]`) and
 * returns them as a list. A malformed address is a configuration error, which no amount of
 * reconnecting can fix, so it is reported at once instead of being retried in the background.
 */
export function parseNatsServers(servers: string | string[]): string[] {
  const list = (Array.isArray(servers) ? servers : servers.split(',')).map((server) => server.trim());
  if (list.length === 0 || list.every((server) => server === '')) {
    throw new Error('no NATS server given');
  }
  for (const server of list) {
    const withProtocol = server.includes('://') ? server : `nats://${server}`;
    let url: URL;
    try {
      url = new URL(withProtocol);
    } catch {
      throw new Error(`"${server}" is not a NATS server address (nats://host[:port])`);
    }
    if (
      !PROTOCOLS.includes(url.protocol) ||
      url.hostname === '' ||
      url.port === '0' ||
      (url.pathname !== '' && url.pathname !== '/')
    ) {
      throw new Error(`"${server}" is not a NATS server address (nats://host[:port])`);
    }
  }
  return list;
}
