import { auditServer } from 'graphql-http';
import { EmbeddedStack, startEmbeddedStack } from '../embedded/embedded-stack';

jest.setTimeout(60_000);

/**
 * The GraphQL-over-HTTP conformance audit of the graphql-http package against the gateway, as an
 * authenticated client: no audit may end in an error (warnings are recommendations).
 */
describe('GraphQL over HTTP conformance (graphql-http audit)', () => {
  let stack: EmbeddedStack;
  beforeAll(async () => {
    stack = await startEmbeddedStack({ port: 0, demo: 'none', logLevel: 'silent' });
  });
  afterAll(() => stack?.stop());

  it('passes every audit without an error', async () => {
    const token = await stack.token({ roles: ['customer-service'] });
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: stack.gatewayUrl!, fetchFn });
    const errors = results
      .filter((result) => result.status === 'error')
      .map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(results.length).toBeGreaterThan(30);
    expect(errors).toEqual([]);
  });
});
