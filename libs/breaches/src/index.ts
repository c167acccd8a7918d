export * from './breach.entity';
export * from './breach-clock';
export * from './breach-types';
export * from './breach-mail';
export * from './breaches.service';
export * from './breach-clock.scheduler';
export * from './breach-clock-jobs.service';
export * from './breaches.module';
