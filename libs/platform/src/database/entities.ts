import { TenantEntity } from '@regula/registers/tenant.entity';
import { RegisterEntity } from '@regula/registers/register.entity';
import { RegisterVersionEntity } from '@regula/registers/register-version.entity';
import { UserEntity } from '@regula/auth/user.entity';
import { MembershipEntity } from '@regula/auth/membership.entity';
import { AuditEntryEntity } from '@regula/audit/audit-entry.entity';

/** Every entity, for the data sources (entity files import only TypeORM). */
export const ENTITIES = [TenantEntity, RegisterEntity, RegisterVersionEntity, UserEntity, MembershipEntity, AuditEntryEntity];
