export * from './outbox';
export * from './outbox-relay';
export * from './outbox-relay.service';
