import type { CodeGroup } from '@regula/engine';
import { ANCHOR_EVENTS, ART6_BASES, ART9_CONDITIONS, COUNTRIES, SECURITY_CONTROLS } from '@regula/engine';

/**
 * The register's form, section by section (issue 17 §2): what each section
 * edits and how each field is entered. The form reads and writes the register
 * through these specs alone (`register-form-read.ts`, `register-form-view.ts`);
 * a field's label and help text are `registers.form.<section>.<field>.label|hint`
 * in the five catalogues.
 *
 * Kinds: `text` a text in each language the controller publishes in; `string`
 * one line; `bool` a checkbox; `select` one of `options` (their words from the
 * code group, else `registers.form.options.<name>.<value>`); `ids` checkboxes of
 * the ids of another list of the register; `duration` years, months, days;
 * `strings` a comma-separated list; `list` repeated sub-items (legal bases,
 * conditions), each with its own fields.
 */
export type FieldSpec =
  | { name: string; kind: 'text'; optional?: boolean; long?: boolean }
  | { name: string; kind: 'string'; optional?: boolean; max?: number }
  | { name: string; kind: 'bool' }
  | { name: string; kind: 'select'; options: readonly string[]; group?: CodeGroup; optional?: boolean; nullWhenEmpty?: boolean }
  | { name: string; kind: 'ids'; of: 'dataCategories' | 'sources' | 'recipients'; omitWhenEmpty?: boolean }
  | { name: string; kind: 'duration'; optional?: boolean }
  | { name: string; kind: 'strings' }
  | { name: string; kind: 'list'; fields: FieldSpec[] };

export interface SectionSpec {
  key: SectionKey;
  /** The register's property the section edits; `''` the register itself (the overview). */
  path: string;
  /** A list of items (with add and remove), or one object. */
  list: boolean;
  /** May the list be 'none' (recipients, transfers, cookies)? */
  noneAllowed?: boolean;
  /** May the list be absent (cookies)? */
  optional?: boolean;
  /** Prefix of the ids given to new items. */
  idPrefix?: string;
  fields: FieldSpec[];
}

