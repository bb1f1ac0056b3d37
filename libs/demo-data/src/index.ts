export * from './demo-distributor';
export * from './demo-events';
export * from './demo-calendars';
export * from './random.util';
export { fromCents, toCents } from './domain/money.util';
export type { FullDay } from './demo-capacity';
export type { OffContractLine, UnknownSkuLine } from './demo-orders';
export type { ShortLine } from './demo-planted';
export { shuffled } from './demo-ids';
