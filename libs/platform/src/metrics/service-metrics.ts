import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** A service's Prometheus registry: one per service, so embedded services never collide. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly graphqlOperations: Counter<'operation' | 'outcome'>;
  readonly eventsConsumed: Counter<'consumer' | 'type' | 'outcome'>;
  readonly outboxPublished: Counter;
  readonly eventsRetried: Counter<'consumer' | 'subject'>;
  readonly eventsDeadLettered: Counter<'consumer' | 'subject'>;
  readonly securityEvents: Counter<'event'>;
  readonly dbStatements: Counter<'origin'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'ordex_' });
    this.httpDuration = new Histogram({
      name: 'ordex_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.graphqlOperations = new Counter({
      name: 'ordex_graphql_operations_total',
      help: 'GraphQL operations by name and outcome',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.eventsConsumed = new Counter({
      name: 'ordex_events_consumed_total',
      help: 'Events a consumer took: applied, or recognised as already processed (duplicate)',
      labelNames: ['consumer', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.eventsRetried = new Counter({
      name: 'ordex_events_retried_total',
      help: 'Event deliveries whose handler failed and that will be delivered again',
      labelNames: ['consumer', 'subject'],
      registers: [this.registry],
    });
    this.eventsDeadLettered = new Counter({
      name: 'ordex_events_dead_lettered_total',
      help: 'Events moved to the dead-letter stream (see npm run dlq)',
      labelNames: ['consumer', 'subject'],
      registers: [this.registry],
    });
    this.securityEvents = new Counter({
      name: 'ordex_security_events_total',
      help: 'Refused tokens, denied access and limit hits (details in the security log lines)',
      labelNames: ['event'],
      registers: [this.registry],
    });
    this.dbStatements = new Counter({
      name: 'ordex_db_statements_total',
      help: 'SQL statements sent to the database: answering GraphQL requests, or background work',
      labelNames: ['origin'],
      registers: [this.registry],
    });
    this.outboxPublished = new Counter({
      name: 'ordex_outbox_published_total',
      help: 'Events the outbox relay published',
      registers: [this.registry],
    });
  }
}
