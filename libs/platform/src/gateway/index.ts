export * from './gateway-server';
export * from './subgraph-data-source';
export * from './request-limits';
