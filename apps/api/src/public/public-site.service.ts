import { Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { Authority, ControllerDefinition, Lang, Register, applyConfirmations, publishableDefinition } from '@regula/engine';
import { FactConfirmationsService, RegistersService } from '@regula/registers';
import { TenantsService } from '@regula/tenancy';
import { STYLESHEET_URL } from '../web/public-assets';
import { LocalText, localText } from '../web/i18n';
import { PublicRenderer } from './public-renderer';
import { PublicTenant, chooseLang, offeredLangs } from '../web/public-tenant';
import { addressLines, languageName, telHref, webHref, webLabel } from '../web/format';
import { ConsentPurposeOption } from './request-form';
import { PageGenerations } from './cache/page-generations';

/** The tenant the current public request is about, kept on the request for error pages. */
export const TENANT_ON_REQUEST = Symbol('regula.publicTenant');
/** A public request's tenant, its language and the generation of its pages (undefined when Redis could not say: nothing is cached then). */
export interface RequestTenant {
  tenant: PublicTenant;
  lang: Lang;
  generation: string | undefined;
}
/** The page generation PublicRateLimitGuard read with the request's count (null: the tenant has none yet). */
export const GENERATION_ON_REQUEST = Symbol('regula.pageGeneration');
export type PublicHttpRequest = Request & { [TENANT_ON_REQUEST]?: RequestTenant; [GENERATION_ON_REQUEST]?: { slug: string; value: string | null } };

export interface LinkView {
  code: Lang;
  label: string;
  href: string;
  current: boolean;
}

/** What every page's layout needs. */
export interface SiteView {
  slug?: string;
  displayName?: string;
  tagline?: LocalText;
  homeUrl?: string;
  privacyUrl?: string;
  cssUrl: string;
  brandCssUrl?: string;
  /** The controller's logo, when it has one (versioned by its hash, cached for a year). */
  logoUrl?: string;
  langs: LinkView[];
}

export interface PageModel {
  lang: Lang;
  site: SiteView;
  page: { title: string; noindex: boolean; hasErrors: boolean };
  [key: string]: unknown;
}

export interface AuthorityView {
  name: string;
  /** The official name beside the English one, on English pages only. */
  otherName?: string;
  abbreviation: string;
  formerly?: string;
  address: string[];
  /** Absent where the catalogue does not know it (an assumed entry). */
  phone?: string;
  tel?: string;
  email?: string;
  otherEmails: string[];
  web?: string;
  webLabel: string;
}

/** `path?lang=xx&...`: every link of the public pages carries the language. */
export function pageUrl(path: string, lang: Lang, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams({ lang });
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, v);
  return `${path}?${q.toString()}`;
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/**
 * Tenant lookup, language choice and the pieces every public page shares
 * (layout, authority, the consent purposes of the registers). Unknown tenants
 * are 404, like any other missing page.
 */
@Injectable()
export class PublicSiteService {
  /** Each slug's tenant id (a tenant keeps its slug), so that its generation is read before its facts. */
  private readonly ids = new Map<string, string>();
  /** Each slug's tenant as its pages show it, with the generation it was read at. */
  private readonly known = new Map<string, { generation: string; tenant: PublicTenant }>();

  constructor(
    private readonly tenants: TenantsService,
    private readonly registers: RegistersService,
    private readonly facts: FactConfirmationsService,
    readonly renderer: PublicRenderer,
    private readonly generations: PageGenerations,
  ) {}

  /**
   * The Redis key of the slug's page generation when this node knows its
   * tenant: PublicRateLimitGuard reads it in its rate-limit command and leaves
   * the value on the request (GENERATION_ON_REQUEST), so a page served from
   * memory costs one Redis round trip.
   */
  generationKey(slug: string): string | undefined {
    const id = this.ids.get(slug);
    return id === undefined ? undefined : this.generations.key(id);
  }

  /**
   * The tenant of the URL, from memory while its pages' generation is
   * unchanged (read by the rate-limit guard, else one Redis GET), else from
   * the database; once per request (the page cache and the page's builder both ask).
   */
  async tenant(slug: string, req: PublicHttpRequest): Promise<RequestTenant> {
    const asked = req[TENANT_ON_REQUEST];
    if (asked && asked.tenant.slug === slug) return asked;
    if (typeof slug !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) throw new NotFoundException();
    const id = this.ids.get(slug) ?? (await this.tenants.findBySlug(slug))?.id;
    if (!id) throw new NotFoundException();
    // The generation before the facts: a change made meanwhile leaves a newer generation than the one kept.
    const read = req[GENERATION_ON_REQUEST];
    const generation = read?.slug === slug && read.value !== null ? read.value : await this.generations.current(id).catch(() => undefined);
    const kept = this.known.get(slug);
    const tenant = kept && generation !== undefined && kept.generation === generation ? kept.tenant : await this.load(slug, id, generation);
    const lang = chooseLang(tenant.langs, req.query?.lang, req.headers['accept-language']);
    const found: RequestTenant = { tenant, lang, generation: tenant.id === id ? generation : undefined };
    req[TENANT_ON_REQUEST] = found;
    return found;
  }

  private async load(slug: string, id: string, generation: string | undefined): Promise<PublicTenant> {
    const row = await this.tenants.findBySlug(slug);
    if (!row) throw new NotFoundException();
    // Readers see what the controller stated (or a person confirmed), never what Regula assumed.
    const stored = row.definition as unknown as Omit<ControllerDefinition, 'registers'>;
    const def = publishableDefinition(applyConfirmations(stored as ControllerDefinition, await this.facts.confirmationsOf(row.id)));
    const tenant: PublicTenant = { id: row.id, slug: row.slug, def, langs: offeredLangs(def), version: row.definitionHash.slice(0, 12), suspended: !!row.suspendedAt };
    this.ids.set(slug, row.id);
    if (generation !== undefined && row.id === id) this.known.set(slug, { generation, tenant });
    else this.known.delete(slug);
    return tenant;
  }

  /** The layout model; `switchPath` (+ `switchParams`) is where the language links point. */
  page(
    tenant: PublicTenant | undefined,
    lang: Lang,
    opts: { title: string; switchPath?: string; switchParams?: Record<string, string | undefined>; noindex?: boolean; hasErrors?: boolean },
  ): PageModel {
    const langs: Lang[] = tenant?.langs ?? [lang];
    const site: SiteView = {
      cssUrl: STYLESHEET_URL,
      langs: opts.switchPath
        ? langs.map((code) => ({ code, label: languageName(code), href: pageUrl(opts.switchPath!, code, opts.switchParams), current: code === lang }))
        : [],
    };
    if (tenant) {
      const home = `/t/${tenant.slug}/`;
      Object.assign(site, {
        slug: tenant.slug,
        displayName: tenant.def.branding?.displayName ?? tenant.def.brand ?? tenant.def.legalName,
        tagline: localText(tenant.def.branding?.tagline, lang),
        homeUrl: pageUrl(home, lang),
        privacyUrl: pageUrl(`${home}privacy`, lang),
        brandCssUrl: `/t/${tenant.slug}/brand.css?v=${tenant.version}`,
        ...(tenant.def.branding?.logo ? { logoUrl: `/t/${tenant.slug}/logo?v=${tenant.def.branding.logo.sha256.slice(0, 16)}` } : {}),
      });
    }
    return { lang, site, page: { title: opts.title, noindex: opts.noindex ?? false, hasErrors: opts.hasErrors ?? false } };
  }

  render(view: string, model: PageModel): string {
    return this.renderer.render(view, model);
  }

  t(lang: Lang) {
    return this.renderer.translator(lang);
  }

  authority(tenant: PublicTenant, lang: Lang): AuthorityView {
    const a: Authority = tenant.def.jurisdiction.authority;
    // On English pages the English name, with the official (national) one beside it;
    // in any other language the official name only (no English inside that language's page).
    const [name, otherName] = lang === 'en' ? [a.nameEn, a.name] : [a.name, undefined];
    return {
      name,
      otherName,
      abbreviation: a.abbreviation,
      formerly: a.formerNames.length ? this.t(lang)('home.formerly', { names: a.formerNames.map((f) => f.name).join(', ') }) : undefined,
      address: addressLines(a.address, lang) ?? [],
      phone: a.phone,
      tel: telHref(a.phone),
      email: a.email,
      otherEmails: a.otherEmails ?? [],
      web: webHref(a.web),
      webLabel: webLabel(a.web),
    };
  }

  /** The purposes of the tenant's current registers that rest on consent (GDPR Art. 6(1)(a)). */
  async consentPurposes(tenant: PublicTenant, lang: Lang): Promise<ConsentPurposeOption[]> {
    const registers = await this.registers.listCurrent(tenant.id);
    const out: ConsentPurposeOption[] = [];
    for (const r of registers) {
      const reg = r.definition as unknown as Partial<Register>;
      for (const p of reg.purposes ?? []) {
        if (!p.legalBases?.some((b) => b.article === '6(1)(a)')) continue;
        out.push({ value: `${r.key}:${p.id}`, register: r.key, purpose: p.id, label: localText(p.name, lang)!, registerName: localText(reg.name, lang)! });
      }
    }
    return out;
  }
}
