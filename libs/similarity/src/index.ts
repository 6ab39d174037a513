export * from './text';
export * from './minhash';
export * from './matter';
