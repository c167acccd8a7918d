import type { LibSchema } from '@regula/platform';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';
import { SignInRevocation1764260000000 } from './migrations/1764260000000-sign-in-revocation';

/** Users and memberships (tables from libs/tenancy's initial schema) and sign-in revocation. */
export const AUTH_SCHEMA: LibSchema = {
  entities: [MembershipEntity, UserEntity],
  migrations: [SignInRevocation1764260000000],
};
