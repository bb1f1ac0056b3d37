export * from './event-log.model';
export * from './discovery.util';
