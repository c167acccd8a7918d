import { ControllerDefinition } from '../schema/controller';
import { Address, Authority } from '../schema/jurisdiction';
import { COUNTRY_NAMES } from '../catalog/countries/country-names';
import { Register, ListOrNone, Cookie } from '../schema/register';
import { Duration } from '../schema/retention';
import { FieldRefs, Lang, Text } from '../schema/text';

/**
 * The language-resolved facts a privacy notice is rendered from: one entry per
 * section, built from the controller's registers (aggregated across registers,
 * de-duplicated). Pure: no I/O.
 */

export const POLICY_SECTIONS = [
  'controller', 'dpo', 'data-and-subjects', 'purposes-and-bases', 'sources', 'recipients', 'transfers',
  'retention', 'rights', 'cookies', 'security', 'children', 'automated-decisions', 'changes',
] as const;
export type PolicySectionId = (typeof POLICY_SECTIONS)[number];

/** A text in the model's language; `fallback` when English stood in for a missing translation. */
export interface LText {
  text: string;
  fallback: boolean;
}

export interface SectionBase {
  id: PolicySectionId;
  /** Nothing to say: the notice would show a heading with no content. */
  empty: boolean;
  /** The registers state that there is nothing of this kind ('none'): rendered as a statement, not empty. */
  none: boolean;
  /** Some text of this section is missing in the model's language (English stood in). */
  usesFallback: boolean;
}

export interface AuthorityModel {
  name: string;
  nameEn: string;
  abbreviation: string;
  address: string;
  /** Absent where the catalogue does not know it. */
  phone?: string;
  email?: string;
  web: string;
}

export interface ControllerSection extends SectionBase {
  legalName: string;
  brand?: string;
  registryCode: string;
  registryName?: LText;
  vatNumber?: string;
  /** Omitted while the address is unknown (`fieldRefs.legalAddress`) or a placeholder (empty, "[…]"): never shown as an address. */
  legalAddress?: string;
  officeAddress?: string;
  /** Omitted while the e-mail is unknown (`contact.fieldRefs.email`) or not an e-mail address. */
  email?: string;
  phone?: string;
  web?: string;
  instructions?: LText;
  service: LText;
  nationalAct: LText;
}
export interface DpoSection extends SectionBase {
  name?: string;
  title?: LText;
  email?: string;
  phone?: string;
}
export interface DataAndSubjectsSection extends SectionBase {
  subjects: { name: LText; description?: LText }[];
  categories: { name: LText; fields: LText; required: boolean; special: boolean }[];
}
export interface BasisModel {
  article: string;
  description: LText;
  legitimateInterest?: LText;
  law?: LText;
}
export interface PurposesSection extends SectionBase {
  purposes: { name: LText; description: LText; bases: BasisModel[]; directMarketing: boolean }[];
}
export interface SourcesSection extends SectionBase {
  sources: { kind: string; description: LText }[];
}
export interface RecipientsSection extends SectionBase {
  recipients: { kind: string; name: LText; description?: LText; country?: string }[];
}
export interface TransfersSection extends SectionBase {
  transfers: { destination: LText; safeguard: string | null; safeguardDetail: LText; recipients: LText[] }[];
}
export interface RetentionSection extends SectionBase {
  rules: { description: LText; action: string }[];
}
export interface RightsSection extends SectionBase {
  rights: { right: string; description: LText; conditions?: LText }[];
  requestPage: string;
  channels: { kind: string; value: LText }[];
  identity: LText;
  responseMonths: number;
  extensionMonths: number;
  /** The promised limit for carrying out a consent withdrawal (in effect on receipt, GDPR Art. 7(3)). */
  consentWithdrawalWorkingDays: number;
  authority: AuthorityModel;
}
export interface CookiesSection extends SectionBase {
  cookies: { name: LText; provider: LText; firstParty: boolean; category: string; purpose: LText; expiry: string; storage: string; consent: boolean }[];
}
export interface SecuritySection extends SectionBase {
  measures: { type: string; control: string; description: LText }[];
  acknowledgeWithinHours?: number;
  reportChannel?: LText;
}
export interface ChildrenSection extends SectionBase {
  minimumAge: number;
  statement: LText;
}
export interface AutomatedDecisionsSection extends SectionBase {
  profiling: boolean;
  automatedDecisions: boolean;
  significantEffects: boolean;
  logic: LText[];
}
export interface ChangesSection extends SectionBase {
  channels: string[];
  archive: boolean;
  description: LText;
}

