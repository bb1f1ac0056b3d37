import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `ordex-signature` header of a delivery: `v1=` and the hex HMAC-SHA256, keyed with the
 * subscription's secret, of `<ordex-timestamp>.<body>`. Signing the timestamp lets receivers
 * refuse replays older than a few minutes.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
