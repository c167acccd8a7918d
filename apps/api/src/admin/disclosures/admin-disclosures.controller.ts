import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { DisclosuresPage } from './disclosures-page.service';

/**
 * The disclosure log (read only): recipient, register, data categories, date,
 * legal basis as stored, the subject masked. Permission: requests:read, as the
 * consents page: the log is what access and "who received my data" requests
 * answer from (GDPR Art. 15(1)(c)).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/disclosures')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('requests:read')
export class AdminDisclosuresController {
  constructor(private readonly pages: AdminPages, private readonly page: DisclosuresPage) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Record<string, unknown>) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.page.build(tenantOf(req), lang, t, query);
    return this.pages.render(req, res, 'disclosures/list', { title: t('disclosures.title'), status: model.filters.badDate ? 400 : 200, hasErrors: model.filters.badDate }, model);
  }
}
