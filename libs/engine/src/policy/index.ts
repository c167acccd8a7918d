export * from './policy-model';
export * from './policy-completeness';
