export * from './events/envelope';
export * from './events/domain-events';
export * from './events/erp-events';
export * from './events/subjects';
export * from './generated/canonical.generated';
export * from './generated/canonical.zod.generated';
