import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's own messages (start-up, retries, errors) as JSON lines on the service's pino logger, from
 * the first moment: nothing is written in Nest's coloured console format.
 */
export function nestLoggerFor(logger: Logger): LoggerService {
  const write = (
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    rest: unknown[],
  ) => {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
    if (message instanceof Error) logger[level]({ context, err: message }, message.message);
    else logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  };
  return {
    log: (message, ...rest) => write('info', message, rest),
    error: (message, ...rest) => write('error', message, rest),
    warn: (message, ...rest) => write('warn', message, rest),
    debug: (message, ...rest) => write('debug', message, rest),
    verbose: (message, ...rest) => write('trace', message, rest),
    fatal: (message, ...rest) => write('fatal', message, rest),
  };
}
