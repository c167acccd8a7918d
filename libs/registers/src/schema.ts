import type { LibSchema } from '@regula/platform';
import { RegisterEntity } from './register.entity';
import { RegisterVersionEntity } from './register-version.entity';
import { FactConfirmationEntity } from './confirmations/fact-confirmation.entity';
import { FactConfirmations1764320000000 } from './migrations/1764320000000-fact-confirmations';
import { TenantDeletion1764600060103 } from './migrations/1764600060103-tenant-deletion';
import { RegisterRetiredReason1764600071000 } from './migrations/1764600071000-register-retired-reason';
import { RegisterImportEntity } from './imports/register-import.entity';
import { RegisterImports1764600072000 } from './migrations/1764600072000-register-imports';
import { SeedHashes1764600073003 } from './migrations/1764600073003-seed-hashes';
import { HeldImportKind1764600078001 } from './migrations/1764600078001-held-import-kind';

/** Registers, their versions, fact confirmations and held register imports (the first two tables come from libs/tenancy's initial schema). */
export const REGISTERS_SCHEMA: LibSchema = {
  entities: [RegisterEntity, RegisterVersionEntity, FactConfirmationEntity, RegisterImportEntity],
  migrations: [FactConfirmations1764320000000, TenantDeletion1764600060103, RegisterRetiredReason1764600071000, RegisterImports1764600072000, SeedHashes1764600073003, HeldImportKind1764600078001],
};
