export * from './database';
export * from './database.module';
export * from './async-commit';
export * from './multi-row';
export * from './group-commit';
export * from './unique-violation';
export * from './occasional-vacuum';
