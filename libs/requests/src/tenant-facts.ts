import type { Authority, Country, IdentityCheck, RightCode } from '@regula/engine';
import { addressLine, brandingOf, MailBranding } from '@regula/mail';
import type { TenantEntity } from '@regula/tenancy';
import type { WithdrawalLimitFacts } from './consent-withdrawal-limit';
import { REQUEST_TYPES, RequestType } from './request-types';

/** What the requests core needs of a tenant's definition (the tenant row's `definition` JSON). */
export interface TenantFacts {
  id: string;
  slug: string;
  legalName: string;
  country: Country;
  timeZone: string;
  languages: string[];
  rights: RightCode[];
  identity: { default: IdentityCheck; perRight: Partial<Record<RightCode, IdentityCheck>> };
  authority: Authority;
  /** Art. 12(5) as the controller's notice states it. */
  excessiveRequests: { fee: boolean; refuse: boolean };
  postalAddress: string | null;
  /** The controller's own reminder days and closing period while identity is awaited (else the config's). */
  identityWait: { reminderDays?: number[]; closeAfterDays?: number };
  /** What a consent withdrawal's promised outer limit is computed from (consent-withdrawal-limit.ts). */
  withdrawalPromise: WithdrawalLimitFacts;
  /** Days within which a repeated request is flagged a duplicate (`requests.duplicateWindowDays`; duplicates.ts gives the default). */
  duplicateWindowDays?: number;
  /** What the e-mail layout shows of the controller, read with the rest (no second read of the tenant per e-mail). */
  branding: MailBranding;
}

interface DefinitionView {
  rights?: { right: RightCode }[];
  requests?: { identity?: { default?: IdentityCheck; perRight?: Partial<Record<RightCode, IdentityCheck>> }; excessiveRequests?: { fee?: boolean; refuse?: boolean }; identityWait?: { reminderDays?: number[]; closeAfterDays?: number }; duplicateWindowDays?: number };
  jurisdiction?: { country?: Country; timeZone?: string; languages?: string[]; authority?: Authority };
  legalAddress?: { street?: string; postalCode?: string; city?: string; careOf?: string };
  officeAddress?: { street?: string; postalCode?: string; city?: string; careOf?: string };
}

export function tenantFacts(t: TenantEntity): TenantFacts {
  const def = t.definition as DefinitionView;
  const authority = def.jurisdiction?.authority;
  if (!authority) throw new Error(`tenant ${t.slug}: the definition names no supervisory authority`);
  return {
    id: t.id,
    slug: t.slug,
    legalName: t.legalName,
    country: (def.jurisdiction?.country ?? t.country) as Country,
    timeZone: def.jurisdiction?.timeZone ?? t.timeZone,
    languages: def.jurisdiction?.languages ?? ['en'],
    rights: (def.rights ?? []).map((r) => r.right),
    identity: { default: def.requests?.identity?.default ?? 'email-link', perRight: def.requests?.identity?.perRight ?? {} },
    authority,
    excessiveRequests: { fee: !!def.requests?.excessiveRequests?.fee, refuse: !!def.requests?.excessiveRequests?.refuse },
    postalAddress: addressLine(def.legalAddress),
    identityWait: def.requests?.identityWait ?? {},
    withdrawalPromise: t.definition as WithdrawalLimitFacts,
    duplicateWindowDays: def.requests?.duplicateWindowDays,
    branding: brandingOf(t),
  };
}

/** Does the tenant offer the right this request type exercises? */
export function offersType(facts: TenantFacts, type: RequestType): boolean {
  return facts.rights.includes(REQUEST_TYPES[type]);
}

/** The identity check for a request type: the tenant's per-right rule over its default. */
export function identityMethodFor(facts: TenantFacts, type: RequestType): IdentityCheck {
  return facts.identity.perRight[REQUEST_TYPES[type]] ?? facts.identity.default;
}

/** The languages a request may be written in: the tenant's, and English. */
export function requestLocales(facts: TenantFacts): string[] {
  return [...new Set([...facts.languages, 'en'])];
}

/** The authority as the e-mails show it. */
export function authorityView(a: Authority) {
  return {
    name: a.name,
    nameEn: a.nameEn,
    abbreviation: a.abbreviation,
    address: addressLine(a.address),
    phone: a.phone,
    email: a.email,
    web: a.web,
  };
}
