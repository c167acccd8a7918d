export * from './sla-plan';
export * from './sla-options';
export * from './sla-notice.entity';
export * from './sla.service';
export * from './sla-scheduler.service';
export * from './sla.module';
export * from './schema';
export * from './sla-job-handlers';