export interface PolicySections {
  controller: ControllerSection;
  dpo: DpoSection;
  'data-and-subjects': DataAndSubjectsSection;
  'purposes-and-bases': PurposesSection;
  sources: SourcesSection;
  recipients: RecipientsSection;
  transfers: TransfersSection;
  retention: RetentionSection;
  rights: RightsSection;
  cookies: CookiesSection;
  security: SecuritySection;
  children: ChildrenSection;
  'automated-decisions': AutomatedDecisionsSection;
  changes: ChangesSection;
}

export interface PolicyModel {
  slug: string;
  lang: Lang;
  title: string;
  displayName: string;
  sections: PolicySections;
  /** Shortcut for templates: `s.<section>` without dashes (`s.dataAndSubjects`). */
  s: Record<string, SectionBase>;
}

/** Resolves a text in `lang`, falling back to English (marked). */
export function resolveText(text: Text, lang: Lang): LText {
  const value = text[lang];
  if (typeof value === 'string' && value.trim() !== '') return { text: value, fallback: false };
  return { text: text.en, fallback: lang !== 'en' };
}

/** Unit words per language: [one, many] and, for Lithuanian, the genitive plural after 10-20 and tens. */
const UNITS: Record<Lang, Record<keyof Duration | 'session', [string, string, string?]>> = {
  en: { session: ['session', 'session'], years: ['year', 'years'], months: ['month', 'months'], days: ['day', 'days'], hours: ['hour', 'hours'], minutes: ['minute', 'minutes'] },
  et: { session: ['seanss', 'seanss'], years: ['aasta', 'aastat'], months: ['kuu', 'kuud'], days: ['päev', 'päeva'], hours: ['tund', 'tundi'], minutes: ['minut', 'minutit'] },
  lt: { session: ['sesija', 'sesija'], years: ['metai', 'metai', 'metų'], months: ['mėnuo', 'mėnesiai', 'mėnesių'], days: ['diena', 'dienos', 'dienų'], hours: ['valanda', 'valandos', 'valandų'], minutes: ['minutė', 'minutės', 'minučių'] },
  sv: { session: ['session', 'session'], years: ['år', 'år'], months: ['månad', 'månader'], days: ['dag', 'dagar'], hours: ['timme', 'timmar'], minutes: ['minut', 'minuter'] },
  lv: { session: ['sesija', 'sesija'], years: ['gads', 'gadi'], months: ['mēnesis', 'mēneši'], days: ['diena', 'dienas'], hours: ['stunda', 'stundas'], minutes: ['minūte', 'minūtes'] },
};

function unitWord(forms: [string, string, string?], n: number, lang: Lang): string {
  const [one, many, genitive] = forms;
  if (lang === 'lt' || lang === 'lv') {
    if (n % 10 === 1 && n % 100 !== 11) return one;
    if (lang === 'lt' && genitive && (n % 10 === 0 || (n % 100 >= 11 && n % 100 <= 19))) return genitive;
    return many;
  }
  return n === 1 ? one : many;
}

export function formatExpiry(expiry: 'session' | Duration, lang: Lang): string {
  const units = UNITS[lang];
  if (expiry === 'session') return units.session[0];
  const parts: string[] = [];
  for (const unit of ['years', 'months', 'days', 'hours', 'minutes'] as const) {
    const n = expiry[unit];
    if (n && n > 0) parts.push(`${n} ${unitWord(units[unit], n, lang)}`);
  }
  return parts.join(' ');
}

/**
 * A duration in words in `lang`, with the language's plural forms ("5 gadi",
 * "1 metai", "10 metų"); a zero duration (a grace period of none) is "0" of
 * days. Never the ISO 8601 code ("P5Y"): that is for machines.
 */
export function formatDuration(d: Duration, lang: Lang): string {
  return formatExpiry(d, lang) || `0 ${unitWord(UNITS[lang].days, 0, lang)}`;
}


/** One line: care-of, street, postal code and city, region, country name in `lang`. */
export function formatAddress(a: Address, lang: Lang = 'en'): string {
  return [a.careOf, a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, COUNTRY_NAMES[lang][a.country] ?? a.country].filter((p, i, all): p is string => !!p && p.trim() !== '' && all.indexOf(p) === i).join(', ');
}

/** A value the controller has still to supply: empty, or written in brackets. */
function isPlaceholder(value: string | undefined): boolean {
  return !value || value.trim() === '' || /^\[.*\]$/.test(value.trim());
}

/** True when the field's own refs mark it unknown (nobody stated it): its value is never published. */
function isUnknown(fieldRefs: FieldRefs | undefined, field: string): boolean {
  return (fieldRefs?.[field] ?? []).some((r) => r.provenance === 'unknown');
}

/**
 * A value the controller has still to supply ("[to be completed by the
 * controller]"), or none: never shown to a reader as a fact; an export for the
 * auditor says "not stated" instead.
 */
