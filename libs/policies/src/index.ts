export * from './policy-renderer';
export * from './policy-publisher';
export * from './diff';
export * from './versions';
export * from './schema';
export { PolicyChangeSummaries1764300000000 } from './migrations/1764300000000-policy-change-summaries';
