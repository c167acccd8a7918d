import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, NotFoundError } from '@regula/platform';
import { refuseChangeWhileSuspended, TenantsService } from '@regula/tenancy';
import { AuthUser, TenantAccess } from './auth-user';
import { PERMISSIONS, Permission } from './permissions';
import { PERMISSION_KEY } from './require-permission.decorator';

/**
 * For routes under /tenants/:slug: resolves the tenant, checks the signed-in
 * user belongs to it (or is a platform admin), checks the route's permission
 * and hands the tenant to the route as `req.tenantAccess` (the controller passes
 * its id on). A suspended tenant takes reads only (409 for a change). A tenant the user does not belong to answers 404, exactly like
 * one that does not exist.
 */
@Injectable()
export class TenantAccessGuard implements CanActivate {
  constructor(private readonly tenants: TenantsService, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ method: string; params: Record<string, string>; user?: AuthUser; tenantAccess?: TenantAccess }>();
    const user = req.user;
    const slug = req.params.slug;
    if (!user || !slug) throw new NotFoundError();
    const tenant = /^[a-z0-9-]{1,64}$/.test(slug) ? await this.tenants.findBySlug(slug) : null;
    const membership = tenant && user.memberships.find((m) => m.tenantId === tenant.id);
    if (!tenant || (!membership && !user.isPlatformAdmin)) throw new NotFoundError(`no tenant ${slug}`);

    const access: TenantAccess = membership
      ? { tenantId: tenant.id, slug, role: membership.role, permissions: membership.permissions }
      : { tenantId: tenant.id, slug, role: 'platform-admin', permissions: [...PERMISSIONS] };
    const needed = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (needed && !access.permissions.includes(needed)) throw new ForbiddenError(`this action needs the ${needed} permission`);
    refuseChangeWhileSuspended(tenant, req.method);
    req.tenantAccess = access;
    return true;
  }
}
