export * from './platform-modules';
export * from './run-service';
