import type { MemberView } from '@regula/auth';
import { Permission, ROLE_PERMISSIONS, TENANT_ROLES, WRITE_PERMISSIONS } from '@regula/auth';
import { Lang, formatLocalDate, localDateOf } from '@regula/engine';
import { formatDate, formatInstant } from '../../web/format';

type T = (key: string, vars?: Record<string, unknown>) => string;

export const permissionLabel = (t: T, p: string) => t(`users.perm.${p.replace(':', '-')}`);

/** A member as the list and the member's page show them. */
export function memberRow(m: MemberView, base: string, lang: Lang, timeZone: string, t: T, selfId: string) {
  const until = m.accessUntil ? formatLocalDate(localDateOf(m.accessUntil, timeZone)) : '';
  return {
    userId: m.userId,
    href: `${base}/${m.userId}`,
    email: m.email,
    self: m.userId === selfId,
    role: m.role,
    roleLabel: t(`roles.${m.role}`),
    gated: m.gates !== null,
    gates: t(m.gates === null ? 'users.roleDefaults' : 'users.gated', { count: m.permissions.length }),
    permissions: m.permissions.map((p) => permissionLabel(t, p)),
    accessUntil: until ? formatDate(until, lang) : t('users.noEnd'),
    accessUntilValue: until,
    status: m.active ? t('users.active') : t('users.ended'),
    active: m.active,
    lastSignIn: m.lastSignInAt ? formatInstant(m.lastSignInAt, lang, timeZone) : t('users.never'),
    since: formatInstant(m.since, lang, timeZone),
  };
}

/**
 * The form's role choice and permission checkboxes: every permission of the
 * compliance admin's role, the write ones marked as not for auditors
 * (effectivePermissions never gives them to an auditor, and the service
 * refuses them by name).
 */
export function formChoices(t: T, values: { role?: string; gates?: Set<string> | readonly Permission[] | null }) {
  const gates = values.gates instanceof Set ? values.gates : new Set<string>(values.gates ?? []);
  return {
    roles: TENANT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), checked: (values.role ?? 'auditor') === r })),
    permissions: ROLE_PERMISSIONS['compliance-admin'].map((p) => ({
      value: p,
      id: `gate-${p.replace(':', '-')}`,
      label: permissionLabel(t, p),
      write: WRITE_PERMISSIONS.includes(p),
      checked: gates.has(p),
    })),
  };
}
