export * from './config.exception';
export * from './config.schema';
export * from './load-config.util';
