import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission, SsoSettings, SsoSettingsInvalidError, SsoSettingsView, SsoSignIn, TENANT_ROLES } from '@regula/auth';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';

type Form = Record<string, unknown>;
type Values = { providerName: string; issuer: string; clientId: string; enabled: boolean; jitRole: string };
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * The tenant's single sign-on (OpenID Connect, issue 18 §2): the provider's
 * name, issuer, client id and secret, on or off, and just-in-time membership
 * with a role (off unless chosen). Seen and changed with users:manage (who
 * may sign in is the tenant's user management); saved through SsoSettings
 * (audited; the secret sealed, shown back only as "set").
 */
@ApiExcludeController()
@Controller('admin/t/:slug/sso')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('users:manage')
export class AdminSsoController {
  constructor(private readonly pages: AdminPages, private readonly settings: SsoSettings, private readonly signIn: SsoSignIn) {}

  @Get()
  async page(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    const current = await this.settings.get(tenantOf(req).id);
    return this.render(req, res, 200, current, valuesOf(current), undefined, flashOf(this.pages.t(this.pages.lang(req)), done));
  }

  @Post()
  async save(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    const admin = adminOf(req);
    const values: Values = { providerName: str(body.providerName, 200), issuer: str(body.issuer, 2100), clientId: str(body.clientId, 600), enabled: body.enabled === 'on', jitRole: str(body.jitRole, 40) };
    try {
      await this.settings.save(tenant.id, { userId: admin.user.id, label: `${admin.user.email} (${tenant.role})`, ip: clientIp(req) }, { ...values, clientSecret: str(body.clientSecret, 2100) });
    } catch (e) {
      if (!(e instanceof SsoSettingsInvalidError)) throw e;
      const t = this.pages.t(this.pages.lang(req));
      const error = { field: e.field, text: `${t(`sso.${e.field}`)}: ${t(`sso.problem.${e.problem}`)}` };
      return this.render(req, res, 400, await this.settings.get(tenant.id), values, error);
    }
    res.redirect(303, `/admin/t/${tenant.slug}/sso?done=sso-saved`);
    return undefined;
  }

  private render(req: AdminHttpRequest, res: Response, status: number, current: SsoSettingsView | null, values: Values, error?: { field: string; text: string }, flash?: string) {
    const tenant = tenantOf(req);
    const t = this.pages.t(this.pages.lang(req));
    const jitChoices = [{ value: 'none', label: t('sso.jitOff') }, ...TENANT_ROLES.map((r) => ({ value: r, label: t('sso.jitAs', { role: t(`roles.${r}`) }) }))]
      .map((c) => ({ ...c, checked: c.value === (values.jitRole || 'none') }));
    return this.pages.render(req, res, 'sso/settings', { title: t('sso.title'), status, hasErrors: !!error, flash }, {
      current, values, error, invalid: error ? { [error.field]: true } : {}, jitChoices, canEdit: true,
      action: `/admin/t/${tenant.slug}/sso`, redirectUri: this.signIn.redirectUri(), startPath: `/admin/sso/start/${tenant.slug}`,
    });
  }
}

function valuesOf(v: SsoSettingsView | null): Values {
  return v ? { providerName: v.providerName, issuer: v.issuer, clientId: v.clientId, enabled: v.enabled, jitRole: v.jitRole ?? 'none' } : { providerName: '', issuer: '', clientId: '', enabled: true, jitRole: 'none' };
}
