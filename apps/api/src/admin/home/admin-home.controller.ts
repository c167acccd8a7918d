import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { TenantsService } from '@regula/tenancy';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages, displayNameOf } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { todayIn } from '../requests/request-urgency';
import { HomeService } from './home.service';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** /admin: the user's tenants (one → straight to it); /admin/t/:slug: what needs attention today. */
@ApiExcludeController()
@Controller('admin')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard)
export class AdminHomeController {
  constructor(private readonly pages: AdminPages, private readonly tenants: TenantsService, private readonly home: HomeService) {}

  @Get()
  async start(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const { user } = adminOf(req);
    const rows = await this.tenants.list(user.isPlatformAdmin ? undefined : user.memberships.map((m) => m.tenantId));
    if (rows.length === 1 && !user.isPlatformAdmin) {
      res.redirect(303, `/admin/t/${rows[0].slug}`);
      return undefined;
    }
    const t = this.pages.t(this.pages.lang(req));
    const tenants = rows.map((r) => ({ href: `/admin/t/${r.slug}`, name: displayNameOf(r.definition) ?? r.legalName, legalName: r.legalName, country: r.country }));
    return this.pages.render(req, res, 'home/tenants', { title: t('tenants.title') }, { tenants, createHref: user.isPlatformAdmin ? '/admin/platform/tenants/new' : undefined });
  }

  /** The tenant switcher's form (GET, so no token is needed): goes to the chosen tenant; its guard checks access. */
  @Get('t')
  switchTenant(@Query('slug') slug: string | undefined, @Res() res: Response) {
    res.redirect(303, typeof slug === 'string' && SLUG.test(slug) ? `/admin/t/${slug}` : '/admin');
  }

  @Get('t/:slug')
  @UseGuards(AdminTenantGuard)
  @RequirePermission('tenant:read')
  async tenantHome(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const now = this.pages.now();
    const sections = await this.home.sections({ tenant, lang, t, now, today: todayIn(tenant.timeZone, now) });
    return this.pages.render(req, res, 'home/home', { title: t('home.title') }, { sections, tenantName: tenant.name });
  }
}
