import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature.util';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"evt-1"}';

  it('is v1= and the HMAC-SHA256 of timestamp.body', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`v1=${expected}`);
  });

  it('verifies only the same secret, timestamp and body', () => {
    const signature = signWebhook(secret, 1_700_000_000, body);
    expect(verifyWebhook(secret, 1_700_000_000, body, signature)).toBe(true);
    expect(verifyWebhook('other', 1_700_000_000, body, signature)).toBe(false);
    expect(verifyWebhook(secret, 1_700_000_001, body, signature)).toBe(false);
    expect(verifyWebhook(secret, 1_700_000_000, `${body} `, signature)).toBe(false);
    expect(verifyWebhook(secret, 1_700_000_000, body, 'v1=00')).toBe(false);
  });
});
