import type { InputProblem, Lang } from '@regula/engine';
import { findingPlace, findingWords } from '@regula/engine';
import { DomainError } from '@regula/platform';
import { messageOf, statusOf } from '../../common/http-error';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** The form's label of each field the onboarding checks (its path's last part, or the whole path). */
const LABELS: Record<string, string> = {
  slug: 'onboard.slug',
  firstAdminEmail: 'onboard.firstAdminEmail',
  legalName: 'controller.f.legalName',
  brand: 'controller.f.brand',
  registryCode: 'controller.f.registryCode',
  vatNumber: 'controller.f.vatNumber',
  country: 'controller.f.country',
  authority: 'controller.f.authority',
  languages: 'controller.f.languages',
  legalAddress: 'controller.f.legalAddress',
  officeAddress: 'controller.f.officeAddress',
  street: 'controller.f.street',
  city: 'controller.f.city',
  postalCode: 'controller.f.postalCode',
  contact: 'controller.f.contact',
  'contact.email': 'controller.f.email',
  'contact.phone': 'controller.f.phone',
  'contact.web': 'controller.f.web',
  dpo: 'controller.f.dpo',
  'dpo.name': 'controller.f.dpoName',
  'dpo.email': 'controller.f.dpoEmail',
  'dpo.phone': 'controller.f.dpoPhone',
  groupCompanies: 'controller.f.groupCompanies',
  name: 'controller.f.groupName',
  relation: 'controller.f.groupRelation',
  branding: 'controller.f.colours',
  'branding.primaryColor': 'controller.f.primaryColor',
  'branding.accentColor': 'controller.f.accentColor',
};

/** A field's path in the form's words: "Legal address: City", "Company 2: Relation". */
export function fieldWords(field: string, t: T): string {
  if (LABELS[field]) return t(LABELS[field]);
  const group = /^groupCompanies\[(\d+)\]\.?(\w*)$/.exec(field);
  if (group) {
    const row = t('controller.f.groupRow', { number: Number(group[1]) + 1 });
    const part = group[2] === 'country' ? 'controller.f.groupCountry' : group[2] === 'registryCode' ? 'controller.f.registryCode' : LABELS[group[2]];
    return part ? `${row}: ${t(part)}` : row;
  }
  const [head, tail] = field.split('.');
  return LABELS[head] && tail && LABELS[tail] ? `${t(LABELS[head])}: ${t(LABELS[tail])}` : t('onboard.assumedOther');
}

/** A linter finding on the controller's facts in words of `lang`: where (by the path's words) and what is wrong. */
function findingLine(f: { code: string; path: string }, lang: Lang): string {
  let place = '';
  try {
    place = findingPlace({}, f.path, lang);
  } catch {
    place = '';
  }
  return findingWords(f.code, place, lang);
}

/**
 * Why a facts form was refused, in the page's language: each field's problem
 * (the `problems` the onboarding's check attaches), a taken short name, or facts
 * the linter refuses (each finding in words: where and what is wrong, as the
 * register pages show them).
 */
export function refusalWords(e: unknown, t: T, lang: Lang, slug?: string): string[] {
  const problems = e instanceof DomainError ? (e.extra.problems as InputProblem[] | undefined) : undefined;
  if (problems?.length) return problems.map((p) => `${fieldWords(p.field, t)}: ${t(`controller.problem.${p.code}`, p.params ?? {})}`);
  const findings = e instanceof DomainError ? (e.extra.findings as { code: string; path: string }[] | undefined) : undefined;
  if (findings?.length) return [t('controller.problem.rules'), ...findings.map((f) => findingLine(f, lang))];
  if (statusOf(e) === 409) return [t('controller.problem.slugTaken', { slug: slug ?? '' })];
  return [t('controller.problem.rules'), ...messageOf(e).split('; ')];
}
