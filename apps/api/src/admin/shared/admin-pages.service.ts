import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, Clock, systemClock } from '@regula/platform';
import type { Response } from 'express';
import { Lang } from '@regula/engine';
import { TenantsService } from '@regula/tenancy';
import { STYLESHEET_URL } from '../../web/public-assets';
import { setPageHeaders } from '../../web/public-page.headers';
import { languageName } from '../../web/format';
import { LANG_COOKIE } from '../session/admin-cookies';
import { AdminSessionService } from '../session/admin-session.service';
import { ADMIN_STYLESHEET_URL } from './admin-assets';
import { ALL_LANGS, adminLang, switchedLang } from './admin-lang';
import { navFor } from './admin-nav';
import { ADMIN_ON_REQUEST, AdminHttpRequest } from './admin-request';
import { AdminRenderer } from './admin-renderer';

export interface AdminPageOptions {
  /** The page's <title> and <h1> (already translated). */
  title: string;
  status?: number;
  /** Prefixes the title with "Error:" (a form came back with errors). */
  hasErrors?: boolean;
  /** A message shown at the top of the page (already translated). */
  flash?: string;
  /** A same-site path the page moves on to at once (<meta http-equiv="refresh">; the page links it too). */
  refresh?: string;
}

/**
 * Renders a dashboard page inside the one layout (shared/partials/layout.hbs):
 * header with the tenant's branding, language switch, tenant switcher, the
 * navigation of ADMIN_NAV the user may see, sign-out form; strict CSP and
 * no caching. Controllers call `render(req, res, view, options, model)`.
 */
@Injectable()
export class AdminPages {
  readonly renderer = new AdminRenderer();

  constructor(
    private readonly tenants: TenantsService,
    private readonly sessions: AdminSessionService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** "Now" for a page (days left, overdue, today): the injectable CLOCK, the same the request logic uses. */
  now(): Date {
    return this.clock();
  }

  /** The language of this request's page (the tenant's languages on tenant pages). */
  lang(req: AdminHttpRequest): Lang {
    return adminLang(req, req[ADMIN_ON_REQUEST]?.tenant?.langs ?? ALL_LANGS);
  }

  t(lang: Lang) {
    return this.renderer.translator(lang);
  }

  async render(req: AdminHttpRequest, res: Response, view: string, opts: AdminPageOptions, model: object = {}): Promise<string> {
    const admin = req[ADMIN_ON_REQUEST];
    const tenant = admin?.tenant;
    const langs = tenant?.langs ?? ALL_LANGS;
    const lang = this.lang(req);
    const t = this.t(lang);
    if (switchedLang(req) === lang) this.sessions.setCookie(res, LANG_COOKIE, lang, 365 * 24 * 3600);

    const keep = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (typeof v === 'string' && k !== 'lang' && k !== 'done') keep.set(k, v);
    const langLinks = langs.map((code) => {
      const q = new URLSearchParams(keep);
      q.set('lang', code);
      return { code, label: languageName(code), href: `${req.path}?${q.toString()}`, current: code === lang };
    });

    let switcher: { slug: string; name: string; selected: boolean }[] = [];
    if (admin && (admin.user.isPlatformAdmin || admin.user.memberships.length > 1)) {
      const rows = await this.tenants.list(admin.user.isPlatformAdmin ? undefined : admin.user.memberships.map((m) => m.tenantId));
      switcher = rows.map((r) => ({ slug: r.slug, name: displayNameOf(r.definition) ?? r.legalName, selected: r.slug === tenant?.slug }));
    }

    const layout = {
      lang,
      page: { title: opts.title, hasErrors: opts.hasErrors ?? false, flash: opts.flash, refresh: opts.refresh },
      site: {
        cssUrl: STYLESHEET_URL,
        adminCssUrl: ADMIN_STYLESHEET_URL,
        brandCssUrl: tenant ? `/t/${tenant.slug}/brand.css?v=${tenant.version}` : undefined,
        displayName: tenant?.name,
        homeUrl: tenant ? `/admin/t/${tenant.slug}` : '/admin',
        langs: langLinks,
      },
      user: admin ? { email: admin.user.email, role: t(`roles.${tenant?.role ?? (admin.user.isPlatformAdmin ? 'platform-admin' : 'staff')}`) } : undefined,
      csrf: admin?.csrf,
      nav: tenant ? navFor(tenant.slug, tenant.permissions, req.path, t) : [],
      switcher: switcher.length ? switcher : undefined,
    };
    setPageHeaders(res);
    res.status(opts.status ?? 200);
    return this.renderer.render(view, { ...model, ...layout });
  }
}

export function displayNameOf(definition: Record<string, unknown> | { branding?: { displayName?: string }; brand?: string }): string | undefined {
  const d = definition as { branding?: { displayName?: string }; brand?: string };
  return d.branding?.displayName ?? d.brand;
}
