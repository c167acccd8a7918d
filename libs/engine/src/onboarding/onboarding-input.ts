import { readableBackground, HEX_COLOUR } from '../branding/contrast';
import { authorityChoices, needsAuthorityChoice } from '../catalog/countries/catalogue';
import { GroupCompany } from '../schema/controller';
import { Address, Country, isCountry } from '../schema/jurisdiction';
import { LANGS, Lang } from '../schema/text';

/**
 * What a platform admin states when creating a controller (issue 17 §1), from
 * the dashboard's form, `POST /api/v1/platform/tenants` or `regula tenants
 * create`. Everything else of the definition is derived from the country
 * catalogue or defaulted (`draftController`).
 */
export interface OnboardingInput {
  slug: string;
  legalName: string;
  brand?: string;
  registryCode: string;
  vatNumber?: string;
  legalAddress: Address;
  officeAddress?: Address;
  contact: { email: string; phone?: string; web?: string };
  /** 'none': the admin stated that the controller has no DPO. */
  dpo: { name?: string; email: string; phone?: string } | 'none';
  groupCompanies: { name: string; relation: GroupCompany['relation']; country: Country; registryCode?: string }[];
  country: Country;
  /** Where competence is regional (DE, ES): the region code or the national authority's abbreviation. */
  authority?: string;
  /** The languages its pages speak, the first its default: those Regula has catalogues and templates for. */
  languages: Lang[];
  branding: { primaryColor: string; accentColor: string };
  /** The e-mail address of its first compliance admin (invited with the controller). */
  firstAdminEmail: string;
}

/** The controller facts a compliance admin edits later: the input without the slug and the first admin. */
export type ControllerFactsInput = Omit<OnboardingInput, 'slug' | 'firstAdminEmail'>;

/** As the `tenants.slug` check: words of lower-case letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^(?=.{2,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,29}$/;
const WEB = /^https:\/\/[^\s<>"]+$/;
const VAT = /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/;
const RELATIONS: readonly GroupCompany['relation'][] = ['parent', 'subsidiary', 'sister', 'joint-controller'];
const MAX_GROUP_COMPANIES = 20;

/** What is wrong with one field, for a page to say in its own language ("contact.email", 'email'). */
export interface InputProblem {
  field: string;
  code: 'required' | 'too-long' | 'text' | 'slug' | 'email' | 'phone' | 'web' | 'vat' | 'colour' | 'contrast' | 'country' | 'choice' | 'languages' | 'list' | 'object';
  params?: Record<string, string | number>;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads fields, collecting one message per bad field ("contact.email: ..."). */
class Reader {
  readonly errors: string[] = [];
  readonly problems: InputProblem[] = [];

  text(obj: Raw, key: string, path: string, opts: { required?: boolean; max?: number; pattern?: RegExp; hint?: string; code?: InputProblem['code'] } = {}): string | undefined {
    const v = obj[key];
    const s = typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : undefined;
    if (s === undefined) return this.fail(path, 'must be text', 'text');
    if (!s) return opts.required ? this.fail(path, 'is required', 'required') : undefined;
    const max = opts.max ?? 200;
    if (s.length > max) return this.fail(path, `at most ${max} characters`, 'too-long', { max });
    if (opts.pattern && !opts.pattern.test(s)) return this.fail(path, opts.hint ?? 'is not valid', opts.code ?? 'text');
    return s;
  }

