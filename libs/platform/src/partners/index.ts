export * from './partner-directory.migration';
export * from './partner-directory.service';
