import type { TenantEntity } from '@regula/tenancy';

/** What the e-mail layout shows of the controller: name, colours, contacts. No remote images or fonts. */
export interface MailBranding {
  slug: string;
  /** The name in the header (brand or display name). */
  name: string;
  legalName: string;
  primaryColor: string;
  accentColor: string;
  email: string | null;
  phone: string | null;
  web: string | null;
  /** One line: street, postal code, city. */
  address: string | null;
  timeZone: string;
  languages: string[];
  /** The platform's own e-mails (to platform admins): no tenant's templates, the platform's footer. */
  platform?: boolean;
}

/** The layout's view of Regula itself, for e-mails to platform admins (times in UTC). */
export const PLATFORM_BRANDING: MailBranding = {
  slug: '',
  name: 'Regula',
  legalName: 'Regula',
  primaryColor: '#1F3A5F',
  accentColor: '#1F3A5F',
  email: null,
  phone: null,
  web: null,
  address: null,
  timeZone: 'UTC',
  languages: ['en'],
  platform: true,
};

const HEX = /^#[0-9a-fA-F]{6}$/;

/** An address that is a real mailbox (Softera's notice gives none: its definition holds a placeholder). */
const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i;

interface DefinitionView {
  brand?: string;
  branding?: { primaryColor?: string; accentColor?: string; displayName?: string };
  contact?: { email?: string; phone?: string; web?: string };
  legalAddress?: { street?: string; postalCode?: string; city?: string; careOf?: string };
  jurisdiction?: { languages?: string[]; timeZone?: string };
}

export function addressLine(a: { street?: string; postalCode?: string; city?: string; careOf?: string } | undefined): string | null {
  if (!a) return null;
  // a value the controller has still to supply ("[to be completed ...]") is left out
  const given = (v: string | undefined) => (v && !/^\[.*\]$/s.test(v.trim()) ? v : undefined);
  const parts = [given(a.careOf), given(a.street), [a.postalCode, given(a.city)].filter(Boolean).join(' ')].filter((p) => p && p.trim());
  return parts.length ? parts.join(', ') : null;
}

/** The layout's view of a tenant row (its definition without registers). */
export function brandingOf(tenant: TenantEntity): MailBranding {
  const def = tenant.definition as DefinitionView;
  const b = def.branding ?? {};
  return {
    slug: tenant.slug,
    name: b.displayName ?? def.brand ?? tenant.legalName,
    legalName: tenant.legalName,
    primaryColor: b.primaryColor && HEX.test(b.primaryColor) ? b.primaryColor : '#1F3A5F',
    accentColor: b.accentColor && HEX.test(b.accentColor) ? b.accentColor : '#1F3A5F',
    email: def.contact?.email && EMAIL.test(def.contact.email) ? def.contact.email : null,
    phone: def.contact?.phone ?? null,
    web: def.contact?.web ?? null,
    address: addressLine(def.legalAddress),
    timeZone: def.jurisdiction?.timeZone ?? tenant.timeZone,
    languages: def.jurisdiction?.languages ?? ['en'],
  };
}
