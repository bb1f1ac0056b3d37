export * from './metrics/classification-metrics';
export * from './risk/risk-input';
export * from './risk/risk-model';
export * from './risk/rules-risk';
export * from './risk/service-risk-decision';
export * from './risk/risk-model-artifact.schema';
export * from './oversight/feature-drift';
export * from './oversight/segment-performance';
