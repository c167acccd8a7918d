export * from './api-document';
export * from './api-errors';
export * from './api-params';
export * from './api-no-body';
export * from './nullable-object';
