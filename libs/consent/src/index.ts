export * from './consent-ties';
export * from './consent-effects.service';
export * from './consent.module';
export * from './consent-job-handlers';
