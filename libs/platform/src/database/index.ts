export * from './data-source.factory';
export * from './embedded-postgres';
export * from './numeric.transformer';
