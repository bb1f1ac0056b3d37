export * from './client-credentials';
export * from './graph-client';