  fail(path: string, message: string, code: InputProblem['code'], params?: InputProblem['params']): undefined {
    this.errors.push(`${path}: ${message}`);
    this.problems.push({ field: path, code, ...(params ? { params } : {}) });
    return undefined;
  }
}

function address(r: Reader, raw: unknown, path: string, country: Country | undefined): Address | undefined {
  if (!isObject(raw)) return r.fail(path, 'must be an address (street, city, postal code, country)', 'object');
  const street = r.text(raw, 'street', `${path}.street`, { required: true });
  const city = r.text(raw, 'city', `${path}.city`, { required: true, max: 100 });
  const postalCode = r.text(raw, 'postalCode', `${path}.postalCode`, { max: 20 });
  const c = raw.country === undefined || raw.country === '' ? country : raw.country;
  if (!isCountry(c)) return r.fail(`${path}.country`, 'must be an EU/EEA country code (ISO 3166-1 alpha-2)', 'country');
  if (!street || !city) return undefined;
  return { street, city, ...(postalCode ? { postalCode } : {}), country: c };
}

function isBlankAddress(raw: unknown): boolean {
  return raw === undefined || raw === null || (isObject(raw) && ['street', 'city', 'postalCode'].every((k) => !raw[k] || (typeof raw[k] === 'string' && !(raw[k] as string).trim())));
}

function colour(r: Reader, raw: Raw, key: string): string | undefined {
  const c = r.text(raw, key, `branding.${key}`, { required: true, pattern: HEX_COLOUR, hint: 'must be a colour #RRGGBB', code: 'colour' });
  if (c && !readableBackground(c)) return r.fail(`branding.${key}`, `${c} leaves text on it below 4.5:1 contrast (WCAG AA): choose a darker or lighter colour`, 'contrast', { colour: c });
  return c?.toUpperCase();
}

/** The facts a compliance admin may edit (and a platform admin states on creation). */
function facts(r: Reader, raw: Raw): ControllerFactsInput | undefined {
  const country = isCountry(raw.country) ? raw.country : r.fail('country', 'must be an EU/EEA country code (ISO 3166-1 alpha-2)', 'country');
  let authority: string | undefined;
  if (country && needsAuthorityChoice(country)) {
    authority = r.text(raw, 'authority', 'authority', { required: true, max: 20 });
    if (authority && !authorityChoices(country).includes(authority)) authority = r.fail('authority', `choose one of ${authorityChoices(country).join(', ')}`, 'choice');
  }
  const legalName = r.text(raw, 'legalName', 'legalName', { required: true });
  const brand = r.text(raw, 'brand', 'brand', { max: 100 });
  const registryCode = r.text(raw, 'registryCode', 'registryCode', { required: true, max: 50 });
  const vatNumber = r.text(raw, 'vatNumber', 'vatNumber', { max: 20, pattern: VAT, hint: 'must be a VAT number with its country prefix (FI12345678)', code: 'vat' });
  const legalAddress = address(r, raw.legalAddress, 'legalAddress', country);
  const officeAddress = isBlankAddress(raw.officeAddress) ? undefined : address(r, raw.officeAddress, 'officeAddress', country);
  const c = isObject(raw.contact) ? raw.contact : (r.fail('contact', 'must give at least an e-mail address', 'object'), {});
  const contact = {
    email: r.text(c, 'email', 'contact.email', { required: true, max: 254, pattern: EMAIL, hint: 'must be an e-mail address', code: 'email' }),
    phone: r.text(c, 'phone', 'contact.phone', { max: 30, pattern: PHONE, hint: 'must be a phone number (+358 9 123 4567)', code: 'phone' }),
    web: r.text(c, 'web', 'contact.web', { max: 200, pattern: WEB, hint: 'must be an https:// address', code: 'web' }),
  };
  let dpo: ControllerFactsInput['dpo'] | undefined;
  if (raw.dpo === 'none') dpo = 'none';
  else if (isObject(raw.dpo)) {
    const name = r.text(raw.dpo, 'name', 'dpo.name', { max: 100 });
    const email = r.text(raw.dpo, 'email', 'dpo.email', { required: true, max: 254, pattern: EMAIL, hint: 'must be an e-mail address', code: 'email' });
    const phone = r.text(raw.dpo, 'phone', 'dpo.phone', { max: 30, pattern: PHONE, hint: 'must be a phone number', code: 'phone' });
    if (email) dpo = { ...(name ? { name } : {}), email, ...(phone ? { phone } : {}) };
  } else r.fail('dpo', "must be 'none' or the DPO's name, e-mail and phone", 'object');
  const groupCompanies: ControllerFactsInput['groupCompanies'] = [];
  const rawGroup = raw.groupCompanies ?? [];
  if (!Array.isArray(rawGroup) || rawGroup.length > MAX_GROUP_COMPANIES) r.fail('groupCompanies', `must be a list of at most ${MAX_GROUP_COMPANIES} companies`, 'list', { max: MAX_GROUP_COMPANIES });
  else
    rawGroup.forEach((g, i) => {
      const path = `groupCompanies[${i}]`;
      if (!isObject(g)) return r.fail(path, 'must be a company (name, relation, country)', 'object');
      const name = r.text(g, 'name', `${path}.name`, { required: true });
      const relation = RELATIONS.includes(g.relation as GroupCompany['relation']) ? (g.relation as GroupCompany['relation']) : r.fail(`${path}.relation`, `must be one of ${RELATIONS.join(', ')}`, 'choice');
      const gc = isCountry(g.country) ? g.country : r.fail(`${path}.country`, 'must be an EU/EEA country code', 'country');
      const code = r.text(g, 'registryCode', `${path}.registryCode`, { max: 50 });
      if (name && relation && gc) groupCompanies.push({ name, relation, country: gc, ...(code ? { registryCode: code } : {}) });
      return undefined;
    });
  const langs = Array.isArray(raw.languages) ? raw.languages : typeof raw.languages === 'string' ? [raw.languages] : [];
  const languages = [...new Set(langs)].filter((l): l is Lang => (LANGS as readonly unknown[]).includes(l));
  if (!languages.length || languages.length !== langs.length) r.fail('languages', `must be one or more of ${LANGS.join(', ')}, each once`, 'languages');
  const b = isObject(raw.branding) ? raw.branding : (r.fail('branding', 'must give the primary and accent colours', 'object'), {});
  const primaryColor = colour(r, b, 'primaryColor');
  const accentColor = colour(r, b, 'accentColor');

  if (r.errors.length || !country || !legalName || !registryCode || !legalAddress || !contact.email || !dpo || !primaryColor || !accentColor) return undefined;
  return {
    legalName, ...(brand ? { brand } : {}), registryCode, ...(vatNumber ? { vatNumber } : {}), legalAddress, ...(officeAddress ? { officeAddress } : {}),
    contact: { email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}), ...(contact.web ? { web: contact.web } : {}) },
    dpo, groupCompanies, country, ...(authority ? { authority } : {}), languages, branding: { primaryColor, accentColor },
  };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[]; problems: InputProblem[] };

