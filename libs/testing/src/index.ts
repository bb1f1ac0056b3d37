export * from './graphql-client';
export * from './private-nats';
export * from './real-services';
export * from './reference-order.expect';
export * from './reference-order.query';
export * from './service-process';
export * from './test-oidc-issuer';
