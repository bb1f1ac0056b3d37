import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './service-metrics';

/** Records every HTTP request's duration with its route (path without query) and status. */
export function metricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer({ method: req.method, route: req.path });
    res.on('finish', () => end({ status: String(res.statusCode) }));
    next();
  };
}
