import { Country } from '../../schema/jurisdiction';
import { Register } from '../../schema/register';
import { RetentionRule } from '../../schema/retention';
import { Ref, Text } from '../../schema/text';
import { NATIONAL_RULES, isCheckedCountry } from '../national-rules';
import { SHARED_WORDS as S } from './template-words';
import { REGISTER_TEMPLATE_KEYS, RegisterTemplateKey, TEMPLATE_SPECS, TemplateSpec, templateBasis } from './templates';
import { placeholderRef, templateRef, w5 } from './template-ref';

/** A template as the create form offers it: its key, name and what it covers. */
export interface RegisterTemplate {
  key: RegisterTemplateKey;
  name: Text;
  description: Text;
}

export const REGISTER_TEMPLATES: readonly RegisterTemplate[] = REGISTER_TEMPLATE_KEYS.map((key) => ({ key, name: TEMPLATE_SPECS[key].name, description: TEMPLATE_SPECS[key].description }));

export function isRegisterTemplateKey(key: unknown): key is RegisterTemplateKey {
  return typeof key === 'string' && (REGISTER_TEMPLATE_KEYS as readonly string[]).includes(key);
}

/**
 * The accounting retention: for a country whose national rules were checked, its
 * accounting act's period and anchor (`NATIONAL_RULES`), else ten years from the end
 * of the financial year; assumed either way, saying which act to check.
 */
function accountingRule(spec: TemplateSpec, country: Country, categories: string[]): RetentionRule {
  const national = isCheckedCountry(country) ? NATIONAL_RULES[country].accounting : undefined;
  const at = national?.ref[0];
  const ref: Ref = national && at
    ? templateRef(at.at ?? 'retention period', `${country}'s accounting act as Regula's national rules state it${at.note ? ` (${at.note})` : ''}: check it still applies to these records`, at.source)
    : templateRef('Art. 5(1)(e), 6(1)(c)', `not checked for ${country}: the retention of accounting records is set by ${country}'s accounting act; check its period and where it runs from`);
  return {
    id: 'accounting', kind: 'period', categories, description: spec.retention.description, action: 'erase',
    anchor: national?.anchor ?? 'financial-year-end', period: national ? { ...national.period } : { years: 10 }, ref: [ref],
  };
}

function retentionRule(key: RegisterTemplateKey, spec: TemplateSpec, country: Country, categories: string[]): RetentionRule {
  if (key === 'accounting') return accountingRule(spec, country, categories);
  const r = spec.retention;
  const ref = [templateRef('Art. 5(1)(e)', r.check)];
  if ('anchor' in r) return { id: 'retention', kind: 'period', categories, description: r.description, action: 'erase', anchor: r.anchor, period: { ...r.period }, ref };
  return {
    id: 'retention', kind: 'conditions', categories, description: r.description, action: 'erase',
    conditions: [{ id: 'condition', label: r.condition, endsAt: r.endsAt, ref }], then: { ...r.then }, ref,
  };
}

/**
 * A register for the processing activity `key`, with id `id`, for a controller
 * established in `country`: every value the template fills in carries an
 * `assumed` ref (the law it rests on, what to check) and is listed on the facts
 * page until a person confirms it. Lists the template leaves empty say 'none',
 * assumed. Pure.
 */
