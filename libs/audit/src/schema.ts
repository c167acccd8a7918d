import type { LibSchema } from '@regula/platform';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditKeys1764400000000 } from './migrations/1764400000000-audit-keys';
import { AuditPending1764600073002 } from './migrations/1764600073002-audit-pending';
import { AuditPendingEntity } from './audit-pending.entity';

/** The audit log (table from libs/tenancy's initial schema), its checkpoints and keys, and the entries waiting to join it. */
export const AUDIT_SCHEMA: LibSchema = {
  entities: [AuditCheckpointEntity, AuditEntryEntity, AuditPendingEntity],
  migrations: [AuditKeys1764400000000, AuditPending1764600073002],
};
