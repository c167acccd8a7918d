export * from './tenant-onboarding.service';
export * from './controller-facts.service';
export * from './tenant-logo';
export * from './onboarding.module';
