export * from './ports';
export * from './kafka-broker';
export * from './postgres';
export * from './infrastructure';
export * from './service-process';
export * from './private-postgres';
export * from './orphan-guard';
