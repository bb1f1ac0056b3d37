export * from './create-subgraph-app';
export * from './run-subgraph-process';
export * from './subgraph-definition';
export * from './subgraph-platform.module';
export * from './tokens';
export * from './schema-scope';
