export * from './dpv-terms';
export * from './ids';
export * from './to-json';
export * from './to-json-ld';
