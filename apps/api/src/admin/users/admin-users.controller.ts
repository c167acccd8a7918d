import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission, AlreadyMemberError, AuditorWriteError, LastAdminError, MembershipActor, MembershipsService } from '@regula/auth';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { flashOf } from '../shared/flash';
import { formChoices, memberRow, permissionLabel } from './member-view';
import { termsOf, typedValues } from './member-form';

type Form = Record<string, unknown>;
type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The tenant's members: the list, a member's page, invite, change (role,
 * gates, access end) and revoke, all with users:manage (compliance admins; an
 * auditor's menu has no Users and the pages are a 403: who was given or lost
 * access is in the audit log, by name).
 * Writes go through MembershipsService (audited; the tenant keeps a
 * compliance admin who can manage users). A new account's one-time password
 * is shown once, on the answer to the invite, and never stored or logged.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/users')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('users:manage')
export class AdminUsersController {
  constructor(private readonly pages: AdminPages, private readonly members: MembershipsService) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    return this.listPage(req, res, 200, undefined, flashOf(this.t(req), done));
  }

  @Post()
  @RequirePermission('users:manage')
  async invite(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const tenant = tenantOf(req);
    const t = this.t(req);
    try {
      const result = await this.members.invite(tenant.id, this.actor(req), { email: body.email, ...termsOf(body, tenant.timeZone) });
      const base = `/admin/t/${tenant.slug}/users`;
      const member = memberRow(result.member, base, this.pages.lang(req), tenant.timeZone, t, adminOf(req).user.id);
      return this.pages.render(req, res, 'users/invited', { title: t('users.invitedTitle'), status: 201 }, {
        member, userCreated: result.userCreated, password: result.oneTimePassword, back: base,
      });
    } catch (e) {
      const error = this.failure(e, t);
      return this.listPage(req, res, statusOf(e) ?? 500, { error, values: typedValues(body) });
    }
  }

  @Get(':userId')
  async member(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('userId') userId: string, @Query('done') done?: string) {
    return this.memberPage(req, res, userId, 200, undefined, flashOf(this.t(req), done));
  }

  @Post(':userId')
  @RequirePermission('users:manage')
  async change(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('userId') userId: string, @Body() body: Form) {
    const tenant = tenantOf(req);
    await this.members.get(tenant.id, userId);
    try {
      await this.members.change(tenant.id, this.actor(req), userId, termsOf(body, tenant.timeZone));
    } catch (e) {
      const error = this.failure(e, this.t(req));
      return this.memberPage(req, res, userId, statusOf(e) ?? 500, { form: 'change', error, values: typedValues(body) });
    }
    res.redirect(303, `/admin/t/${tenant.slug}/users/${userId}?done=member-updated`);
    return undefined;
  }

  @Post(':userId/revoke')
  @RequirePermission('users:manage')
  async revoke(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('userId') userId: string) {
    const tenant = tenantOf(req);
    try {
      await this.members.revoke(tenant.id, this.actor(req), userId);
    } catch (e) {
      const error = this.failure(e, this.t(req));
      return this.memberPage(req, res, userId, statusOf(e) ?? 500, { form: 'revoke', error });
    }
    // Whoever revoked their own membership can no longer open the tenant.
    res.redirect(303, userId === adminOf(req).user.id ? '/admin' : `/admin/t/${tenant.slug}/users?done=member-revoked`);
    return undefined;
  }

  private t(req: AdminHttpRequest): T {
    return this.pages.t(this.pages.lang(req));
  }

  private actor(req: AdminHttpRequest): MembershipActor {
    const { user } = adminOf(req);
    return { userId: user.id, label: `${user.email} (${tenantOf(req).role})`, ip: clientIp(req) };
  }

  /** A 400/409 in words for the form; anything else goes on to the error page. */
  private failure(e: unknown, t: T): string {
    const status = statusOf(e);
    if (status === undefined || ![400, 409].includes(status)) throw e;
    if (e instanceof LastAdminError) return t('users.lastAdmin');
    if (e instanceof AlreadyMemberError) return t('users.alreadyMember');
    if (e instanceof AuditorWriteError) return t('users.auditorWrite', { permissions: e.refused.map((p) => permissionLabel(t, p)).join(', ') });
    return t(status === 409 ? 'users.conflict' : 'errors.invalid', { detail: messageOf(e) });
  }

  private async listPage(req: AdminHttpRequest, res: Response, status: number, failed?: { error: string; values: ReturnType<typeof typedValues> }, flash?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenant.slug}/users`;
    const rows = (await this.members.list(tenant.id)).map((m) => memberRow(m, base, lang, tenant.timeZone, t, adminOf(req).user.id));
    const canManage = tenant.permissions.includes('users:manage');
    return this.pages.render(req, res, 'users/list', { title: t('users.title'), status, hasErrors: !!failed, flash }, {
      rows, canManage, action: base, ssoHref: `/admin/t/${tenant.slug}/sso`,
      invite: canManage ? { ...formChoices(t, failed?.values ?? {}), values: failed?.values ?? {}, error: failed?.error } : undefined,
    });
  }

  private async memberPage(req: AdminHttpRequest, res: Response, userId: string, status: number, failed?: { form: string; error: string; values?: ReturnType<typeof typedValues> }, flash?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenant.slug}/users`;
    const m = await this.members.get(tenant.id, userId);
    const member = memberRow(m, base, lang, tenant.timeZone, t, adminOf(req).user.id);
    const canManage = tenant.permissions.includes('users:manage');
    const values = failed?.form === 'change' && failed.values ? failed.values : { role: m.role, gates: new Set<string>(m.gates ?? []), accessUntil: member.accessUntilValue };
    return this.pages.render(req, res, 'users/member', { title: t('users.memberTitle', { email: m.email }), status, hasErrors: !!failed, flash }, {
      member, back: base, canManage,
      change: canManage ? { action: member.href, ...formChoices(t, values), values, error: failed?.form === 'change' ? failed.error : undefined } : undefined,
      revoke: canManage ? { action: `${member.href}/revoke`, error: failed?.form === 'revoke' ? failed.error : undefined } : undefined,
    });
  }
}
