import type { LibSchema } from '@regula/platform';
import { RetentionRegisterStateEntity } from './retention-register-state.entity';
import { RetentionRunCountEntity } from './retention-run-count.entity';
import { RetentionRunEntity } from './retention-run.entity';
import { RetentionRuns1763960000010 } from './migrations/1763960000010-retention-runs';

/** Retention runs, their counts and the registers' retention states. */
export const RETENTION_SCHEMA: LibSchema = {
  entities: [RetentionRegisterStateEntity, RetentionRunCountEntity, RetentionRunEntity],
  migrations: [RetentionRuns1763960000010],
};
