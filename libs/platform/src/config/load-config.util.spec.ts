import { z } from 'zod';
import { ConfigurationError } from './config.exception';
import { port, subgraphConfigSchema } from './config.schema';
import { loadConfig } from './load-config.util';

const schema = subgraphConfigSchema.extend({ PORT: port(4001) });

describe('loadConfig', () => {
  it('applies defaults on an empty environment', () => {
    const config = loadConfig('orders', schema, {});
    expect(config).toMatchObject({ PORT: 4001, HOST: '127.0.0.1', LOG_LEVEL: 'info', OTEL_ENABLED: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', '"abc"'],
    [{ PORT: '70000' }, 'PORT', '"70000"'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL', 'postgres://'],
    [{ NATS_URL: 'http://localhost:4222' }, 'NATS_URL', 'nats://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', '"loud"'],
    [{ DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE', 'at least 2'],
    [{ OTEL_ENABLED: 'maybe' }, 'OTEL_ENABLED', 'true or false'],
  ])('rejects %j with one line naming the setting', (env, key, hint) => {
    let error: unknown;
    try {
      loadConfig('orders', schema, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain(`invalid configuration: ${key}:`);
    expect(message).toContain(hint);
    expect(message).not.toContain('\n');
  });

  it('says when a required setting is missing', () => {
    const strict = z.object({ SECRET: z.string({ message: 'is required' }) });
    expect(() => loadConfig('gateway', strict, {})).toThrow(
      'ordex gateway: invalid configuration: SECRET: is required (it is not set)',
    );
  });

  it('never echoes a secret or the password in a URL', () => {
    const secrets = z.object({
      IDENTITY_SIGNING_KEY: z.string().min(10, 'is too short'),
      DATABASE_URL: z.string().endsWith('/test', 'must name the test database'),
    });
    expect(() =>
      loadConfig('gateway', secrets, { IDENTITY_SIGNING_KEY: 'hunter2', DATABASE_URL: 'x/test' }),
    ).toThrow(
      'ordex gateway: invalid configuration: IDENTITY_SIGNING_KEY: is too short (got a value that is not shown)',
    );
    expect(() =>
      loadConfig('gateway', secrets, {
        IDENTITY_SIGNING_KEY: '0123456789abc',
        DATABASE_URL: 'postgres://ordex:hunter2@db:5432/prod',
      }),
    ).toThrow('DATABASE_URL: must name the test database (got "postgres://ordex:***@db:5432/prod")');
  });
});
