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
  /** Rights requests: the list, a request's timeline and deadline (auditors too). */
  'requests:read',
  /** Act on rights requests: identity review, pause, extension, refusal, fee, messages. */
  'requests:write',
  /** Identity documents subjects uploaded: only the tenant's compliance admins. */
  'evidence:read',
  /** The e-mail outbox: recipient, subject, status and times (compliance admins: recipients are personal data an auditor's reading has no use for). */
  'outbox:read',
  /** The e-mails' text and HTML: only the tenant's compliance admins (personal data, read audited). */
  'outbox:read-body',
  /** The breach register (GDPR Art. 33(5)): auditors too. */
  'breaches:read',
  /** Record breaches and their notifications. */
  'breaches:write',
  /** Retention runs and what is due (auditors too). */
  'retention:read',
  /** Start retention runs, place and lift legal holds. */
  'retention:run',
  /** Privacy-policy versions, drafts and their previews (auditors too). */
  'policies:read',
  /** Draft and publish privacy-policy versions. */
  'policies:publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do by default. Auditors are read-only. */
export const ROLE_PERMISSIONS: Record<TenantRole, readonly Permission[]> = {
  'compliance-admin': ['tenant:read', 'registers:read', 'registers:write', 'audit:read', 'users:manage', 'exports:read', 'systems:read', 'systems:manage', 'requests:fulfil', 'requests:read', 'requests:write', 'evidence:read', 'outbox:read', 'outbox:read-body', 'breaches:read', 'breaches:write', 'retention:read', 'retention:run', 'policies:read', 'policies:publish'],
  auditor: ['tenant:read', 'registers:read', 'audit:read', 'exports:read', 'systems:read', 'requests:read', 'breaches:read', 'retention:read', 'policies:read'],
};

/**
 * Never granted to an auditor, whatever its gates say: what changes data, and
 * what only a compliance admin reads (identity documents, e-mail bodies).
 */
export const WRITE_PERMISSIONS: readonly Permission[] = ['registers:write', 'users:manage', 'systems:manage', 'requests:fulfil', 'requests:write', 'evidence:read', 'outbox:read-body', 'breaches:write', 'retention:run', 'policies:publish'];

/** The effective permissions of a membership: its gates within its role's defaults. */
export function effectivePermissions(role: TenantRole, gates: Permission[] | null): Permission[] {
  const defaults = ROLE_PERMISSIONS[role];
  const allowed = gates === null ? [...defaults] : gates.filter((p) => defaults.includes(p));
  return role === 'auditor' ? allowed.filter((p) => !WRITE_PERMISSIONS.includes(p)) : allowed;
}
