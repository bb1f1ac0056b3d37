import type { Logger } from 'pino';
import { currentCorrelationId } from '../correlation/correlation';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { Identity } from './identity';

export type SecurityEvent = 'authentication.failed' | 'access.denied' | 'limit.exceeded';

export interface SecurityRecord {
  /** Who, when known (never the token itself). */
  identity?: Identity;
  /** Why, in words for the operator. */
  reason: string;
  /** What was asked for: a schema coordinate, an operation name, a path. */
  target?: string;
  /** The client's address. */
  ip?: string;
}

/**
 * The security audit log: one structured `warn` line per refused token, denied access or limit
 * hit, with the identity and the correlation id, under `security` so it can be routed apart;
 * each is also counted in `ordex_security_events_total`.
 */
export class SecurityLog {
  constructor(
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {}

  record(event: SecurityEvent, record: SecurityRecord): void {
    this.metrics?.securityEvents.inc({ event });
    const { identity, reason, target, ip } = record;
    this.logger.warn(
      {
        security: event,
        correlationId: currentCorrelationId(),
        subject: identity?.subject,
        roles: identity?.roles,
        partnerId: identity?.partnerId,
        target,
        ip,
        reason,
      },
      `security: ${event}`,
    );
  }
}
