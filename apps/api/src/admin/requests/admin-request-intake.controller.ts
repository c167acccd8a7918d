import { Body, Controller, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { IntakeRequesterService, MailIntakeService, RequestAssignmentService, RequestRepliesService, RequestsService } from '@regula/requests';
import { actorOf } from '../../requests/request-actor';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { checkedReference, renderRequestDetail } from './request-detail.page';
import type { FormState } from './request-detail.view';
import { RequestChannelPanel } from './request-channel.panel';

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
    private readonly pages: AdminPages,
    private readonly requests: RequestsService,
    private readonly replies: RequestRepliesService,
    private readonly intake: MailIntakeService,
    private readonly assignment: RequestAssignmentService,
    private readonly channel: RequestChannelPanel,
    private readonly requester: IntakeRequesterService,
  ) {}

  @Post('confirm')
  @RequirePermission('requests:write')
  async confirm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('reference') reference: string, @Body() body: Record<string, unknown>) {
    const tenant = tenantOf(req);
    const ref = checkedReference(reference);
    const values = { type: typeof body.type === 'string' ? body.type : '', receipt: typeof body.receipt === 'string' ? body.receipt : '' };
    const { user } = adminOf(req);
    const actor = actorOf(user, { tenantId: tenant.id, slug: tenant.slug, role: tenant.role, permissions: tenant.permissions }, clientIp(req));
    try {
      const { request } = await this.requests.detail(tenant.id, ref);
      await this.intake.confirm(tenant.id, request.id, values, actor);
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 409].includes(status)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      const error = t(status === 409 ? 'errors.conflict' : 'errors.invalid', { detail: messageOf(e) });
      return this.page(req, res, ref, status, { action: 'intake-confirm', error, values });
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
    const actor = actorOf(adminOf(req).user, { tenantId: tenant.id, slug: tenant.slug, role: tenant.role, permissions: tenant.permissions }, clientIp(req));
    try {
      await this.requester.correct(tenant.id, ref, values, actor);
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 409].includes(status)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      const error = t(status === 409 ? 'errors.conflict' : 'errors.invalid', { detail: messageOf(e) });
      return this.page(req, res, ref, status, { action: 'intake-requester', error, values });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/requests/${ref}?done=requester-corrected`);
    return undefined;
  }

  private page(req: AdminHttpRequest, res: Response, ref: string, status: number, failed: FormState) {
    return renderRequestDetail({ pages: this.pages, requests: this.requests, replies: this.replies, intake: this.intake, assignment: this.assignment, channel: this.channel }, req, res, ref, status, failed);
  }
}
