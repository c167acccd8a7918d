export * from './policy-renderer';
