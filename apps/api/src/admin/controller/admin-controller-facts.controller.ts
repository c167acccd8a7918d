import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { controllerFactsOf } from '@regula/engine';
import { ControllerFacts, OnboardingActor } from '@regula/onboarding';
import { TenantDb } from '@regula/platform';
import { TenantVersionEntity } from '@regula/tenancy';
import { statusOf } from '../../common/http-error';
import { formatInstant } from '../../web/format';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, AdminTenant, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { AdminUploadRequest, UPLOAD_FAILURE } from '../requests/reply-upload.guard';
import { FormValues, formChoices, formValuesOf, inputOfForm } from './facts-form';
import { refusalWords } from './facts-problems';
import { AdminLogoUploadGuard } from './logo-upload.guard';

type Form = Record<string, unknown>;

/**
 * The controller's facts edited by form (issue 17 §1): its legal name,
 * addresses, contacts, DPO, group companies, country, languages and colours,
 * and its logo. Everyone who may read the registers sees them and their
 * versions; a save (registers:write) is a new version of the facts
 * (ControllerFacts: audited, its public pages refreshed on every node).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/controller')
@UseFilters(AdminExceptionFilter)
export class AdminControllerFactsController {
  constructor(private readonly pages: AdminPages, private readonly facts: ControllerFacts, private readonly db: TenantDb) {}

  @Get()
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  @RequirePermission('registers:read')
  async page(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    const tenant = tenantOf(req);
    return this.render(req, res, tenant, 200, formValuesOf(controllerFactsOf(tenant.def)), [], flashOf(this.pages.t(this.pages.lang(req)), done));
  }

  @Post()
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  @RequirePermission('registers:write')
  async save(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    const raw = inputOfForm(body);
    try {
      const saved = await this.facts.save(tenant.id, raw, this.actor(req, tenant));
      res.redirect(303, `/admin/t/${tenant.slug}/controller?done=${saved.version ? 'facts-saved' : 'facts-unchanged'}`);
      return undefined;
    } catch (e) {
      const status = statusOf(e);
      if (status !== 400 && status !== 422) throw e;
      return this.render(req, res, tenant, status, formValuesOf(raw), refusalWords(e, this.pages.t(this.pages.lang(req)), this.pages.lang(req)));
    }
  }

  @Post('logo')
  @UseGuards(AdminLogoUploadGuard)
  @RequirePermission('registers:write')
  async logo(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response) {
    const tenant = tenantOf(req);
    try {
      if (req[UPLOAD_FAILURE]) throw req[UPLOAD_FAILURE];
      await this.facts.setLogo(tenant.id, req.file?.buffer, this.actor(req, tenant));
      res.redirect(303, `/admin/t/${tenant.slug}/controller?done=logo-saved`);
      return undefined;
    } catch (e) {
      const status = statusOf(e);
      if (status !== 400 && status !== 413) throw e;
      const t = this.pages.t(this.pages.lang(req));
      return this.render(req, res, tenant, status, formValuesOf(controllerFactsOf(tenant.def)), [], undefined, t(status === 413 ? 'controller.problem.logoSize' : 'controller.problem.logo'));
    }
  }

  private async render(req: AdminHttpRequest, res: Response, tenant: AdminTenant, status: number, values: FormValues, errors: string[], flash?: string, logoError?: string) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const versions = await this.db.forTenant(tenant.id, (em) => em.find(TenantVersionEntity, { where: { tenantId: tenant.id }, order: { version: 'DESC' }, take: 10 }));
    const logo = tenant.def.branding?.logo;
    return this.pages.render(req, res, 'controller/edit', { title: t('controller.title'), status }, {
      values,
      choices: formChoices(lang, t, values),
      errors,
      flash,
      logoError,
      canEdit: tenant.permissions.includes('registers:write'),
      action: `/admin/t/${tenant.slug}/controller`,
      logoAction: `/admin/t/${tenant.slug}/controller/logo`,
      logoUrl: logo ? `/t/${tenant.slug}/logo?v=${logo.sha256.slice(0, 16)}` : undefined,
      factsHref: `/admin/t/${tenant.slug}/facts`,
      versions: versions.map((v) => ({ version: v.version, from: formatInstant(v.validFrom, lang, tenant.timeZone), author: v.author, current: v.isCurrent })),
    });
  }

  private actor(req: AdminHttpRequest, tenant: AdminTenant): OnboardingActor {
    const { user } = adminOf(req);
    return { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) };
  }
}