export const SECTION_KEYS = ['overview', 'purposes', 'subjects', 'categories', 'sources', 'recipients', 'transfers', 'retention', 'security', 'cookies', 'automated', 'dpia'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export function isSectionKey(v: unknown): v is SectionKey {
  return typeof v === 'string' && (SECTION_KEYS as readonly string[]).includes(v);
}

const SUBJECT_KINDS = ['client', 'prospect', 'portal-user', 'contact-person', 'patient', 'office-visitor', 'website-visitor', 'newsletter-subscriber', 'survey-participant', 'event-participant', 'debtor', 'other'] as const;
const SOURCE_KINDS = ['data-subject', 'browser-or-device', 'third-party', 'public-source', 'authority', 'partner', 'group-company', 'internal-system'] as const;
const RECIPIENT_KINDS = ['processor', 'controller', 'joint-controller', 'authority', 'group-company'] as const;
const SAFEGUARDS = ['adequacy-decision', 'standard-contractual-clauses', 'binding-corporate-rules', 'derogation', 'eu-data-boundary-and-scc'] as const;
const COOKIE_CATEGORIES = ['strictly-necessary', 'preferences', 'statistics', 'marketing'] as const;

export const SECTIONS: Record<SectionKey, SectionSpec> = {
  overview: {
    key: 'overview', path: '', list: false,
    fields: [
      { name: 'name', kind: 'text' },
      { name: 'businessFunction', kind: 'text' },
      { name: 'description', kind: 'text', long: true },
      { name: 'location', kind: 'text' },
      { name: 'systems', kind: 'strings' },
    ],
  },
  purposes: {
    key: 'purposes', path: 'purposes', list: true, idPrefix: 'purpose',
    fields: [
      { name: 'name', kind: 'text' },
      { name: 'description', kind: 'text', long: true },
      { name: 'directMarketing', kind: 'bool' },
      { name: 'categories', kind: 'ids', of: 'dataCategories' },
      {
        name: 'legalBases', kind: 'list',
        fields: [
          { name: 'article', kind: 'select', options: ART6_BASES, group: 'legalBasis' },
          { name: 'description', kind: 'text', long: true },
          { name: 'legitimateInterest', kind: 'text', optional: true },
          { name: 'legalObligation.law', kind: 'text', optional: true },
          { name: 'art9.condition', kind: 'select', options: ART9_CONDITIONS, group: 'art9Condition', optional: true },
          { name: 'art9.description', kind: 'text', optional: true },
        ],
      },
    ],
  },
  subjects: {
    key: 'subjects', path: 'subjects', list: true, idPrefix: 'subjects',
    fields: [
      { name: 'kind', kind: 'select', options: SUBJECT_KINDS, group: 'subjectKind' },
      { name: 'name', kind: 'text' },
      { name: 'description', kind: 'text', optional: true },
      { name: 'mayIncludeChildren', kind: 'bool' },
    ],
  },
  categories: {
    key: 'categories', path: 'dataCategories', list: true, idPrefix: 'data',
    fields: [
      { name: 'name', kind: 'text' },
      { name: 'fields', kind: 'text', long: true },
      { name: 'required', kind: 'bool' },
      { name: 'special', kind: 'bool' },
      { name: 'providedBySubject', kind: 'bool' },
      { name: 'sources', kind: 'ids', of: 'sources' },
    ],
  },
  sources: {
    key: 'sources', path: 'sources', list: true, idPrefix: 'source',
    fields: [
      { name: 'kind', kind: 'select', options: SOURCE_KINDS, group: 'sourceKind' },
      { name: 'description', kind: 'text' },
    ],
  },
  recipients: {
    key: 'recipients', path: 'recipients', list: true, noneAllowed: true, idPrefix: 'recipient',
    fields: [
      { name: 'kind', kind: 'select', options: RECIPIENT_KINDS, group: 'recipientKind' },
      { name: 'name', kind: 'text' },
      { name: 'description', kind: 'text', optional: true },
      { name: 'dpa', kind: 'bool' },
      { name: 'contractLink', kind: 'string', optional: true, max: 500 },
      { name: 'country', kind: 'select', options: [...COUNTRIES, 'EEA', 'third-country', 'unknown'], group: 'country', optional: true },
      { name: 'categories', kind: 'ids', of: 'dataCategories', omitWhenEmpty: true },
    ],
  },
  transfers: {
    key: 'transfers', path: 'transfers', list: true, noneAllowed: true, idPrefix: 'transfer',
    fields: [
      { name: 'recipients', kind: 'ids', of: 'recipients' },
      { name: 'destination', kind: 'text' },
      { name: 'safeguard', kind: 'select', options: SAFEGUARDS, group: 'safeguard', optional: true, nullWhenEmpty: true },
      { name: 'safeguardDetail', kind: 'text', long: true },
    ],
  },
  retention: {
    key: 'retention', path: 'retention', list: true, idPrefix: 'retention',
    fields: [
      { name: 'kind', kind: 'select', options: ['period', 'conditions', 'as-long-as-necessary'] },
      { name: 'categories', kind: 'ids', of: 'dataCategories' },
      { name: 'description', kind: 'text', long: true },
      { name: 'anchor', kind: 'select', options: ANCHOR_EVENTS, group: 'retentionAnchor', optional: true },
      { name: 'period', kind: 'duration', optional: true },
      {
        name: 'conditions', kind: 'list',
        fields: [
          { name: 'label', kind: 'text' },
          { name: 'endsAt', kind: 'select', options: ANCHOR_EVENTS, group: 'retentionAnchor' },
          { name: 'plus', kind: 'duration', optional: true },
        ],
      },
      { name: 'then', kind: 'duration', optional: true },
      { name: 'action', kind: 'select', options: ['erase', 'anonymise'], group: 'retentionAction' },
    ],
  },
  security: {
    key: 'security', path: 'security', list: true, idPrefix: 'measure',
    fields: [
      { name: 'type', kind: 'select', options: ['technical', 'organisational'], group: 'securityType' },
      { name: 'control', kind: 'select', options: SECURITY_CONTROLS, group: 'securityControl' },
      { name: 'description', kind: 'text', long: true },
    ],
  },
  cookies: {
    key: 'cookies', path: 'cookies', list: true, noneAllowed: true, optional: true,
    fields: [
      { name: 'name', kind: 'string', max: 200 },
      { name: 'label', kind: 'text', optional: true },
      { name: 'provider', kind: 'string', max: 200 },
      { name: 'firstParty', kind: 'bool' },
      { name: 'category', kind: 'select', options: COOKIE_CATEGORIES, group: 'cookieCategory' },
      { name: 'purpose', kind: 'text' },
      { name: 'session', kind: 'bool' },
      { name: 'expiry', kind: 'duration', optional: true },
      { name: 'basis', kind: 'select', options: ['exempt', 'consent'], group: 'cookieBasis' },
      { name: 'storage', kind: 'select', options: ['cookie', 'local-storage', 'session-storage'], group: 'cookieStorage', optional: true },
    ],
  },
  automated: {
    key: 'automated', path: 'automatedDecisions', list: false,
    fields: [
      { name: 'profiling', kind: 'bool' },
      { name: 'automatedDecisions', kind: 'bool' },
      { name: 'significantEffects', kind: 'bool' },
      { name: 'logic', kind: 'text', optional: true, long: true },
    ],
  },
  dpia: {
    key: 'dpia', path: 'dpia', list: false,
    fields: [
      { name: 'required', kind: 'bool' },
      { name: 'status', kind: 'select', options: ['not-required', 'planned', 'in-progress', 'done'], group: 'dpiaStatus' },
      { name: 'reason', kind: 'text', long: true },
      { name: 'link', kind: 'string', optional: true, max: 500 },
    ],
  },
};

/** The section a register property belongs to (`''` and every other top-level field: the overview). */
export function sectionOfProperty(property: string): SectionKey {
  return (Object.values(SECTIONS).find((s) => s.path !== '' && s.path === property)?.key) ?? 'overview';
}