export function isPlaceholderText(value: string | undefined | null): boolean {
  return !value || isPlaceholder(value);
}

function authorityModel(a: Authority, lang: Lang): AuthorityModel {
  return { name: a.name, nameEn: a.nameEn, abbreviation: a.abbreviation, address: formatAddress(a.address, lang), phone: a.phone, email: a.email, web: a.web };
}

function listed<T>(registers: Register[], pick: (r: Register) => ListOrNone<T> | undefined): { items: T[]; none: boolean; declaredEmpty: boolean } {
  const items: T[] = [];
  let none = false;
  let declaredEmpty = false;
  for (const r of registers) {
    const v = pick(r);
    if (v === 'none') none = true;
    else if (Array.isArray(v)) {
      if (v.length === 0) declaredEmpty = true;
      items.push(...v);
    }
  }
  return { items, none, declaredEmpty };
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function anyFallback(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(anyFallback);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.text === 'string' && o.fallback === true) return true;
    return Object.values(o).some(anyFallback);
  }
  return false;
}

function section<T extends object>(id: PolicySectionId, empty: boolean, none: boolean, body: T): SectionBase & T {
  return { id, empty, none, usesFallback: anyFallback(body), ...body };
}

const TITLES: Record<Lang, string> = { en: 'Privacy Notice', et: 'Privaatsusteade', lt: 'Privatumo politika', sv: 'Integritetspolicy', lv: 'Privātuma politika' };

