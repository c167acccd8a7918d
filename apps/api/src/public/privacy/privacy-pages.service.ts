import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ControllerDefinition, LANGS, Lang, controllerToJson, controllerToJsonLd, formatLocalDate, localDateOf } from '@regula/engine';
import { APP_CONFIG, CLOCK, type Clock, CommonConfig, publicBaseUrl } from '@regula/platform';
import { PolicyVersionEntity, PolicyVersionSummary, PolicyVersionsService, renderPolicyDiffHtml, summaryIn } from '@regula/policies';
import { PublicHttpRequest, PublicSiteService, pageUrl } from '../public-site.service';
import { PublicTenant } from '../../web/public-tenant';
import { formatDate, formatInstant, languageName } from '../../web/format';
import { PageResult } from '../page-result';
import { announcementView } from './announcement.view';

const VERSION = /^[1-9]\d{0,5}$/;

function versionNumber(v: unknown, required: boolean): number | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !VERSION.test(v)) throw new NotFoundException();
  return Number(v);
}

/**
 * The public privacy-policy pages of a tenant: the version in force (per
 * language), any version of the archive, a diff between two versions, and the
 * same content as JSON / JSON-LD (W3C DPV). Published versions only.
 */
@Injectable()
export class PrivacyPagesService {
  constructor(
    private readonly site: PublicSiteService,
    private readonly policies: PolicyVersionsService,
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig & { PORT?: number },
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The version in force, or `?version=N` of the archive. */
  async policy(slug: string, req: PublicHttpRequest, versionParam?: string): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const t = this.site.t(lang);
    const requested = versionNumber(versionParam, false);
    // One transaction: the version in force, the archive, the banner, the version asked for.
    const today = this.today(tenant);
    const { current, all, announcement: a, asked } = await this.policies.publicView(tenant.id, today, requested);
    const announcement = a ? announcementView(a, tenant, lang, t, today) : undefined;
    const version = requested ? asked : current;
    const base = `/t/${tenant.slug}/privacy`;
    const path = requested ? `${base}/versions/${requested}` : base;
    if (!version) {
      if (requested) throw new NotFoundException();
      const page = this.site.page(tenant, lang, { title: t('privacy.title'), switchPath: path });
      return { status: 404, html: this.site.render('privacy', { ...page, none: t('privacy.noneYet', { name: page.site.displayName }) }) };
    }
    const shownLang = version.content[lang] ? lang : 'en';
    const upcoming = all.find((v) => !current || (v.number ?? 0) > (current.number ?? 0));
    const isCurrent = version.id === current?.id;
    const page = this.site.page(tenant, lang, { title: `${t('privacy.title')} (${version.number})`, switchPath: path });
    const n = version.number!;
    return {
      status: 200,
      html: this.site.render('privacy', {
        ...page,
        policyHtml: version.content[shownLang].html,
        fallback: shownLang !== lang ? t('privacy.fallbackLang') : undefined,
        versionLine: t(isCurrent ? 'privacy.versionLine' : version.effectiveDate! > this.today(tenant) ? 'privacy.upcomingLine' : 'privacy.archivedLine', {
          number: n,
          date: formatDate(version.effectiveDate!, lang),
        }),
        currentUrl: !isCurrent && current ? pageUrl(base, lang) : undefined,
        upcoming: isCurrent && upcoming ? { line: t('privacy.upcomingLine', { number: upcoming.number, date: formatDate(upcoming.effectiveDate!, lang) }), url: pageUrl(`${base}/versions/${upcoming.number}`, lang) } : undefined,
        archiveUrl: pageUrl(`${base}/versions`, lang),
        diffUrl: n > 1 ? pageUrl(`${base}/diff`, lang, { from: String(n - 1), to: String(n) }) : undefined,
        diffText: n > 1 ? t('privacy.diffPrevious', { number: n - 1 }) : undefined,
        jsonUrl: pageUrl(`${base}.json`, lang, requested ? { version: String(n) } : {}),
        jsonldUrl: pageUrl(`${base}.jsonld`, lang, requested ? { version: String(n) } : {}),
        fingerprint: version.contentHash,
        announcement,
      }),
    };
  }

