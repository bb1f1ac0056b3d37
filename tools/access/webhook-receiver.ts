import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface Receiver {
  url: string;
  /** Every POST received, in order, including the ones answered with an error. */
  received: ReceivedWebhook[];
  /** Answers the next `count` requests with HTTP 500. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** A partner's webhook endpoint on this machine. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.statusCode = failures > 0 ? 500 : 204;
      failures = Math.max(0, failures - 1);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    failNext: (count) => void (failures = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a partner's receiver checks: ordex-signature is v1= and the HMAC-SHA256 of "<ordex-timestamp>.<body>". */
export function signatureValid(secret: string, headers: Record<string, string>, body: string): boolean {
  const expected = createHmac('sha256', secret).update(`${headers['ordex-timestamp']}.${body}`).digest('hex');
  return headers['ordex-signature'] === `v1=${expected}`;
}
