import { Controller, ForbiddenException, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { CLOCK, type Clock } from '@regula/platform';
import { ControllerDefinitionService } from '@regula/registers';
import { FulfilmentService } from '@regula/requests';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { namesFrom, previewView } from './fulfilment-preview.view';
import { checkedReference } from './request-detail.page';

/**
 * A fulfilment's preview (issue 14 §3), without JavaScript: the request page's
 * fulfil form asks for the preview (POST …/fulfil-preview, which redirects
 * here), this page shows what fulfilling will do, and "Confirm" (a POST with
 * the CSRF token) carries it out on the data as it is then. The page stays
 * with the request and shows, once confirmed, the result and what differs.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/requests/:reference/previews')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('requests:fulfil')
export class AdminFulfilmentPreviewController {
  constructor(
    private readonly pages: AdminPages,
    private readonly fulfilment: FulfilmentService,
    private readonly definitions: ControllerDefinitionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id')
  async show(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Param('id') id: string, @Query('done') done?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.page(req, res, checkedReference(reference), id, 200, undefined, flashOf(t, done));
  }

  @Post(':id/confirm')
  async confirm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Param('id') id: string) {
    const tenant = tenantOf(req);
    // Checked again here: only who may fulfil confirms (the guard's permission is the route's).
    if (!tenant.permissions.includes('requests:fulfil')) throw new ForbiddenException('needs requests:fulfil');
    const ref = checkedReference(reference);
    const { user } = adminOf(req);
    let building = false;
    try {
      const done = await this.fulfilment.fulfil(tenant.id, ref, { id: user.id, name: `${user.email} (${tenant.role})`, label: user.email, ip: clientIp(req) }, id);
      building = !!done.build;
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 409, 422].includes(status)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      return this.page(req, res, ref, id, status, t(status === 409 ? 'errors.conflict' : 'errors.invalid', { detail: messageOf(e) }));
    }
    // An access package is built by the worker: the page shows its progress, and the result once it is complete.
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}/previews/${id}?done=${building ? 'package-building' : 'fulfilled'}`);
    return undefined;
  }

  private async page(req: AdminHttpRequest, res: Response, ref: string, id: string, status: number, error?: string, flash?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const row = await this.fulfilment.planOf(tenant.id, ref, id);
    const { build } = await this.fulfilment.buildOf(tenant.id, ref);
    const { definition } = await this.definitions.load(tenant.id);
    const view = previewView(row, tenant, ref, lang, t, tenant.permissions.includes('requests:fulfil'), namesFrom(definition.registers, lang), this.clock(), build);
    const title = row.result ? t('preview.resultTitle', { reference: ref }) : t('preview.title', { reference: ref });
    return this.pages.render(req, res, 'requests/preview', { title, status, hasErrors: !!error, flash }, { ...view, error });
  }
}
