import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import pino from 'pino';
import { authenticationMiddleware, identityOf } from './authentication.middleware';
import { AuthenticationError, type Identity } from './identity';
import { SecurityLog } from './security-log';

const ann: Identity = { subject: 'ann', roles: ['warehouse'] };

/**
 * An express app with the middleware in front of POST /graphql, which answers with the identity
 * the middleware attached; an error handler answers 500 with the error's message.
 */
async function serve(authenticate: (req: Request) => Promise<Identity>, challenge?: string) {
  const securityLog = new SecurityLog(pino({ level: 'silent' }));
  const record = jest.spyOn(securityLog, 'record');
  const handler = jest.fn((req: Request, res: Response) => res.json({ identity: identityOf(req) ?? null }));
  const app = express();
  app.post('/graphql', authenticationMiddleware(authenticate, securityLog, challenge), handler);
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ failed: error.message });
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const call = (headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers });
  return { call, record, handler };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('authenticationMiddleware', () => {
  it('attaches the identity and hands the request on', async () => {
    const authenticate = jest.fn(async (req: Request) => {
      expect(req.headers.authorization).toBe('Bearer abc');
      return ann;
    });
    const { call, record, handler } = await serve(authenticate);
    const response = await call({ authorization: 'Bearer abc' });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ identity: ann });
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(record).not.toHaveBeenCalled();
  });

  it('refuses an AuthenticationError with 401 and a GraphQL UNAUTHENTICATED error, never the reason', async () => {
    const { call, handler } = await serve(async () => {
      throw new AuthenticationError('token expired');
    });
    const response = await call();
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('www-authenticate')).toBeNull();
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: 'Not authenticated', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(body).not.toContain('expired');
    expect(handler).not.toHaveBeenCalled();
  });

  it('sends the WWW-Authenticate challenge with a 401 when one is configured', async () => {
    const challenge = 'Bearer realm="ordex", error="invalid_token"';
    const { call } = await serve(async () => {
      throw new AuthenticationError('token signature does not verify');
    }, challenge);
    const response = await call();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(challenge);
  });

  it('records the refusal in the security log with its reason, path and client address', async () => {
    const { call, record } = await serve(async () => {
      throw new AuthenticationError('malformed Authorization header');
    });
    await call({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith('authentication.failed', {
      reason: 'malformed Authorization header',
      target: '/graphql',
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
  });

  it('hands any other error to the express error handler (500), without a security record', async () => {
    const { call, record, handler } = await serve(async () => {
      throw new Error('issuer lookup crashed');
    });
    const response = await call();
    expect(response.status).toBe(500);
    await expect(response.json()).resolves.toEqual({ failed: 'issuer lookup crashed' });
    expect(record).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('identityOf', () => {
  it('is undefined on a request the middleware has not seen', () => {
    expect(identityOf({} as Request)).toBeUndefined();
  });

  it('returns the identity the middleware attached, calling next without an error', async () => {
    const req = { path: '/graphql', ip: '127.0.0.1' } as Request;
    const next = jest.fn();
    const securityLog = new SecurityLog(pino({ level: 'silent' }));
    await new Promise<void>((resolve) => {
      next.mockImplementation(() => resolve());
      authenticationMiddleware(async () => ann, securityLog)(req, {} as Response, next);
    });
    expect(next).toHaveBeenCalledWith();
    expect(identityOf(req)).toBe(ann);
  });
});
