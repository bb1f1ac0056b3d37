export * from './correlation';
export * from './correlation.middleware';
