import { createServer, Server } from 'node:http';

/** What the gateway sent one subgraph while answering a query. */
export interface RecordedRequest {
  subgraph: string;
  body: string;
}

/**
 * A pass-through HTTP proxy in front of a subgraph that records each request body: the benchmark
 * learns the exact operations (and entity representations) the gateway's query plan sends.
 */
export async function startRecordingProxy(
  subgraph: string,
  target: string,
  recorded: RecordedRequest[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      recorded.push({ subgraph, body });
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers))
        if (typeof value === 'string' && key !== 'host' && key !== 'content-length') headers[key] = value;
      fetch(target, { method: 'POST', headers, body })
        .then(async (response) => {
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(await response.text());
        })
        .catch((error: Error) => {
          res.writeHead(502);
          res.end(error.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
