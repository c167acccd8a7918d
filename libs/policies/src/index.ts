export * from './policy-renderer';
export * from './policy-publisher';
export * from './diff';
export * from './versions';
export * from './schema';
