/** Roles a user can hold in a tenant. Platform admin is a user flag, not a membership. */
export const TENANT_ROLES = ['compliance-admin', 'auditor'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Every permission an action can require. */
export const PERMISSIONS = [
  'tenant:read',
  'registers:read',
  'registers:write',
  'audit:read',
  'users:manage',
  'exports:read',
  'systems:read',
  'systems:manage',
  'requests:fulfil',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do by default. Auditors are read-only. */
export const ROLE_PERMISSIONS: Record<TenantRole, readonly Permission[]> = {
  'compliance-admin': ['tenant:read', 'registers:read', 'registers:write', 'audit:read', 'users:manage', 'exports:read', 'systems:read', 'systems:manage', 'requests:fulfil'],
  auditor: ['tenant:read', 'registers:read', 'audit:read', 'exports:read', 'systems:read'],
};

/** Permissions that change data: never granted to an auditor, whatever its gates say. */
export const WRITE_PERMISSIONS: readonly Permission[] = ['registers:write', 'users:manage', 'systems:manage', 'requests:fulfil'];

/** The effective permissions of a membership: its gates within its role's defaults. */
export function effectivePermissions(role: TenantRole, gates: Permission[] | null): Permission[] {
  const defaults = ROLE_PERMISSIONS[role];
  const allowed = gates === null ? [...defaults] : gates.filter((p) => defaults.includes(p));
  return role === 'auditor' ? allowed.filter((p) => !WRITE_PERMISSIONS.includes(p)) : allowed;
}
