import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { ConsentsPage } from './consents-page.service';

/**
 * Consents and withdrawals (read only). Permission: requests:read, the one
 * that already lets compliance admins and auditors see the subjects' rights
 * requests: consents and their withdrawals (GDPR Art. 7(3)) are what the
 * consent-withdrawal requests act on, and the page shows no more of a subject
 * than a masked e-mail address. No new permission was needed.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/consents')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('requests:read')
export class AdminConsentsController {
  constructor(private readonly pages: AdminPages, private readonly page: ConsentsPage) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Record<string, unknown>) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.page.build(tenantOf(req), lang, t, query);
    return this.pages.render(req, res, 'consents/list', { title: t('consents.title') }, model);
  }
}
