import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { statusOf } from '../../common/http-error';
import { AllowedBeforePasswordChange, AuthService, SignInLinkInvalidError, TooManyAttemptsError, WeakPasswordError } from '@regula/auth';
import { TenantsService } from '@regula/tenancy';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp } from '../shared/admin-request';
import { flashOf } from '../shared/flash';
import { safeNext } from './admin-cookies';
import { AdminSessionGuard } from './admin-session.guard';
import { AdminSessionService } from './admin-session.service';
import { LoginNoticeService, loginTenantSlug } from './login-notice.service';
import { PASSWORD_PAGE } from './password-change.exception';

type Form = Record<string, unknown>;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
/** A sign-in link token (from the e-mail sent when the account's sign-ins were slowed down), or undefined. */
const linkOf = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v) ? v : undefined);
type LoginForm = { next: string; email: string; tenant?: string; link?: string; error?: string };

/** Sign-in (AuthService.login: rate-limited, audited), sign-out and the user's own password. */
@ApiExcludeController()
@Controller('admin')
@UseFilters(AdminExceptionFilter)
export class AdminSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: AdminSessionService,
    private readonly pages: AdminPages,
    private readonly notices: LoginNoticeService,
    private readonly tenants: TenantsService,
  ) {}

  @Get('login')
  async loginForm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('next') next?: string, @Query('tenant') tenant?: string, @Query('link') link?: string) {
    const safe = safeNext(next);
    // The link's token goes on in the form's hidden field (posted, not kept in later URLs); Referrer-Policy: no-referrer keeps it out of Referer headers.
    return this.loginPage(req, res, { next: safe, email: '', tenant: loginTenantSlug(tenant, safe), link: linkOf(link) }, 200);
  }

  @Post('login')
  async login(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const email = str(body.email, 320).trim();
    const password = str(body.password, 1024);
    const next = safeNext(body.next);
    const tenant = loginTenantSlug(body.tenant, next);
    const link = linkOf(body.link);
    const t = this.pages.t(this.pages.lang(req));
    const nonce = this.sessions.loginNonceOf(req);
    if (!nonce || !this.sessions.csrfOk(nonce, body._csrf)) return this.loginPage(req, res, { next, email, tenant, link, error: t('login.expired') }, 403);
    if (!email || !password) return this.loginPage(req, res, { next, email, tenant, link, error: t('login.missing') }, 400);
    try {
      const { accessToken, user } = await this.auth.login(email, password, clientIp(req), link);
      this.sessions.start(res, accessToken);
      res.redirect(303, user.mustChangePassword ? PASSWORD_PAGE : next);
      return undefined;
    } catch (e) {
      if (statusOf(e) === undefined) throw e;
      if (e instanceof TooManyAttemptsError) {
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
        return this.loginPage(req, res, { next, email, tenant, error: tooMany(t, e.retryAfterSeconds) }, 429);
      }
      // The link is used up either way: the form goes on without it.
      if (e instanceof SignInLinkInvalidError) return this.loginPage(req, res, { next, email, tenant, error: t('login.linkInvalid') }, 401);
      // One message for an unknown e-mail, a wrong password and a disabled account.
      return this.loginPage(req, res, { next, email, tenant, error: t('login.failed') }, 401);
    }
  }

  private async loginPage(req: AdminHttpRequest, res: Response, form: LoginForm, status: number) {
    const nonce = this.sessions.loginNonce(req, res, () => randomBytes(24).toString('base64url'));
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const notice = await this.notices.for(form.tenant, lang, t, form.next);
    return this.pages.render(req, res, 'session/login', { title: t('login.title'), status, hasErrors: !!form.error }, { form, notice, loginCsrf: this.sessions.csrf(nonce) });
  }

  /** Signs out: the session's token is refused from now on (AuthService.logout, audited), then the cookie is deleted. */
  @Post('logout')
  @UseGuards(AdminSessionGuard)
  @AllowedBeforePasswordChange()
  async logout(@Req() req: AdminHttpRequest, @Res() res: Response) {
    const admin = adminOf(req);
    const claims = await this.sessions.claimsOf(admin.session);
    if (claims) await this.auth.logout(admin.user, claims, clientIp(req));
    this.sessions.end(res);
    res.setHeader('Cache-Control', 'no-store');
    // A single sign-on session goes back to its tenant's sign-in page (with the provider's button).
    const ssoTenant = claims?.tenantId ? (await this.tenants.list([claims.tenantId]))[0]?.slug : undefined;
    res.redirect(303, ssoTenant ? `/admin/login?tenant=${ssoTenant}` : '/admin/login');
  }

  /** The own password; the only page (with sign-out) of an invited user until they replace the one-time password. */
  @Get('account/password')
  @UseGuards(AdminSessionGuard)
  @AllowedBeforePasswordChange()
  async passwordForm(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('done') done?: string) {
    const t = this.pages.t(this.pages.lang(req));
    return this.pages.render(req, res, 'session/password', { title: t('password.title'), flash: flashOf(t, done) }, { mustChange: adminOf(req).user.mustChangePassword });
  }

  /** Every other session of the user ends; this browser gets a new session at once. */
  @Post('account/password')
  @UseGuards(AdminSessionGuard)
  @AllowedBeforePasswordChange()
  async changePassword(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Body() body: Form) {
    const t = this.pages.t(this.pages.lang(req));
    const mustChange = adminOf(req).user.mustChangePassword;
    const current = str(body.current, 1024);
    const next = str(body.password, 1024);
    const again = str(body.confirm, 1024);
    const fail = (error: string, status: number) => this.pages.render(req, res, 'session/password', { title: t('password.title'), status, hasErrors: true }, { error, mustChange });
    if (!current || !next) return fail(t('password.missing'), 400);
    if (next !== again) return fail(t('password.mismatch'), 400);
    try {
      const { accessToken } = await this.auth.changePassword(adminOf(req).user, current, next, clientIp(req));
      this.sessions.start(res, accessToken);
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined) throw e;
      if (e instanceof TooManyAttemptsError) {
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
        return fail(tooMany(t, e.retryAfterSeconds), 429);
      }
      if (e instanceof WeakPasswordError) return fail(t('password.weak', { reason: t(`password.problem.${e.reason}`) }), 400);
      if (status === 401) return fail(t('password.wrongCurrent'), 400);
      throw e;
    }
    res.redirect(303, '/admin/account/password?done=password');
    return undefined;
  }
}

/** The wait of a 429, in whole minutes (at least one), in the page's language. */
function tooMany(t: (key: string, vars?: Record<string, unknown>) => string, seconds: number): string {
  return t('login.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
}
