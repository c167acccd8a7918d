import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { IntakeRequesterService, MailIntakeService, RequestsService } from '@regula/requests';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { checkedReference, memberActor, RequestDetailPage } from './request-detail.page';

/**
 * "Confirm the type and the receipt" of a request the e-mail intake filed: the type
 * Regula proposed (or another) and the receipt (the intake's acceptance, or a
 * forward's original arrival). Once per request; the service journals and audits it.
 * Errors come back on the request's page; a success redirects (303) with a flash.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/requests/:reference/intake')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
export class AdminRequestIntakeController {
  constructor(
    private readonly page: RequestDetailPage,
    private readonly requests: RequestsService,
    private readonly intake: MailIntakeService,
    private readonly requester: IntakeRequesterService,
  ) {}

  @Post('confirm')
  @RequirePermission('requests:write')
  async confirm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Body() body: Record<string, unknown>) {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const values = { type: typeof body.type === 'string' ? body.type : '', receipt: typeof body.receipt === 'string' ? body.receipt : '' };
    try {
      const { request } = await this.requests.detail(tenant.id, ref);
      await this.intake.confirm(tenant.id, request.id, values, memberActor(req));
    } catch (e) {
      return this.page.refused(req, res, ref, e, { action: 'intake-confirm', values });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=intake-confirmed`);
    return undefined;
  }

  /** Corrects the requester of a request the intake filed (a forward's original sender): 400 naming `name` or `email`. */
  @Post('requester')
  @RequirePermission('requests:write')
  async correctRequester(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Body() body: Record<string, unknown>) {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const values = { name: typeof body.name === 'string' ? body.name : '', email: typeof body.email === 'string' ? body.email : '' };
    try {
      await this.requester.correct(tenant.id, ref, values, memberActor(req));
    } catch (e) {
      return this.page.refused(req, res, ref, e, { action: 'intake-requester', values });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=requester-corrected`);
    return undefined;
  }
}
