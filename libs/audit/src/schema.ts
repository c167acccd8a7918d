import type { LibSchema } from '@regula/platform';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditKeys1764400000000 } from './migrations/1764400000000-audit-keys';

/** The audit log (table from libs/tenancy's initial schema), its checkpoints and keys. */
export const AUDIT_SCHEMA: LibSchema = {
  entities: [AuditCheckpointEntity, AuditEntryEntity],
  migrations: [AuditKeys1764400000000],
};
