export * from './demo-distributor';
export * from './demo-events';
export * from './random.util';
export type { FullDay } from './demo-capacity';
export type { OffContractLine, UnknownSkuLine } from './demo-orders';
export type { ShortLine } from './demo-planted';
