export * from './areas';
export * from './units';
export * from './staff-directory';
export * from './request-categories';
export * from './grids';
export * from './worker-profiles';
