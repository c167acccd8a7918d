export * from './audit-entry.entity';
export * from './audit-chain';
export * from './audit.service';
export * from './audit.module';
export * from './audit-chain-jobs.service';
export * from './personal-data-read';
