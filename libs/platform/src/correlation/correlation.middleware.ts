import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom, runWithCorrelationId } from './correlation';

/** Express middleware: assigns the request's correlation id and echoes it on the response. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const id = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  req.headers[CORRELATION_HEADER] = id;
  res.setHeader(CORRELATION_HEADER, id);
  runWithCorrelationId(id, next);
}
