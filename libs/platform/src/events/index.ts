export * from './erp-intake';
export * from './publish-event';
export * from './erp-intake.service';
export * from './domain-intake';
