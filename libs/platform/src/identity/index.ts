export * from './identity';
export * from './internal-identity';
export * from './token-authenticator';
export * from './dev-issuer';
export * from './security-log';
export * from './authentication.middleware';
