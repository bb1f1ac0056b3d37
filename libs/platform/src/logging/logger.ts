import pino, { Logger, LoggerOptions } from 'pino';
import { currentCorrelationId } from '../correlation/correlation';

/** Fields that may carry secrets: never written to a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ordex-identity"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
];

/** Options for every ordex logger: JSON lines, service name, correlation id, redaction. */
export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  };
}

export function createLogger(service: string, level = 'info'): Logger {
  return pino(loggerOptions(service, level));
}
