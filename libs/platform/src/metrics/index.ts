export * from './metrics.middleware';
export * from './service-metrics';
export * from './operation-metrics.plugin';
