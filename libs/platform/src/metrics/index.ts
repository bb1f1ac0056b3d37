export * from './metrics.middleware';
export * from './service-metrics';
