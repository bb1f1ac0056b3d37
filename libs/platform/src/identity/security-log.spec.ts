import pino from 'pino';
import { runWithCorrelationId } from '../correlation/correlation';
import { ServiceMetrics } from '../metrics/service-metrics';
import { SecurityLog } from './security-log';

/** A pino logger at `level` whose lines land in `lines`, parsed. */
function memoryLogger(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

async function securityEventCount(metrics: ServiceMetrics, event: string): Promise<number> {
  const text = await metrics.registry.getSingleMetricAsString('ordex_security_events_total');
  const line = text.split('\n').find((l) => !l.startsWith('#') && l.includes(`event="${event}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('SecurityLog', () => {
  it('writes one warn line with the event, identity, target, address, reason and correlation id', () => {
    const { logger, lines } = memoryLogger();
    const log = new SecurityLog(logger);
    runWithCorrelationId('corr-42', () =>
      log.record('access.denied', {
        identity: { subject: 'acme-bot', roles: ['partner'], partnerId: 'ACME' },
        reason: 'partner may not read other partners’ orders',
        target: 'Query.orders',
        ip: '10.0.0.7',
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40,
      msg: 'security: access.denied',
      security: 'access.denied',
      correlationId: 'corr-42',
      subject: 'acme-bot',
      roles: ['partner'],
      partnerId: 'ACME',
      target: 'Query.orders',
      ip: '10.0.0.7',
      reason: 'partner may not read other partners’ orders',
    });
  });

  it('logs without identity or correlation id when neither is known', () => {
    const { logger, lines } = memoryLogger();
    new SecurityLog(logger).record('authentication.failed', { reason: 'token expired' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, security: 'authentication.failed', reason: 'token expired' });
    for (const absent of ['correlationId', 'subject', 'roles', 'partnerId', 'target', 'ip']) {
      expect(lines[0]).not.toHaveProperty(absent);
    }
  });

  it('is still written when the logger is at warn level', () => {
    const { logger, lines } = memoryLogger('warn');
    new SecurityLog(logger).record('limit.exceeded', { reason: 'query depth 40 above 15' });
    expect(lines.map((line) => line.security)).toEqual(['limit.exceeded']);
  });

  it('counts each event in ordex_security_events_total by event', async () => {
    const metrics = new ServiceMetrics('gateway');
    const log = new SecurityLog(memoryLogger().logger, metrics);
    expect(await securityEventCount(metrics, 'authentication.failed')).toBe(0);
    log.record('authentication.failed', { reason: 'no bearer token' });
    log.record('authentication.failed', { reason: 'token expired' });
    log.record('access.denied', { reason: 'needs admin' });
    expect(await securityEventCount(metrics, 'authentication.failed')).toBe(2);
    expect(await securityEventCount(metrics, 'access.denied')).toBe(1);
    expect(await securityEventCount(metrics, 'limit.exceeded')).toBe(0);
    expect(await metrics.registry.getSingleMetricAsString('ordex_security_events_total')).toContain(
      'ordex_security_events_total{event="access.denied",service="gateway"} 1',
    );
  });

  it('logs without metrics when none are given', () => {
    const { logger, lines } = memoryLogger();
    expect(() => new SecurityLog(logger).record('access.denied', { reason: 'x' })).not.toThrow();
    expect(lines).toHaveLength(1);
  });
});
