export * from './policy-diff';
export * from './policy-diff.view';
export type { DiffPart, PartKind } from './word-diff';
