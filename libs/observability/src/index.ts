export * from './logging.module';
export * from './correlation';
export * from './readiness';
export * from './health.module';
