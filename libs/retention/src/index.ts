export * from './retention-run.entity';
export * from './retention-run-count.entity';
export * from './retention-register-state.entity';
export * from './retention-rules';
export * from './retention-recompute.service';
export * from './retention-sweep.service';
export * from './retention-runs.service';
export * from './retention.module';
