import type { Permission } from '@regula/auth';

/**
 * The dashboard's navigation: one entry per page of a tenant, in menu order.
 * A new page adds one line here (its label key in i18n/*.json under `nav.`,
 * its path below /admin/t/:slug, the permission that shows it, its section). The entry is
 * shown only to users holding the permission; the page's controller checks
 * it again with @RequirePermission.
 */
export interface AdminNavEntry {
  /** i18n key of the label, e.g. 'nav.requests'. */
  labelKey: string;
  /** Below /admin/t/:slug ('' is the tenant's home). */
  path: string;
  permission: Permission;
  /** The menu's section the entry is listed under. */
  group: AdminNavGroup;
}

/**
 * The menu's sections, in order (labels under `nav.group.`): thirteen entries in one
 * row wrapped at 1280 px, so the menu is a column of short sections beside the page
 * (a grid of them above it on a phone).
 */
export const ADMIN_NAV_GROUPS = ['work', 'records', 'logs', 'admin'] as const;
export type AdminNavGroup = (typeof ADMIN_NAV_GROUPS)[number];

export const ADMIN_NAV: readonly AdminNavEntry[] = [
  { labelKey: 'nav.home', path: '', permission: 'tenant:read', group: 'work' },
  { labelKey: 'nav.requests', path: '/requests', permission: 'requests:read', group: 'work' },
  { labelKey: 'nav.breaches', path: '/breaches', permission: 'breaches:read', group: 'work' },
  { labelKey: 'nav.registers', path: '/registers', permission: 'registers:read', group: 'records' },
  { labelKey: 'nav.facts', path: '/facts', permission: 'registers:read', group: 'records' },
  { labelKey: 'nav.policies', path: '/policies', permission: 'policies:read', group: 'records' },
  { labelKey: 'nav.retention', path: '/retention', permission: 'retention:read', group: 'records' },
  { labelKey: 'nav.consents', path: '/consents', permission: 'requests:read', group: 'logs' },
  { labelKey: 'nav.disclosures', path: '/disclosures', permission: 'requests:read', group: 'logs' },
  { labelKey: 'nav.audit', path: '/audit', permission: 'audit:read', group: 'logs' },
  { labelKey: 'nav.outbox', path: '/outbox', permission: 'outbox:read', group: 'logs' },
  { labelKey: 'nav.exports', path: '/exports', permission: 'exports:read', group: 'admin' },
  { labelKey: 'nav.controller', path: '/controller', permission: 'registers:read', group: 'admin' },
  { labelKey: 'nav.users', path: '/users', permission: 'users:manage', group: 'admin' },
];

export interface NavLinkView {
  label: string;
  href: string;
  current: boolean;
}

export interface NavGroupView {
  /** For the list's aria-labelledby. */
  id: string;
  label: string;
  links: NavLinkView[];
}

/** The sections with the entries the user may see (empty sections left out), `current` set on the one the path belongs to. */
export function navFor(slug: string, permissions: readonly Permission[], currentPath: string, t: (key: string) => string): NavGroupView[] {
  const base = `/admin/t/${slug}`;
  const links = ADMIN_NAV.filter((e) => permissions.includes(e.permission)).map((e) => {
    const href = `${base}${e.path}`;
    const current = e.path === '' ? currentPath === base || currentPath === `${base}/` : currentPath === href || currentPath.startsWith(`${href}/`);
    return { group: e.group, link: { label: t(e.labelKey), href, current } };
  });
  return ADMIN_NAV_GROUPS.map((g) => ({ id: `nav-${g}`, label: t(`nav.group.${g}`), links: links.filter((l) => l.group === g).map((l) => l.link) })).filter((g) => g.links.length > 0);
}
