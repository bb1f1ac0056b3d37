/** Nest injection tokens of the platform module. */
export const EVENT_BUS = Symbol('ordex.event-bus');
export const SERVICE_METRICS = Symbol('ordex.service-metrics');
export const SERVICE_LOGGER = Symbol('ordex.service-logger');
/** The service's validated settings (SubgraphConfig). */
export const SERVICE_CONFIG = Symbol('ordex.service-config');
