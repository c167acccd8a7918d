import { ConflictError, InvalidInputError } from '@regula/platform';
import { PERMISSIONS, Permission, ROLE_PERMISSIONS, TENANT_ROLES, TenantRole, WRITE_PERMISSIONS, effectivePermissions } from './permissions';

/** What a compliance admin sets on a membership: role, optional gates, optional access end. */
export interface MembershipTerms {
  role: TenantRole;
  /** Per-permission gates (null: the role's permissions). */
  gates: Permission[] | null;
  /** Access ends at this instant (null: no end). */
  accessUntil: Date | null;
}

/** Refused: the change would leave the tenant without a compliance admin who can manage its users. */
export class LastAdminError extends ConflictError {
  readonly code = 'last-admin';
  constructor() {
    super('the last compliance admin of the tenant cannot be removed, demoted or limited');
  }
}

/** Refused: the e-mail address is already a member of the tenant. */
export class AlreadyMemberError extends ConflictError {
  readonly code = 'already-member';
  constructor() {
    super('this e-mail address is already a member of the tenant');
  }
}

/** Refused: an auditor was to be given a permission that changes data. */
export class AuditorWriteError extends InvalidInputError {
  readonly code = 'auditor-write';
  constructor(readonly refused: Permission[]) {
    super(`auditors are read-only; these permissions cannot be given to them: ${refused.join(', ')}`);
  }
}

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,189}\.[^\s@<>"]{2,}$/;

/** A staff e-mail address, trimmed and lower-cased, or a 400. */
export function checkedEmail(email: unknown): string {
  const e = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!EMAIL.test(e) || e.length > 254) throw new InvalidInputError('email must be an e-mail address');
  return e;
}

/**
 * Validates the terms of a membership and normalises the gates: unknown
 * permissions and permissions outside the role are refused (a write
 * permission for an auditor by name), `tenant:read` is always kept (the
 * member can open the tenant), and gates equal to the role's permissions
 * become null. The access end must lie in the future.
 */
export function checkedTerms(terms: { role: unknown; gates: unknown; accessUntil: Date | null }, now = new Date()): MembershipTerms {
  const role = terms.role;
  if (typeof role !== 'string' || !(TENANT_ROLES as readonly string[]).includes(role)) throw new InvalidInputError(`role must be one of ${TENANT_ROLES.join(', ')}`);
  const r = role as TenantRole;
  let gates: Permission[] | null = null;
  if (terms.gates !== null && terms.gates !== undefined) {
    if (!Array.isArray(terms.gates)) throw new InvalidInputError('gates must be a list of permissions');
    const unknown = terms.gates.filter((p) => !(PERMISSIONS as readonly unknown[]).includes(p));
    if (unknown.length) throw new InvalidInputError(`unknown permissions: ${unknown.map(String).join(', ')}`);
    const wanted = new Set<Permission>(terms.gates as Permission[]);
    const writes = [...wanted].filter((p) => WRITE_PERMISSIONS.includes(p));
    if (r === 'auditor' && writes.length) throw new AuditorWriteError(writes);
    const outside = [...wanted].filter((p) => !ROLE_PERMISSIONS[r].includes(p));
    if (outside.length) throw new InvalidInputError(`not permissions of the role ${r}: ${outside.join(', ')}`);
    if (wanted.size) {
      wanted.add('tenant:read');
      gates = PERMISSIONS.filter((p) => wanted.has(p));
      if (gates.length === ROLE_PERMISSIONS[r].length) gates = null;
    }
  }
  const until = terms.accessUntil;
  if (until !== null && (!(until instanceof Date) || Number.isNaN(until.getTime()) || until <= now)) throw new InvalidInputError('the access end date must lie in the future');
  return { role: r, gates, accessUntil: until };
}

/** Whether a membership lets its holder manage the tenant's users now. */
export function canManage(m: MembershipTerms, now = new Date()): boolean {
  return m.role === 'compliance-admin' && (!m.accessUntil || m.accessUntil > now) && effectivePermissions(m.role, m.gates).includes('users:manage');
}