export function registerFromTemplate(key: RegisterTemplateKey, id: string, country: Country): Register {
  const spec = TEMPLATE_SPECS[key];
  const a = (at: string, check: string) => [templateRef(at, check)];
  const categories = spec.categories.map((c) => c.id);
  const recipients = spec.recipients?.map((r) => ({
    id: r.id, kind: r.kind, name: r.name, description: r.description,
    ...(r.kind === 'processor' ? { dpa: r.dpa ?? false, country: 'EEA' as const } : {}),
    ref: a(r.kind === 'processor' ? 'Art. 28(3), 30(1)(d)' : 'Art. 30(1)(d)', r.kind === 'processor' ? 'name the processor and confirm a data processing agreement is signed' : 'confirm who receives the data'),
  }));
  return {
    id,
    name: spec.name,
    businessFunction: spec.businessFunction,
    description: spec.description,
    purposes: [{
      id: 'purpose', name: spec.purpose.name, description: spec.purpose.description,
      legalBases: spec.bases.map((b) => templateBasis(b, 'confirm the basis fits how you process the data')),
      categories, ...(spec.purpose.directMarketing ? { directMarketing: true } : {}),
      ref: a('Art. 30(1)(b)', 'confirm the purpose'),
    }],
    subjects: [{ id: 'subjects', kind: spec.subject.kind, name: spec.subject.name, ref: a('Art. 30(1)(c)', 'confirm who the data is about') }],
    dataCategories: spec.categories.map((c) => ({
      id: c.id, name: c.name, fields: c.fields, required: c.required, providedBySubject: spec.source.kind === 'data-subject', sources: ['source'],
      ref: a('Art. 30(1)(c)', 'confirm the data you collect'),
    })),
    sources: [{ id: 'source', kind: spec.source.kind, description: spec.source.description, ref: a('Art. 14(2)(f)', 'confirm where the data comes from') }],
    recipients: recipients ?? 'none',
    transfers: 'none',
    retention: [retentionRule(key, spec, country, categories)],
    security: [
      { id: 'access-control', type: 'organisational', control: 'access-control', description: S.accessControl, ref: a('Art. 32(1)', 'confirm the measure is in place') },
      { id: 'backups', type: 'technical', control: 'backups', description: S.backups, ref: a('Art. 32(1)(c)', 'confirm the measure is in place') },
    ],
    automatedDecisions: { profiling: false, automatedDecisions: false, significantEffects: false, ref: a('Art. 22', 'confirm no decision is made by automated means alone') },
    ...(spec.cookies ? { cookies: spec.cookies.map((c) => ({ ...c, ref: a('Directive 2002/58/EC Art. 5(3)', 'list the cookies your site really sets') })) } : {}),
    location: S.location,
    dpia: spec.dpia
      ? { ...spec.dpia, ref: a('Art. 35', 'check the supervisory authority\'s list of processing that needs a DPIA') }
      : { required: false, status: 'not-required', reason: S.dpiaNotRequired, ref: a('Art. 35', 'check the supervisory authority\'s list of processing that needs a DPIA') },
    systems: [],
    ref: a('Art. 30(1)', `created from the template "${key}"`),
    fieldRefs: {
      transfers: a('Art. 30(1)(e), 44', 'confirm that no data leaves the EEA'),
      ...(recipients ? {} : { recipients: a('Art. 30(1)(d)', 'confirm nobody outside the controller receives the data') }),
    },
  };
}

/** "To be filled in" in the five page languages: the text of a placeholder. */
const TO_FILL = w5('To be filled in', 'Täitmata', 'Neužpildyta', 'Ej ifyllt', 'Jāaizpilda');

/**
 * A register created from nothing: the name given, and one placeholder per list
 * the schema needs non-empty (purposes, subjects, categories, sources, retention,
 * security), each marked `unknown` (nobody stated it: never published; the linter's
 * `art13-unknown` refuses publishing until it is filled in). Recipients and
 * transfers 'none', unknown too. Pure.
 */
export function blankRegister(id: string, name: Text): Register {
  const u = (at: string) => [placeholderRef(at)];
  return {
    id, name, businessFunction: TO_FILL, description: TO_FILL,
    purposes: [{ id: 'purpose', name: TO_FILL, description: TO_FILL, legalBases: [{ article: '6(1)(b)', description: TO_FILL, ref: u('Art. 6(1)') }], categories: ['data'], ref: u('Art. 30(1)(b)') }],
    subjects: [{ id: 'subjects', kind: 'other', name: TO_FILL, ref: u('Art. 30(1)(c)') }],
    dataCategories: [{ id: 'data', name: TO_FILL, fields: TO_FILL, required: false, providedBySubject: true, sources: ['source'], ref: u('Art. 30(1)(c)') }],
    sources: [{ id: 'source', kind: 'data-subject', description: TO_FILL, ref: u('Art. 14(2)(f)') }],
    recipients: 'none',
    transfers: 'none',
    retention: [{ id: 'retention', kind: 'period', categories: ['data'], description: TO_FILL, action: 'erase', anchor: 'collected', period: { years: 1 }, ref: u('Art. 5(1)(e)') }],
    security: [{ id: 'access-control', type: 'organisational', control: 'access-control', description: TO_FILL, ref: u('Art. 32(1)') }],
    automatedDecisions: { profiling: false, automatedDecisions: false, significantEffects: false, ref: u('Art. 22') },
    location: TO_FILL,
    dpia: { required: false, status: 'not-required', reason: TO_FILL, ref: u('Art. 35') },
    systems: [],
    ref: u('Art. 30(1)'),
    fieldRefs: { recipients: u('Art. 30(1)(d)'), transfers: u('Art. 30(1)(e)') },
  };
}
