import { TenantEntity } from '../../../registers/src/tenant.entity';
import { RegisterEntity } from '../../../registers/src/register.entity';
import { RegisterVersionEntity } from '../../../registers/src/register-version.entity';
import { UserEntity } from '../../../auth/src/user.entity';
import { MembershipEntity } from '../../../auth/src/membership.entity';
import { AuditEntryEntity } from '../../../audit/src/audit-entry.entity';

/** Every entity, for the data sources (entity files import only TypeORM). */
export const ENTITIES = [TenantEntity, RegisterEntity, RegisterVersionEntity, UserEntity, MembershipEntity, AuditEntryEntity];
