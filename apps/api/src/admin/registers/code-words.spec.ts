import path from 'node:path';
import { LANGS, SECURITY_CONTROLS } from '@regula/engine';
import type { Cookie, DataSubjectKind, Dpia, Finding, RecipientKind, SecurityControl, SecurityMeasure, SourceKind, TransferSafeguard, CookieCategory, Recipient } from '@regula/engine';
import { PublicI18n } from '../../public/i18n';
import { CodeGroup, codeText, codeWords } from './code-words';

const i18n = new PublicI18n(path.join(__dirname, '..', 'i18n'));
const tOf = (lang: (typeof LANGS)[number]) => (key: string, vars?: Record<string, unknown>) => i18n.t(lang, key, vars);

/**
 * Every value of the schema's enumerations, per group: a Record over the
 * union, so a value the schema gains is a type error here until it has words.
 */
const all = <K extends string>(r: Record<K, true>): K[] => Object.keys(r) as K[];
const SCHEMA: Record<CodeGroup, string[]> = {
  subjectKind: all<DataSubjectKind>({
    client: true, prospect: true, 'portal-user': true, 'contact-person': true, patient: true, 'office-visitor': true, 'website-visitor': true,
    'newsletter-subscriber': true, 'survey-participant': true, 'event-participant': true, debtor: true, other: true,
  }),
  sourceKind: all<SourceKind>({
    'data-subject': true, 'browser-or-device': true, 'third-party': true, 'public-source': true, authority: true, partner: true, 'group-company': true, 'internal-system': true,
  }),
  recipientKind: all<RecipientKind>({ processor: true, controller: true, 'joint-controller': true, authority: true, 'group-company': true }),
  country: all<NonNullable<Recipient['country']>>({ EE: true, LT: true, LV: true, SE: true, NO: true, EEA: true, 'third-country': true, unknown: true }),
  safeguard: all<TransferSafeguard>({ 'adequacy-decision': true, 'standard-contractual-clauses': true, 'binding-corporate-rules': true, derogation: true, 'eu-data-boundary-and-scc': true }),
  securityType: all<SecurityMeasure['type']>({ technical: true, organisational: true }),
  securityControl: [...SECURITY_CONTROLS] as SecurityControl[],
  cookieCategory: all<CookieCategory>({ 'strictly-necessary': true, preferences: true, statistics: true, marketing: true }),
  cookieStorage: all<NonNullable<Cookie['storage']>>({ cookie: true, 'local-storage': true, 'session-storage': true }),
  cookieBasis: all<Cookie['basis']>({ exempt: true, consent: true }),
  dpiaStatus: all<Dpia['status']>({ 'not-required': true, planned: true, 'in-progress': true, done: true }),
  severity: all<Finding['severity']>({ error: true, warning: true, info: true }),
};

describe('register codes in words', () => {
  it.each([...LANGS])('%s: every value of the schema has words, none the bare code', (lang) => {
    const t = tOf(lang);
    for (const [group, codes] of Object.entries(SCHEMA) as [CodeGroup, string[]][]) {
      for (const code of codes) {
        const w = codeWords(t, group, code);
        expect({ group, code, known: w.known }).toEqual({ group, code, known: true });
        expect(w.words).not.toMatch(/^codes\.|undefined/);
        expect(w.code).toBe(code);
      }
    }
  });

  it('uses the privacy policies\' words (Latvian, Swedish)', () => {
    expect(codeText(tOf('lv'), 'recipientKind', 'processor')).toBe('apstrādātājs');
    expect(codeText(tOf('lv'), 'safeguard', 'standard-contractual-clauses')).toBe('Eiropas Komisijas standarta līguma klauzulas (VDAR 46. panta 2. punkta c) apakšpunkts)');
    expect(codeText(tOf('sv'), 'recipientKind', 'joint-controller')).toBe('gemensamt personuppgiftsansvarig');
    expect(codeText(tOf('sv'), 'cookieCategory', 'strictly-necessary')).toBe('Nödvändiga');
    expect(codeText(tOf('en'), 'safeguard', 'adequacy-decision')).toBe('adequacy decision of the European Commission (Art. 45 GDPR)');
  });

  it('an unknown code falls back to the code itself, never "undefined"', () => {
    const t = tOf('lv');
    expect(codeWords(t, 'recipientKind', 'sub-processor')).toEqual({ code: 'sub-processor', words: 'sub-processor', known: false });
    expect(codeWords(t, 'safeguard', 'eu-us-data-privacy-framework')).toEqual({ code: 'eu-us-data-privacy-framework', words: 'eu-us-data-privacy-framework', known: false });
    expect(codeText(t, 'dpiaStatus', 'abandoned')).toBe('abandoned');
    // A code cannot reach another key of the catalogue.
    expect(codeWords(t, 'safeguard', '..')).toMatchObject({ words: '..', known: false });
    expect(codeWords(t, 'country', 'EE.x')).toMatchObject({ words: 'EE.x', known: false });
    // Not a code at all: an empty code, never the word "undefined" or "null".
    for (const missing of [undefined, null, {}, ['processor']]) expect(codeWords(t, 'recipientKind', missing)).toEqual({ code: '', words: '', known: false });
  });

  it('a t() that answers the key, or nothing, is an unknown code', () => {
    expect(codeWords((k) => k, 'sourceKind', 'partner')).toEqual({ code: 'partner', words: 'partner', known: false });
    expect(codeWords(() => '', 'sourceKind', 'partner')).toEqual({ code: 'partner', words: 'partner', known: false });
    expect(codeWords(() => 'partneris', 'sourceKind', 'partner')).toEqual({ code: 'partner', words: 'partneris', known: true });
  });
});
