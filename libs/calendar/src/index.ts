export * from './working-calendar';
export * from './official-days';
