import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TenantsService } from '@regula/tenancy';
import { languageName } from '../../web/format';
import { ALL_LANGS, chooseLang } from '../../web/public-tenant';
import { PublicRateLimitGuard } from '../public-rate-limit.guard';
import { PublicHttpRequest, PublicSiteService, TENANT_ON_REQUEST, pageUrl } from '../public-site.service';

/**
 * The front door (`/`): what Regula is, and the way in for each of its users:
 * each controller's public pages for data subjects, the dashboard for
 * compliance teams and auditors, the API documentation for developers. In the
 * visitor's language (`?lang=`, else the browser's), no script, no cookie.
 */
@ApiExcludeController()
@Controller()
@UseGuards(PublicRateLimitGuard)
export class LandingController {
  constructor(private readonly site: PublicSiteService, private readonly tenants: TenantsService) {}

  @Get()
  async landing(@Req() req: PublicHttpRequest): Promise<string> {
    const lang = chooseLang(ALL_LANGS, req.query?.lang, req.headers['accept-language']);
    const t = this.site.t(lang);
    const controllers = [];
    for (const row of await this.tenants.list()) {
      // The name as the controller's public pages show it (what it stated or a person confirmed).
      const { tenant } = await this.site.tenant(row.slug, req);
      const pageLang = tenant.langs.includes(lang) ? lang : tenant.langs[0];
      controllers.push({
        name: tenant.def.branding?.displayName ?? tenant.def.brand ?? tenant.def.legalName,
        legalName: tenant.def.legalName,
        href: pageUrl(`/t/${tenant.slug}/`, pageLang),
        pageLang,
        languages: tenant.langs.map((l) => languageName(l)).join(', '),
      });
    }
    delete req[TENANT_ON_REQUEST];
    controllers.sort((a, b) => a.name.localeCompare(b.name, lang));
    const model = this.site.page(undefined, lang, { title: t('landing.title') });
    model.site.langs = ALL_LANGS.map((code) => ({ code, label: languageName(code), href: pageUrl('/', code), current: code === lang }));
    return this.site.render('landing', { ...model, controllers, dashboardHref: `/admin?lang=${lang}`, docsHref: '/api/docs' });
  }
}
