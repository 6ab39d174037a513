export * from './error-body';
export * from './error.filter';
export * from './validation.pipe';
export * from './validation-messages';
export * from './body-parsing';
export * from './configure-http-app';
export * from './control-characters.pipe';
export * from './http-edge';
