import { CanActivate, ExecutionContext, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PERMISSIONS, PERMISSION_KEY, Permission } from '@regula/auth';
import { ControllerDefinition } from '@regula/engine';
import { refuseChangeWhileSuspended, TenantsService } from '@regula/tenancy';
import { adminLangs } from './admin-lang';
import { displayNameOf } from './admin-pages.service';
import { ADMIN_ON_REQUEST, AdminHttpRequest, AdminTenant } from './admin-request';

/**
 * Pages under /admin/t/:slug (after AdminSessionGuard): the tenant must exist
 * and the user must belong to it or be a platform admin; otherwise 404, exactly
 * like a tenant that does not exist. Then the route's @RequirePermission (403);
 * the page reads the tenant from the request (`admin.tenant`) and passes its id on.
 * A suspended tenant's pages are read-only (409 for a change).
 */
@Injectable()
export class AdminTenantGuard implements CanActivate {
  constructor(private readonly tenants: TenantsService, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminHttpRequest>();
    const admin = req[ADMIN_ON_REQUEST];
    const slug = req.params.slug;
    if (!admin || typeof slug !== 'string') throw new NotFoundException();
    const row = /^[a-z0-9][a-z0-9-]{0,63}$/.test(slug) ? await this.tenants.findBySlug(slug) : null;
    const membership = row && admin.user.memberships.find((m) => m.tenantId === row.id);
    if (!row || (!membership && !admin.user.isPlatformAdmin)) throw new NotFoundException();

    const def = row.definition as unknown as Omit<ControllerDefinition, 'registers'>;
    const tenant: AdminTenant = {
      id: row.id,
      slug: row.slug,
      name: displayNameOf(row.definition) ?? row.legalName,
      timeZone: row.timeZone,
      def,
      langs: adminLangs(def),
      version: row.definitionHash.slice(0, 12),
      role: membership ? membership.role : 'platform-admin',
      permissions: membership ? membership.permissions : [...PERMISSIONS],
    };
    admin.tenant = tenant;
    const needed = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (needed && !tenant.permissions.includes(needed)) throw new ForbiddenException(`needs ${needed}`);
    // A suspended controller: its pages can be read (exports too), no form changes anything.
    refuseChangeWhileSuspended(row, req.method);
    return true;
  }
}
