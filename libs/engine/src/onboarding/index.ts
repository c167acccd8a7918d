export * from './onboarding-input';
export * from './draft-controller';
