import { webhookUrlRefusal } from './webhook-url.util';

describe('webhookUrlRefusal', () => {
  it.each([
    'https://hooks.partner.example/ordex',
    'https://203.0.113.7/hooks',
    'https://[2001:db8::1]/hooks',
  ])('accepts %s', (url) => {
    expect(webhookUrlRefusal(url, false)).toBeUndefined();
  });

  it.each([
    ['hooks.example', 'not a URL'],
    ['http://hooks.partner.example/ordex', 'must be https'],
    ['ftp://hooks.partner.example', 'must be https'],
    ['https://user:pw@hooks.partner.example', 'must not carry credentials'],
    ['https://localhost/hooks', 'must not be a local host'],
    ['https://metadata.internal/hooks', 'must not be a local host'],
    ['https://127.0.0.1/hooks', 'must not be a private or local address'],
    ['https://10.1.2.3/hooks', 'must not be a private or local address'],
    ['https://172.20.0.1/hooks', 'must not be a private or local address'],
    ['https://192.168.1.1/hooks', 'must not be a private or local address'],
    ['https://169.254.169.254/latest/meta-data', 'must not be a private or local address'],
    ['https://[::1]/hooks', 'must not be a private or local address'],
    ['https://[fd00::1]/hooks', 'must not be a private or local address'],
    ['https://[::ffff:10.0.0.1]/hooks', 'must not be a private or local address'],
    ['https://localhost./hooks', 'must not be a local host'],
    ['https://metadata.foo.internal./hooks', 'must not be a local host'],
    ['https://[::127.0.0.1]/hooks', 'must not be a private or local address'],
    ['https://[::ffff:0:7f00:1]/hooks', 'must not be a private or local address'],
    ['https://[64:ff9b::a00:1]/hooks', 'must not be a private or local address'],
    ['https://[fec0::1]/hooks', 'must not be a private or local address'],
    ['https://198.18.0.1/hooks', 'must not be a private or local address'],
  ])('refuses %s: %s', (url, reason) => {
    expect(webhookUrlRefusal(url, false)).toBe(reason);
  });

  it('allows http and local receivers when insecure URLs are allowed (development)', () => {
    expect(webhookUrlRefusal('http://127.0.0.1:9999/hooks', true)).toBeUndefined();
    expect(webhookUrlRefusal('ftp://127.0.0.1/hooks', true)).toBe('must be https');
  });
});
