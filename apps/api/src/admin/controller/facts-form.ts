import { COUNTRIES, ControllerFactsInput, LANGS, Lang, authorityChoices, authoritiesOf, needsAuthorityChoice } from '@regula/engine';
import { countryName, languageName } from '../../web/format';

type Form = Record<string, unknown>;
type T = (key: string, vars?: Record<string, unknown>) => string;

const RELATIONS = ['parent', 'subsidiary', 'sister', 'joint-controller'] as const;
/** Rows of group companies the form offers (the REST API takes up to 20). */
export const GROUP_ROWS = 3;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Form => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Form) : {});
const blank = (row: Form): boolean => Object.values(row).every((v) => !str(v).trim() || ['parent', 'subsidiary', 'sister', 'joint-controller'].includes(str(v)));

/**
 * The facts form's fields (plain HTML, nested names `legalAddress[street]`
 * parsed by the body parser) as the body the onboarding service checks: the
 * default language first, "no DPO" as 'none', empty group rows left out.
 */
export function inputOfForm(body: Form): Record<string, unknown> {
  const langs = (Array.isArray(body.languages) ? body.languages : body.languages === undefined ? [] : [body.languages]).map(str);
  const first = str(body.defaultLanguage);
  const languages = langs.includes(first) ? [first, ...langs.filter((l) => l !== first)] : langs;
  const groups = (Array.isArray(body.groupCompanies) ? body.groupCompanies : Object.values(obj(body.groupCompanies))).map(obj).filter((g) => !blank({ name: g.name, registryCode: g.registryCode }));
  const dpo = obj(body.dpo);
  return {
    ...(body.slug !== undefined ? { slug: body.slug } : {}),
    ...(body.firstAdminEmail !== undefined ? { firstAdminEmail: body.firstAdminEmail } : {}),
    legalName: body.legalName,
    brand: body.brand,
    registryCode: body.registryCode,
    vatNumber: body.vatNumber,
    legalAddress: obj(body.legalAddress),
    officeAddress: obj(body.officeAddress),
    contact: obj(body.contact),
    dpo: body.dpoNone ? 'none' : dpo,
    groupCompanies: groups,
    country: body.country,
    authority: body.authority || undefined,
    languages,
    branding: obj(body.branding),
  };
}

/** What the form shows: the values typed (after an error) or stored (the facts of a controller). */
export interface FormValues {
  slug?: string;
  firstAdminEmail?: string;
  legalName: string;
  brand: string;
  registryCode: string;
  vatNumber: string;
  legalAddress: { street: string; city: string; postalCode: string };
  officeAddress: { street: string; city: string; postalCode: string };
  contact: { email: string; phone: string; web: string };
  dpoNone: boolean;
  dpo: { name: string; email: string; phone: string };
  groupCompanies: { name: string; relation: string; country: string; registryCode: string }[];
  country: string;
  authority: string;
  languages: string[];
  defaultLanguage: string;
  branding: { primaryColor: string; accentColor: string };
}

const address = (a: unknown) => ({ street: str(obj(a).street), city: str(obj(a).city), postalCode: str(obj(a).postalCode) });

/** The form's values from a raw body (as `inputOfForm` reads it) or from stored facts. */
export function formValuesOf(input: Record<string, unknown> | ControllerFactsInput): FormValues {
  const raw = input as Record<string, unknown>;
  const langs = Array.isArray(raw.languages) ? raw.languages.map(str) : [];
  const groups = Array.isArray(raw.groupCompanies) ? raw.groupCompanies.map(obj) : [];
  const rows = [...groups, ...Array.from({ length: Math.max(0, GROUP_ROWS - groups.length) }, () => ({}))].map((g: Form) => ({
    name: str(g.name), relation: str(g.relation) || 'parent', country: str(g.country), registryCode: str(g.registryCode),
  }));
  const contact = obj(raw.contact);
  const dpo = obj(raw.dpo);
  return {
    ...(raw.slug !== undefined ? { slug: str(raw.slug) } : {}),
    ...(raw.firstAdminEmail !== undefined ? { firstAdminEmail: str(raw.firstAdminEmail) } : {}),
    legalName: str(raw.legalName), brand: str(raw.brand), registryCode: str(raw.registryCode), vatNumber: str(raw.vatNumber),
    legalAddress: address(raw.legalAddress), officeAddress: address(raw.officeAddress),
    contact: { email: str(contact.email), phone: str(contact.phone), web: str(contact.web) },
    dpoNone: raw.dpo === 'none',
    dpo: { name: str(dpo.name), email: str(dpo.email), phone: str(dpo.phone) },
    groupCompanies: rows,
    country: str(raw.country), authority: str(raw.authority),
    languages: langs, defaultLanguage: langs[0] ?? '',
    branding: { primaryColor: str(obj(raw.branding).primaryColor), accentColor: str(obj(raw.branding).accentColor) },
  };
}

/** An empty creation form: nothing chosen for the admin (a default would be a fact nobody stated). */
export function emptyForm(): FormValues {
  return { ...formValuesOf({}), slug: '', firstAdminEmail: '' };
}

/** The choices of the form's selects and checkboxes in the page's language, the values' choices marked. */
export function formChoices(lang: Lang, t: T, v: FormValues) {
  const countries = [...COUNTRIES].map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  return {
    countries: countries.map((c) => ({ ...c, selected: c.code === v.country })),
    groupRows: v.groupCompanies.map((g, i) => ({
      ...g, index: i, number: i + 1,
      relations: RELATIONS.map((r) => ({ value: r, label: t(`controller.relation.${r}`), selected: r === g.relation })),
      countries: countries.map((c) => ({ ...c, selected: c.code === g.country })),
    })),
    // Where competence is regional, the country's authorities to choose from (the form works without script: every such country's list, grouped).
    authorityGroups: COUNTRIES.filter(needsAuthorityChoice).map((country) => ({
      label: countryName(country, lang),
      options: authorityChoices(country).map((code) => {
        const a = authoritiesOf(country).find((x) => (x.region?.code ?? x.abbreviation) === code);
        return { value: code, label: a ? `${a.region ? `${a.region.name}: ` : ''}${a.abbreviation}` : code, selected: code === v.authority };
      }),
    })),
    languages: LANGS.map((code) => ({ code, name: languageName(code), checked: v.languages.includes(code), isDefault: code === v.defaultLanguage })),
  };
}
