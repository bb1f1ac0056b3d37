export * from './event-log.model';
export * from './discovery.util';
export * from './xes-writer';
export * from './ocel/ocel.model';
export * from './ocel/ocel-json';
export * from './ocel/ocel-sqlite';
export * from './ocel/ocel-flatten';
export * from './root-causes.util';
export { renderProcessMapSvg, type ProcessMapSvgOptions } from './render/process-map.svg';
export {
  renderTrendSvg,
  TREND_PALETTE,
  type TrendPoint,
  type TrendSeries,
  type TrendSvgOptions,
} from './render/trend.svg';
