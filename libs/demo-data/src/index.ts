export * from './demo-distributor';
export * from './demo-events';
export * from './random.util';
