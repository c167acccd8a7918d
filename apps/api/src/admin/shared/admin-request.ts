import type { Request } from 'express';
import type { AuthUser, Permission, TenantRole } from '@regula/auth';
import type { ControllerDefinition, Lang } from '@regula/engine';

/** The tenant of an /admin/t/:slug/... page, after the membership check. */
export interface AdminTenant {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  def: Omit<ControllerDefinition, 'registers'>;
  /** English first, then the tenant's languages. */
  langs: Lang[];
  version: string;
  role: TenantRole | 'platform-admin';
  permissions: Permission[];
}

/** What the dashboard's guards put on the request. */
export interface AdminContext {
  user: AuthUser;
  /** The session token (the cookie's value): the CSRF tokens are derived from it. */
  session: string;
  csrf: string;
  tenant?: AdminTenant;
}

export const ADMIN_ON_REQUEST = Symbol('regula.admin');
export type AdminHttpRequest = Request & { [ADMIN_ON_REQUEST]?: AdminContext };

export function adminOf(req: AdminHttpRequest): AdminContext {
  const a = req[ADMIN_ON_REQUEST];
  if (!a) throw new Error('admin route without the session guard');
  return a;
}

export function tenantOf(req: AdminHttpRequest): AdminTenant {
  const t = adminOf(req).tenant;
  if (!t) throw new Error('tenant route without the tenant guard');
  return t;
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}
