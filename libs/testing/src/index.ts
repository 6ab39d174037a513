export * from './test-env';
export * from './eventually';
export * from './isolation';
export * from './running-system';
export * from './staff-tokens';
export * from './event-builders';
