export * from './event-bus';
export type { BusLogger } from './bus-logger';
export { DEFAULT_DEAD_LETTER_STREAM, DEFAULT_DUPLICATE_WINDOW_MS, type StreamSpec } from './stream-spec';
export { InProcessBroker, type InProcessBrokerOptions } from './in-process.broker';
export { InProcessBus, type InProcessBusOptions } from './in-process.bus';
export { JetStreamBus, type JetStreamBusOptions } from './jetstream.bus';
export { decodeDeadLetter } from './dead-letter.codec';
