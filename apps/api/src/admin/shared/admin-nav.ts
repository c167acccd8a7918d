import type { Permission } from '@regula/auth';

/**
 * The dashboard's navigation: one entry per page of a tenant, in menu order.
 * A new page adds one line here (its label key in i18n/*.json under `nav.`,
 * its path below /admin/t/:slug, the permission that shows it). The entry is
 * shown only to users holding the permission; the page's controller checks
 * it again with @RequirePermission.
 */
export interface AdminNavEntry {
  /** i18n key of the label, e.g. 'nav.requests'. */
  labelKey: string;
  /** Below /admin/t/:slug ('' is the tenant's home). */
  path: string;
  permission: Permission;
}

export const ADMIN_NAV: readonly AdminNavEntry[] = [
  { labelKey: 'nav.home', path: '', permission: 'tenant:read' },
  { labelKey: 'nav.requests', path: '/requests', permission: 'requests:read' },
  { labelKey: 'nav.registers', path: '/registers', permission: 'registers:read' },
  { labelKey: 'nav.facts', path: '/facts', permission: 'registers:read' },
  { labelKey: 'nav.policies', path: '/policies', permission: 'policies:read' },
  { labelKey: 'nav.audit', path: '/audit', permission: 'audit:read' },
  { labelKey: 'nav.exports', path: '/exports', permission: 'exports:read' },
  { labelKey: 'nav.users', path: '/users', permission: 'tenant:read' },
  { labelKey: 'nav.retention', path: '/retention', permission: 'retention:read' },
  { labelKey: 'nav.consents', path: '/consents', permission: 'requests:read' },
  { labelKey: 'nav.disclosures', path: '/disclosures', permission: 'requests:read' },
  { labelKey: 'nav.breaches', path: '/breaches', permission: 'breaches:read' },
  { labelKey: 'nav.outbox', path: '/outbox', permission: 'outbox:read' },
];

export interface NavLinkView {
  label: string;
  href: string;
  current: boolean;
}

/** The entries the user may see, with `current` set on the one the path belongs to. */
export function navFor(slug: string, permissions: readonly Permission[], currentPath: string, t: (key: string) => string): NavLinkView[] {
  const base = `/admin/t/${slug}`;
  return ADMIN_NAV.filter((e) => permissions.includes(e.permission)).map((e) => {
    const href = `${base}${e.path}`;
    const current = e.path === '' ? currentPath === base || currentPath === `${base}/` : currentPath === href || currentPath.startsWith(`${href}/`);
    return { label: t(e.labelKey), href, current };
  });
}
