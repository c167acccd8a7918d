import { BadRequestException, Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { AuthorityNotice, BreachActor, BreachFacts, BreachPatch, BreachesService, SubjectsNotice, defaultDpoContact } from '@regula/breaches';
import { validated } from '../requests/request-action.forms';
import { UUID } from '../retention/admin-retention.controller';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, AdminTenant, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { BreachFormState, breachDetailView, riskOptions } from './breach-detail.view';
import { BreachListPage } from './breach-list.service';
import { BREACH_EXPORT_FORMATS, BreachRegisterExport } from '../../breaches/export/breach-register-export.service';
import { sendExportFile } from '../../exports/export-download';
import { BREACH_FORMS, BREACH_WRITE, RECORD_FORM } from './breach.forms';
import { isoToLocal } from './local-time';

type Form = Record<string, unknown>;

function checkedId(id: string): string {
  if (!UUID.test(id)) throw new NotFoundException();
  return id.toLowerCase();
}

/**
 * The breach register (GDPR Art. 33 and 34): the list (open first), a
 * breach's page with its 72-hour clock computed at render, the record form
 * (Art. 33(3) fields) and the notify-authority, notify-subjects, update,
 * close and reopen forms, on BreachesService with the REST API's DTOs. The
 * service's refusals (reasons for a late notification, the Art. 34(3) rules,
 * closing too early) come back on the page with the values typed.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/breaches')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('breaches:read')
export class AdminBreachesController {
  constructor(private readonly pages: AdminPages, private readonly breaches: BreachesService, private readonly list: BreachListPage, private readonly registerExport: BreachRegisterExport) {}

  @Get()
  async register(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Form) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const model = await this.list.build(tenantOf(req), lang, t, query, new Date());
    return this.pages.render(req, res, 'breaches/list', { title: t('breaches.title') }, model);
  }

  /** The whole register as XLSX or PDF in the page's language (breaches:read, auditors too); audited. */
  @Get('export')
  async export(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('format') format: unknown) {
    const f = BREACH_EXPORT_FORMATS.find((x) => x === format);
    if (!f) throw new BadRequestException(`format must be one of ${BREACH_EXPORT_FORMATS.join(', ')}`);
    const tenant = tenantOf(req);
    const { user } = adminOf(req);
    return sendExportFile(res, await this.registerExport.export(tenant.id, f, this.pages.lang(req), { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) }));
  }

  @Get('new')
  async form(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = this.writer(req);
    return this.recordPage(req, res, tenant, 200, { awareAt: isoToLocal(new Date(), tenant.timeZone) });
  }

  @Post()
  async record(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = this.writer(req);
    const { _csrf: _token, ...values } = body;
    try {
      const dto = await validated<BreachFacts>(RECORD_FORM.dto, RECORD_FORM.build(values, tenant.timeZone));
      const saved = await this.breaches.record(tenant.id, this.actor(req, tenant), dto);
      res.redirect(303, `/admin/t/${tenant.slug}/breaches/${saved.id}?done=breach-recorded`);
      return undefined;
    } catch (e) {
      if (statusOf(e) !== 400) throw e;
      const t = this.pages.t(this.pages.lang(req));
      return this.recordPage(req, res, tenant, 400, values, t('errors.invalid', { detail: messageOf(e) }));
    }
  }

  @Get(':id')
  async detail(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('id') id: string, @Query('done') done?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.detailPage(req, res, checkedId(id), 200, undefined, flashOf(t, done));
  }

  @Post(':id/:action')
  async act(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('id') id: string, @Param('action') action: string, @Body() body: Form) {
    const breachId = checkedId(id);
    const form = Object.prototype.hasOwnProperty.call(BREACH_FORMS, action) ? BREACH_FORMS[action] : undefined;
    if (!form) throw new NotFoundException();
    const tenant = this.writer(req);
    const { _csrf: _token, ...values } = body;
    // 404 for another tenant's breach before anything else.
    const current = await this.breaches.get(tenant.id, breachId);
    const actor = this.actor(req, tenant);
    try {
      const dto = await validated<Record<string, unknown>>(form.dto, form.build(values, tenant.timeZone, current));
      if (action === 'authority-notified') await this.breaches.notifyAuthority(tenant.id, breachId, actor, dto as AuthorityNotice);
      else if (action === 'subjects-notified') await this.breaches.notifySubjects(tenant.id, breachId, actor, dto as SubjectsNotice);
      else await this.breaches.update(tenant.id, breachId, actor, dto as BreachPatch);
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined || ![400, 409].includes(status)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      const error = t(status === 409 ? 'breaches.conflict' : 'errors.invalid', { detail: messageOf(e) });
      return this.detailPage(req, res, breachId, status, { action, error, values });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/breaches/${breachId}?done=${form.done}`);
    return undefined;
  }

  /** Checked again on every form and POST: auditors (read-only) never reach a service that changes anything. */
  private writer(req: AdminHttpRequest): AdminTenant {
    const tenant = tenantOf(req);
    if (!tenant.permissions.includes(BREACH_WRITE)) throw new ForbiddenException(`needs ${BREACH_WRITE}`);
    return tenant;
  }

  private actor(req: AdminHttpRequest, tenant: AdminTenant): BreachActor {
    const { user } = adminOf(req);
    return { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) };
  }

  private async recordPage(req: AdminHttpRequest, res: Response, tenant: AdminTenant, status: number, values: Form, error?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.pages.render(req, res, 'breaches/new', { title: t('breaches.newTitle'), status, hasErrors: !!error }, {
      action: `/admin/t/${tenant.slug}/breaches`,
      listHref: `/admin/t/${tenant.slug}/breaches`,
      values,
      error,
      risks: riskOptions(t, values.risk),
      defaultDpo: defaultDpoContact(tenant.def as unknown as Record<string, unknown>),
      timeZone: tenant.timeZone,
    });
  }

  private async detailPage(req: AdminHttpRequest, res: Response, id: string, status: number, failed?: BreachFormState, flash?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const b = await this.breaches.get(tenant.id, id);
    const view = breachDetailView(b, tenant, lang, new Date(), t, failed);
    return this.pages.render(req, res, 'breaches/detail', { title: t('breaches.detailTitle', { reference: b.reference }), status, hasErrors: !!failed, flash }, { ...view, timeZone: tenant.timeZone });
  }
}
