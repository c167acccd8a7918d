import { ANCHOR_EVENTS, ART6_BASES, ART9_CONDITIONS, COUNTRIES, LANGS, RIGHTS, SECURITY_CONTROLS } from '@regula/engine';
import type { Cookie, DataSubjectKind, Dpia, Finding, RecipientKind, RetentionAction, SecurityControl, SecurityMeasure, SourceKind, TransferSafeguard, CookieCategory } from '@regula/engine';
import { CodeGroup, codeText, codeWords } from './code-words';

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
  country: [...COUNTRIES, 'EEA', 'third-country', 'unknown'],
  safeguard: all<TransferSafeguard>({ 'adequacy-decision': true, 'standard-contractual-clauses': true, 'binding-corporate-rules': true, derogation: true, 'eu-data-boundary-and-scc': true }),
  securityType: all<SecurityMeasure['type']>({ technical: true, organisational: true }),
  securityControl: [...SECURITY_CONTROLS] as SecurityControl[],
  cookieCategory: all<CookieCategory>({ 'strictly-necessary': true, preferences: true, statistics: true, marketing: true }),
  cookieStorage: all<NonNullable<Cookie['storage']>>({ cookie: true, 'local-storage': true, 'session-storage': true }),
  cookieBasis: all<Cookie['basis']>({ exempt: true, consent: true }),
  dpiaStatus: all<Dpia['status']>({ 'not-required': true, planned: true, 'in-progress': true, done: true }),
  severity: all<Finding['severity']>({ error: true, warning: true, info: true }),
  retentionAction: all<RetentionAction>({ erase: true, anonymise: true }),
  legalBasis: [...ART6_BASES],
  art9Condition: [...ART9_CONDITIONS],
  right: [...RIGHTS],
  retentionAnchor: [...ANCHOR_EVENTS],
};

describe('register codes in words', () => {
  it.each([...LANGS])('%s: every value of the schema has words, none the bare code', (lang) => {
    for (const [group, codes] of Object.entries(SCHEMA) as [CodeGroup, string[]][]) {
      for (const code of codes) {
        const w = codeWords(lang, group, code);
        expect({ group, code, known: w.known }).toEqual({ group, code, known: true });
        expect(w.words).not.toMatch(/^codes\.|undefined/);
        expect(w.code).toBe(code);
      }
    }
  });

  it('uses the privacy policies\' words (Latvian, Swedish)', () => {
    expect(codeText('lv', 'recipientKind', 'processor')).toBe('apstrādātājs');
    expect(codeText('lv', 'safeguard', 'standard-contractual-clauses')).toBe('Eiropas Komisijas standarta līguma klauzulas (VDAR 46. panta 2. punkta c) apakšpunkts)');
    expect(codeText('sv', 'recipientKind', 'joint-controller')).toBe('gemensamt personuppgiftsansvarig');
    expect(codeText('et', 'recipientKind', 'authority')).toBe('avalik asutus');
    expect(codeText('en', 'recipientKind', 'controller')).toBe('independent controller');
    expect(codeText('sv', 'cookieCategory', 'strictly-necessary')).toBe('Nödvändiga');
    expect(codeText('en', 'safeguard', 'adequacy-decision')).toBe('adequacy decision of the European Commission (Art. 45 GDPR)');
  });

  it('an unknown code, group or language falls back to the code itself, never "undefined"', () => {
    const t = 'lv';
    expect(codeWords(t, 'recipientKind', 'sub-processor')).toEqual({ code: 'sub-processor', words: 'sub-processor', known: false });
    expect(codeWords(t, 'safeguard', 'eu-us-data-privacy-framework')).toEqual({ code: 'eu-us-data-privacy-framework', words: 'eu-us-data-privacy-framework', known: false });
    expect(codeText(t, 'dpiaStatus', 'abandoned')).toBe('abandoned');
    // A code cannot reach another key of the catalogue.
    expect(codeWords(t, 'safeguard', '..')).toMatchObject({ words: '..', known: false });
    expect(codeWords(t, 'country', 'EE.x')).toMatchObject({ words: 'EE.x', known: false });
    // Not a code at all: an empty code, never the word "undefined" or "null".
    expect(codeWords('de', 'recipientKind', 'processor')).toEqual({ code: 'processor', words: 'processor', known: false });
    expect(codeWords(t, 'recipientKind', 'toString')).toEqual({ code: 'toString', words: 'toString', known: false });
    for (const missing of [undefined, null, {}, ['processor']]) expect(codeWords(t, 'recipientKind', missing)).toEqual({ code: '', words: '', known: false });
  });
});
