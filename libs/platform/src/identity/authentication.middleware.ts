import type { NextFunction, Request, Response } from 'express';
import { AuthenticationError, type Identity } from './identity';
import type { SecurityLog } from './security-log';

/** The identity an authentication middleware attached to a request. */
export function identityOf(req: Request): Identity | undefined {
  return (req as Request & { ordexIdentity?: Identity }).ordexIdentity;
}

/**
 * Express middleware in front of a GraphQL endpoint: `authenticate` turns the request into an
 * identity or refuses it with 401 and a GraphQL-shaped UNAUTHENTICATED error, before any GraphQL
 * work. The reason goes to the security log only; the client learns that it is not authenticated.
 */
export function authenticationMiddleware(
  authenticate: (req: Request) => Promise<Identity>,
  securityLog: SecurityLog,
  challenge?: string,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticate(req).then(
      (identity) => {
        (req as Request & { ordexIdentity?: Identity }).ordexIdentity = identity;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AuthenticationError)) return next(error);
        securityLog.record('authentication.failed', { reason: error.reason, ip: req.ip, target: req.path });
        if (challenge) res.setHeader('WWW-Authenticate', challenge);
        res.status(401).json({
          errors: [{ message: 'Not authenticated', extensions: { code: 'UNAUTHENTICATED' } }],
        });
      },
    );
  };
}
