import { Injectable } from '@nestjs/common';
import { ControllerDefinition, Lang, formatLocalDate, localDateOf } from '@regula/engine';
import { PolicyVersionsService, announcementFacts } from '@regula/policies';
import { SsoSignIn } from '@regula/auth';
import { TenantsService } from '@regula/tenancy';
import { formatDate } from '../../web/format';

export interface LoginNotice {
  slug: string;
  name: string;
  /** The tenant's single sign-on, when it is on: the provider's name and the start link. */
  sso?: { name: string; href: string };
  /** A material privacy-policy change being announced (public facts only). */
  policyChange?: { text: string; summary: string | null; diffUrl: string };
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The tenant a sign-in is for: `?tenant=<slug>`, or the tenant page the user was sent from (`next`). */
export function loginTenantSlug(tenant: unknown, next: string): string | undefined {
  if (typeof tenant === 'string' && SLUG.test(tenant)) return tenant;
  const m = /^\/admin\/t\/([a-z0-9][a-z0-9-]{0,62})(\/|$|\?)/.exec(next);
  return m?.[1];
}

/**
 * What the sign-in page says about the tenant a user signs in to: its name
 * and a material change of its privacy policy being announced (Medical
 * Management promises it "on the login page"). Only what the public privacy
 * pages show already; an unknown slug shows nothing.
 */
@Injectable()
export class LoginNoticeService {
  constructor(private readonly tenants: TenantsService, private readonly policies: PolicyVersionsService, private readonly sso: SsoSignIn) {}

  async for(slug: string | undefined, lang: Lang, t: (key: string, vars?: Record<string, unknown>) => string, next = '/admin'): Promise<LoginNotice | undefined> {
    if (!slug) return undefined;
    const tenant = await this.tenants.findBySlug(slug);
    if (!tenant) return undefined;
    const def = tenant.definition as unknown as Omit<ControllerDefinition, 'registers'>;
    const name = def.branding?.displayName ?? def.brand ?? def.legalName;
    const a = await this.policies.announcement(tenant.id);
    const f = a && announcementFacts(a, slug, lang, formatLocalDate(localDateOf(new Date(), tenant.timeZone)));
    const provider = await this.sso.buttonOf(tenant.id);
    return {
      slug,
      name,
      sso: provider ? { name: provider, href: `/admin/sso/start/${slug}${next !== '/admin' ? `?next=${encodeURIComponent(next)}` : ''}` } : undefined,
      policyChange: f
        ? { text: t(f.upcoming ? 'home.policyChangeUpcoming' : 'home.policyChangeRecent', { number: f.number, date: formatDate(f.effectiveDate, lang) }), summary: f.summary, diffUrl: f.diffPath }
        : undefined,
    };
  }
}
