export * from './metrics/classification-metrics';
export * from './risk/risk-input';
export * from './risk/risk-model';
export * from './risk/rules-risk';