/** The input checked field by field: every problem named by its field ("contact.email: must be an e-mail address"). */
export function checkOnboardingInput(raw: unknown): Checked<OnboardingInput> {
  const r = new Reader();
  if (!isObject(raw)) return { ok: false, errors: ['body: must be an object'], problems: [{ field: 'body', code: 'object' }] };
  const slug = r.text(raw, 'slug', 'slug', { required: true, max: 63, pattern: SLUG_PATTERN, hint: '2 to 63 lower-case letters and digits, words joined by single hyphens', code: 'slug' });
  const firstAdminEmail = r.text(raw, 'firstAdminEmail', 'firstAdminEmail', { required: true, max: 254, pattern: EMAIL, hint: 'must be an e-mail address', code: 'email' });
  const f = facts(r, raw);
  if (r.errors.length || !f || !slug || !firstAdminEmail) return { ok: false, errors: r.errors, problems: r.problems };
  return { ok: true, value: { slug, ...f, firstAdminEmail: firstAdminEmail.toLowerCase() } };
}

/** The editable facts checked the same way. */
export function checkControllerFacts(raw: unknown): Checked<ControllerFactsInput> {
  const r = new Reader();
  if (!isObject(raw)) return { ok: false, errors: ['body: must be an object'], problems: [{ field: 'body', code: 'object' }] };
  const f = facts(r, raw);
  return f && !r.errors.length ? { ok: true, value: f } : { ok: false, errors: r.errors, problems: r.problems };
}
