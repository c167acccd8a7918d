export * from './holidays';
export * from './deadline';