  async versions(slug: string, req: PublicHttpRequest): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const t = this.site.t(lang);
    const { all, current } = await this.policies.publicView(tenant.id, this.today(tenant));
    const base = `/t/${tenant.slug}/privacy`;
    const page = this.site.page(tenant, lang, { title: t('privacy.versionsTitle'), switchPath: `${base}/versions` });
    const rows = all.map((v) => ({
      number: v.number,
      url: pageUrl(`${base}/versions/${v.number}`, lang),
      effective: formatDate(v.effectiveDate!, lang),
      published: formatInstant(v.publishedAt!, lang, tenant.def.jurisdiction.timeZone),
      summary: summaryIn(v.changeSummary, lang),
      material: v.material,
      status: v.id === current?.id ? t('privacy.current') : (v.effectiveDate ?? '') > this.today(tenant) ? t('privacy.upcoming') : undefined,
      languages: v.languages.map((code) => ({ code, label: languageName(code as Lang), url: pageUrl(`${base}/versions/${v.number}`, code as Lang) })),
      compare: v.number! > 1 ? { text: t('privacy.compare', { number: v.number! - 1 }), url: pageUrl(`${base}/diff`, lang, { from: String(v.number! - 1), to: String(v.number) }) } : undefined,
      fingerprint: v.contentHash,
    }));
    return {
      status: 200,
      html: this.site.render('privacy-versions', { ...page, intro: t('privacy.versionsIntro', { name: page.site.displayName }), rows, none: rows.length ? undefined : t('privacy.noneYet', { name: page.site.displayName }) }),
    };
  }

  async diff(slug: string, req: PublicHttpRequest, query: Record<string, unknown>): Promise<PageResult> {
    const { tenant, lang } = await this.site.tenant(slug, req);
    const t = this.site.t(lang);
    const all = await this.policies.list(tenant.id);
    if (!all.length) throw new NotFoundException();
    const newest = all[0].number!;
    const to = versionNumber(query.to ?? String(newest), true)!;
    const from = versionNumber(query.from ?? String(Math.max(1, to - 1)), true)!;
    const textLang = typeof query.text === 'string' && (LANGS as readonly string[]).includes(query.text) ? (query.text as Lang) : lang;
    const base = `/t/${tenant.slug}/privacy`;
    const page = this.site.page(tenant, lang, { title: t('privacy.diffTitle'), switchPath: `${base}/diff`, switchParams: { from: String(from), to: String(to) } });
    const result = from === to ? null : await this.policies.diff(tenant.id, from, to, textLang);
    if (from !== to && !result) throw new NotFoundException();
    const options = (selected: number) => all.map((v) => ({ value: v.number, label: `${v.number} (${formatDate(v.effectiveDate!, lang)})`, selected: v.number === selected }));
    const langOptions = [...new Set(all.flatMap((v) => v.languages))].map((code) => ({ value: code, label: languageName(code as Lang), selected: code === textLang }));
    return {
      status: 200,
      html: this.site.render('privacy-diff', {
        ...page,
        action: `${base}/diff`,
        fromOptions: options(from),
        toOptions: options(to),
        langOptions,
        same: result ? undefined : t('privacy.diffSame'),
        intro: result ? t('privacy.diffIntro', { from, to, language: languageName(textLang) }) : undefined,
        diffHtml: result
          ? renderPolicyDiffHtml(result.diff, { unchanged: t('privacy.diffUnchanged'), added: t('privacy.diffAdded'), removed: t('privacy.diffRemoved'), noDifferences: t('privacy.diffNone') })
          : undefined,
        textLang,
        archiveUrl: pageUrl(`${base}/versions`, lang),
      }),
    };
  }

  /** privacy.json / privacy.jsonld: the registers behind the version in force (or `?version=N`). */
  async data(slug: string, req: PublicHttpRequest, format: 'json' | 'jsonld', query: Record<string, unknown>): Promise<object> {
    const { tenant } = await this.site.tenant(slug, req);
    const lang = typeof query.lang === 'string' && tenant.langs.includes(query.lang as Lang) ? (query.lang as Lang) : tenant.langs[0];
    if (query.lang !== undefined && lang !== query.lang) throw new BadRequestException(`lang must be one of ${tenant.langs.join(', ')}`);
    const requested = versionNumber(query.version, false);
    const version: PolicyVersionEntity | null = requested ? await this.policies.get(tenant.id, requested) : await this.policies.current(tenant.id, this.clock());
    if (!version) throw new NotFoundException(requested ? 'no such policy version' : 'no privacy policy is published yet');
    const def = version.definition as unknown as ControllerDefinition;
    const opts = { lang, version: String(version.number), validFrom: version.effectiveDate ?? undefined, baseIri: publicBaseUrl(this.cfg) };
    const doc = format === 'json' ? controllerToJson(def, opts) : controllerToJsonLd(def, opts);
    return { ...doc, ...(format === 'json' ? { policyVersion: this.versionMeta(version) } : {}) };
  }

  private versionMeta(v: PolicyVersionSummary) {
    return { number: v.number, effectiveDate: v.effectiveDate, languages: v.languages, contentHash: v.contentHash, changeSummary: v.changeSummary, changeSummaryLegacy: v.changeSummaryLegacy, material: v.material, publishedAt: v.publishedAt };
  }

  /** The material change being announced, for the banner of the public pages. */
  async announcement(tenant: PublicTenant, lang: Lang) {
    const today = this.today(tenant);
    const a = await this.policies.announcementFor(tenant.id, today);
    return a ? announcementView(a, tenant, lang, this.site.t(lang), today) : undefined;
  }

  /** Today in the controller's time zone (effective dates are its calendar days). */
  private today(tenant: PublicTenant): string {
    return formatLocalDate(localDateOf(this.clock(), tenant.def.jurisdiction.timeZone));
  }
}
