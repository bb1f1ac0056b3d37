/** Nest injection tokens of the platform module. */
export const EVENT_BUS = Symbol('ordex.event-bus');
export const SERVICE_METRICS = Symbol('ordex.service-metrics');
export const SERVICE_LOGGER = Symbol('ordex.service-logger');
/** The service's validated settings (SubgraphConfig). */
export const SERVICE_CONFIG = Symbol('ordex.service-config');
/** The service's GraphClient for the federated graph, or null when none is configured. */
export const GRAPH_CLIENT = Symbol('ordex.graph-client');
/** The service's clock (`() => Date`): the wall clock unless the host sets one (simulations, tests). */
export const SERVICE_CLOCK = Symbol('ordex.service-clock');