export function buildPolicyModel(def: ControllerDefinition, lang: Lang): PolicyModel {
  const t = (x: Text): LText => resolveText(x, lang);
  const opt = (x: Text | undefined): LText | undefined => (x ? t(x) : undefined);
  const regs = def.registers ?? [];
  const key = (x: LText): string => x.text.trim().toLowerCase();

  const controller = section('controller', false, false, {
    legalName: def.legalName,
    brand: def.brand,
    registryCode: def.registryCode,
    registryName: opt(def.registryName),
    vatNumber: def.vatNumber,
    legalAddress: isUnknown(def.fieldRefs, 'legalAddress') || isPlaceholder(def.legalAddress.street) ? undefined : formatAddress(def.legalAddress, lang),
    officeAddress: def.officeAddress ? formatAddress(def.officeAddress, lang) : undefined,
    email: !isUnknown(def.contact.fieldRefs, 'email') && /^[^\s@]+@[^\s@]+$/.test(def.contact.email) ? def.contact.email : undefined,
    phone: def.contact.phone,
    web: def.contact.web,
    instructions: opt(def.contact.instructions),
    service: t(def.service),
    nationalAct: t(def.jurisdiction.nationalAct.name),
  });

  const dpo =
    def.dpo === 'none'
      ? section('dpo', false, true, {})
      : section('dpo', !def.dpo.name && !def.dpo.email && !def.dpo.phone, false, { name: def.dpo.name, title: opt(def.dpo.title), email: def.dpo.email, phone: def.dpo.phone });

  const subjects = dedupe(regs.flatMap((r) => r.subjects ?? []).map((s) => ({ name: t(s.name), description: opt(s.description) })), (s) => key(s.name));
  const categories = dedupe(
    regs.flatMap((r) => r.dataCategories ?? []).map((c) => ({ name: t(c.name), fields: t(c.fields), required: c.required, special: c.special === true })),
    (c) => `${key(c.name)}|${key(c.fields)}`,
  );
  const dataAndSubjects = section('data-and-subjects', categories.length === 0 || subjects.length === 0, false, { subjects, categories });

  const purposeMap = new Map<string, PurposesSection['purposes'][number]>();
  for (const p of regs.flatMap((r) => r.purposes ?? [])) {
    const name = t(p.name);
    const bases: BasisModel[] = p.legalBases.map((b) => ({
      article: b.article,
      description: t(b.description),
      legitimateInterest: opt(b.legitimateInterest),
      law: b.legalObligation ? t(b.legalObligation.law) : undefined,
    }));
    const existing = purposeMap.get(key(name));
    if (existing) existing.bases = dedupe([...existing.bases, ...bases], (b) => `${b.article}|${key(b.description)}`);
    else purposeMap.set(key(name), { name, description: t(p.description), bases: dedupe(bases, (b) => `${b.article}|${key(b.description)}`), directMarketing: p.directMarketing === true });
  }
  const purposes = [...purposeMap.values()];
  const purposesAndBases = section('purposes-and-bases', purposes.length === 0, false, { purposes });

  const sourcesList = dedupe(regs.flatMap((r) => r.sources ?? []).map((s) => ({ kind: s.kind, description: t(s.description) })), (s) => key(s.description));
  const sources = section('sources', sourcesList.length === 0, false, { sources: sourcesList });

  const rec = listed(regs, (r) => r.recipients);
  const recipientsList = dedupe(rec.items.map((r) => ({ kind: r.kind, name: t(r.name), description: opt(r.description), country: r.country })), (r) => key(r.name));
  const recipientNames = new Map<string, LText>();
  for (const r of rec.items) recipientNames.set(r.id, t(r.name));
  const recipients = section('recipients', recipientsList.length === 0 && !rec.none, recipientsList.length === 0 && rec.none, { recipients: recipientsList });

  const tr = listed(regs, (r) => r.transfers);
  const transfersList = dedupe(
    tr.items.map((x) => ({
      destination: t(x.destination),
      safeguard: x.safeguard,
      safeguardDetail: t(x.safeguardDetail),
      recipients: dedupe(x.recipients.map((id) => recipientNames.get(id)).filter((n): n is LText => !!n), key),
    })),
    (x) => `${key(x.destination)}|${x.safeguard}|${key(x.safeguardDetail)}`,
  );
  const transfers = section('transfers', transfersList.length === 0 && !tr.none, transfersList.length === 0 && tr.none, { transfers: transfersList });

  const rules = dedupe(regs.flatMap((r) => r.retention ?? []).map((r) => ({ description: t(r.description), action: r.action })), (r) => key(r.description));
  const retention = section('retention', rules.length === 0, false, { rules });

  const rightsList = (def.rights ?? []).map((r) => ({ right: r.right, description: t(r.description), conditions: opt(r.conditions) }));
  const rights = section('rights', rightsList.length === 0, false, {
    rights: rightsList,
    requestPage: `/t/${def.slug}/`,
    channels: def.requests.channels.map((c) => ({ kind: c.kind, value: t(c.value) })),
    identity: t(def.requests.identity.description),
    responseMonths: def.requests.responseMonths,
    extensionMonths: def.requests.extensionMonths,
    consentWithdrawalWorkingDays: def.requests.consentWithdrawalWorkingDays,
    authority: authorityModel(def.jurisdiction.authority, lang),
  });

  const ck = listed<Cookie>(regs, (r) => r.cookies);
  const cookiesList = dedupe(
    ck.items.map((c) => ({
      name: c.label ? t(c.label) : { text: c.name, fallback: false },
      provider: c.providerLabel ? t(c.providerLabel) : { text: c.provider, fallback: false },
      firstParty: c.firstParty,
      category: c.category,
      purpose: t(c.purpose),
      expiry: formatExpiry(c.expiry, lang),
      storage: c.storage ?? 'cookie',
      consent: c.basis === 'consent',
    })),
    (c) => `${c.name.text}|${c.provider.text}`,
  );
  // No register mentions cookies at all: the notice states that none are used.
  const cookiesNone = cookiesList.length === 0 && (ck.none || !ck.declaredEmpty);
  const cookies = section('cookies', cookiesList.length === 0 && !cookiesNone, cookiesNone, { cookies: cookiesList });

  const measures = dedupe(regs.flatMap((r) => r.security ?? []).map((m) => ({ type: m.type, control: m.control, description: t(m.description) })), (m) => key(m.description));
  const security = section('security', measures.length === 0, false, {
    measures,
    acknowledgeWithinHours: def.securityReports?.acknowledgeWithinHours,
    reportChannel: opt(def.securityReports?.channel),
  });

  const children = section('children', !def.children?.statement?.en, false, { minimumAge: def.children.minimumAge, statement: t(def.children.statement) });

  const ad = regs.map((r) => r.automatedDecisions).filter(Boolean);
  const profiling = ad.some((a) => a.profiling);
  const automated = ad.some((a) => a.automatedDecisions);
  const automatedDecisions = section('automated-decisions', false, !profiling && !automated, {
    profiling,
    automatedDecisions: automated,
    significantEffects: ad.some((a) => a.significantEffects),
    logic: dedupe(ad.filter((a) => a.logic).map((a) => t(a.logic as Text)), key),
  });

  const changes = section('changes', !def.policyChanges?.description?.en, false, {
    channels: def.policyChanges.channels,
    archive: def.policyChanges.archive,
    description: t(def.policyChanges.description),
  });

  const sections: PolicySections = {
    controller, dpo, 'data-and-subjects': dataAndSubjects, 'purposes-and-bases': purposesAndBases, sources, recipients,
    transfers, retention, rights, cookies, security, children, 'automated-decisions': automatedDecisions, changes,
  };
  const s: Record<string, SectionBase> = {};
  for (const [id, v] of Object.entries(sections)) s[id.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = v;
  return { slug: def.slug, lang, title: TITLES[lang], displayName: def.branding?.displayName ?? def.brand ?? def.legalName, sections, s };
}
