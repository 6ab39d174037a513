export * from './topics';
export * from './vocabulary';
export * from './envelope';
export * from './intake.events';
export * from './routing.events';
export * from './tracking.events';
export * from './catalog';
export * from './codec';
