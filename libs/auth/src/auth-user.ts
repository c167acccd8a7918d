import { Permission, TenantRole } from './permissions';

/** The signed-in staff member, as guards and controllers see it. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  memberships: { tenantId: string; role: TenantRole; permissions: Permission[]; accessUntil: Date | null }[];
}

/** What the tenant guard resolved for a tenant-scoped route. */
export interface TenantAccess {
  tenantId: string;
  slug: string;
  role: TenantRole | 'platform-admin';
  permissions: Permission[];
}

export interface JwtPayload {
  sub: string;
  typ: 'access';
}
