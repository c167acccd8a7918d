import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { SSO_TRANSACTION_SECONDS, SsoRefusal, SsoRefusedError, SsoSignIn } from '@regula/auth';
import { NotFoundError } from '@regula/platform';
import { TenantsService } from '@regula/tenancy';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, clientIp } from '../shared/admin-request';
import { SSO_COOKIE, readCookie, safeNext } from './admin-cookies';
import { AdminSessionService } from './admin-session.service';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** The parameters of an authorization response Regula passes on to openid-client (RFC 6749 §4.1.2, RFC 9207 `iss`). */
const CALLBACK_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'session_state'] as const;

/** What the refusal page says: one text for each group of reasons. */
const REFUSAL_TEXT: Record<SsoRefusal, string> = {
  'no-transaction': 'sso.refused.expired',
  'not-configured': 'sso.refused.notConfigured',
  'provider-unreachable': 'sso.refused.provider',
  'provider-error': 'sso.refused.provider',
  'token-invalid': 'sso.refused.provider',
  'email-not-verified': 'sso.refused.unknown',
  'unknown-person': 'sso.refused.unknown',
  'identity-taken': 'sso.refused.unknown',
  'account-inactive': 'sso.refused.inactive',
};

/**
 * Staff sign-in with their organisation's identity provider (SsoSignIn):
 * `/admin/sso/start/:slug` (the sign-in page's button, a plain link) sends the
 * browser to the provider with a transaction cookie; the provider sends it
 * back to `/admin/sso/callback`, which starts the dashboard session. Plain
 * redirects and one page, no script.
 */
@ApiExcludeController()
@Controller('admin/sso')
@UseFilters(AdminExceptionFilter)
export class AdminSsoSignInController {
  constructor(
    private readonly sso: SsoSignIn,
    private readonly sessions: AdminSessionService,
    private readonly pages: AdminPages,
    private readonly tenants: TenantsService,
  ) {}

  @Get('start/:slug')
  async start(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('slug') slug: string, @Query('next') next?: string) {
    const tenant = SLUG.test(slug) ? await this.tenants.findBySlug(slug) : null;
    if (!tenant) throw new NotFoundError('no such tenant');
    const wanted = safeNext(next);
    try {
      const { url, transaction } = await this.sso.start(tenant.id, wanted === '/admin' ? `/admin/t/${tenant.slug}` : wanted, clientIp(req));
      this.sessions.ssoCookie(res, transaction, SSO_TRANSACTION_SECONDS);
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, url);
      return undefined;
    } catch (e) {
      if (!(e instanceof SsoRefusedError)) throw e;
      return this.refusal(req, res, e.reason, tenant.slug);
    }
  }

  @Get('callback')
  async callback(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Record<string, unknown>) {
    const params: Record<string, string> = {};
    for (const k of CALLBACK_PARAMS) if (typeof query[k] === 'string') params[k] = (query[k] as string).slice(0, 4096);
    const transaction = readCookie(req, SSO_COOKIE);
    this.sessions.ssoCookie(res, '', 0);
    res.setHeader('Cache-Control', 'no-store');
    try {
      const done = await this.sso.finish(transaction, params, clientIp(req));
      this.sessions.start(res, done.accessToken);
      const next = safeNext(done.next);
      const t = this.pages.t(this.pages.lang(req));
      // A page, not a redirect: the provider's redirect here was a cross-site navigation, and the SameSite=Strict
      // session cookie goes only with a request this site starts (the page's refresh, or its link).
      return this.pages.render(req, res, 'session/sso-continue', { title: t('sso.continueTitle'), refresh: next }, { next });
    } catch (e) {
      if (!(e instanceof SsoRefusedError)) throw e;
      const slug = e.tenantId ? (await this.tenants.list([e.tenantId]))[0]?.slug : undefined;
      return this.refusal(req, res, e.reason, slug);
    }
  }

  private refusal(req: AdminHttpRequest, res: Response, reason: SsoRefusal, slug?: string) {
    const t = this.pages.t(this.pages.lang(req));
    const status = reason === 'not-configured' ? 404 : reason === 'provider-unreachable' ? 502 : 401;
    return this.pages.render(req, res, 'session/sso-refused', { title: t('sso.refusedTitle'), status, hasErrors: true }, {
      text: t(REFUSAL_TEXT[reason]), back: slug ? `/admin/login?tenant=${slug}` : '/admin/login',
    });
  }
}
