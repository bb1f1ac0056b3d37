import { correlationIdFrom, currentCorrelationId, runWithCorrelationId } from './correlation';

describe('correlation ids', () => {
  it('keeps a well-formed caller id and replaces a malformed one', () => {
    expect(correlationIdFrom('req-123:abc')).toBe('req-123:abc');
    expect(correlationIdFrom(['first', 'second'])).toBe('first');
    const replaced = correlationIdFrom('bad id\nwith newline');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom(undefined)).not.toBe(correlationIdFrom(undefined));
  });

  it('is visible to everything that runs inside the request', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    await runWithCorrelationId('c-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentCorrelationId()).toBe('c-1');
    });
  });
});
