export * from './audit-entry';
export * from './audit-log.migration';
export * from './audit-read.decorator';
export * from './audit-writer';
export * from './audit.module';
export * from './audit.middleware';
