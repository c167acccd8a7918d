import type { LibSchema } from '@regula/platform';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';
import { SignInRevocation1764260000000 } from './migrations/1764260000000-sign-in-revocation';
import { TenantSso1764600076000 } from './migrations/1764600076000-tenant-sso';
import { TenantSsoEntity } from './sso/tenant-sso.entity';

/** Users and memberships (tables from libs/tenancy's initial schema), sign-in revocation and single sign-on. */
export const AUTH_SCHEMA: LibSchema = {
  entities: [MembershipEntity, UserEntity, TenantSsoEntity],
  migrations: [SignInRevocation1764260000000, TenantSso1764600076000],
};
