import './canonical-enums';
export * from './format-error';
export * from './loader-registry';
export * from './live-iterator.util';
export * from './client-errors';
