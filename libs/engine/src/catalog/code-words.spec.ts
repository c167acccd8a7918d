import { COUNTRIES } from '../schema/jurisdiction';
import { SECURITY_CONTROLS } from '../schema/register';
import { LANGS } from '../schema/text';
import { ART6_BASES, ART9_CONDITIONS } from '../schema/legal-basis';
import { RIGHTS } from '../schema/controller';
import { ANCHOR_EVENTS } from '../schema/retention';
import { CODE_GROUPS, CODE_WORDS, CodeGroup, codeWord } from './code-words';

/** Every value of the schema's enumerations, written out here so a value dropped from the table is noticed. */
const SCHEMA: Record<CodeGroup, readonly string[]> = {
  subjectKind: ['client', 'prospect', 'portal-user', 'contact-person', 'patient', 'office-visitor', 'website-visitor', 'newsletter-subscriber', 'survey-participant', 'event-participant', 'debtor', 'other'],
  sourceKind: ['data-subject', 'browser-or-device', 'third-party', 'public-source', 'authority', 'partner', 'group-company', 'internal-system'],
  recipientKind: ['processor', 'controller', 'joint-controller', 'authority', 'group-company'],
  country: [...COUNTRIES, 'EEA', 'third-country', 'unknown'],
  safeguard: ['adequacy-decision', 'standard-contractual-clauses', 'binding-corporate-rules', 'derogation', 'eu-data-boundary-and-scc'],
  securityType: ['technical', 'organisational'],
  securityControl: SECURITY_CONTROLS,
  cookieCategory: ['strictly-necessary', 'preferences', 'statistics', 'marketing'],
  cookieStorage: ['cookie', 'local-storage', 'session-storage'],
  cookieBasis: ['exempt', 'consent'],
  dpiaStatus: ['not-required', 'planned', 'in-progress', 'done'],
  severity: ['error', 'warning', 'info'],
  retentionAction: ['erase', 'anonymise'],
  legalBasis: ART6_BASES,
  art9Condition: ART9_CONDITIONS,
  right: RIGHTS,
  retentionAnchor: ANCHOR_EVENTS,
};

describe('codeWord (the words for the register schema\'s codes)', () => {
  it('has words for every value of every group in every language, and nothing else', () => {
    expect([...CODE_GROUPS].sort()).toEqual(Object.keys(SCHEMA).sort());
    for (const lang of LANGS) {
      expect(Object.keys(CODE_WORDS[lang]).sort()).toEqual(Object.keys(SCHEMA).sort());
      for (const group of CODE_GROUPS) {
        expect(Object.keys(CODE_WORDS[lang][group]).sort()).toEqual([...SCHEMA[group]].sort());
        for (const code of SCHEMA[group]) {
          const words = codeWord(group, code, lang);
          expect(typeof words).toBe('string');
          expect(words!.trim()).not.toBe('');
        }
      }
    }
  });

  it('uses the privacy policies\' words (a controller recipient is independent)', () => {
    expect(codeWord('recipientKind', 'controller', 'en')).toBe('independent controller');
    expect(codeWord('recipientKind', 'controller', 'et')).toBe('iseseisev vastutav töötleja');
    expect(codeWord('recipientKind', 'authority', 'et')).toBe('avalik asutus');
    expect(codeWord('recipientKind', 'controller', 'lt')).toBe('savarankiškas duomenų valdytojas');
    expect(codeWord('recipientKind', 'controller', 'lv')).toBe('patstāvīgs pārzinis');
    expect(codeWord('recipientKind', 'controller', 'sv')).toBe('självständigt personuppgiftsansvarig');
    expect(codeWord('cookieCategory', 'strictly-necessary', 'sv')).toBe('Nödvändiga');
  });

  it('writes legal bases, rights and anchors in words with the article as each language cites it', () => {
    expect(codeWord('legalBasis', '6(1)(b)', 'lv')).toBe('līguma izpilde (VDAR 6. panta 1. punkta b) apakšpunkts)');
    expect(codeWord('legalBasis', '6(1)(b)', 'en')).toBe('performance of a contract (GDPR Art. 6(1)(b))');
    expect(codeWord('art9Condition', '9(2)(h)', 'sv')).toBe('hälso- och sjukvård eller social omsorg (dataskyddsförordningen art. 9.2 h)');
    expect(codeWord('right', 'A21-2', 'lt')).toBe('Nesutikimas su tiesiogine rinkodara (BDAR 21 straipsnio 2 ir 3 dalys)');
    expect(codeWord('retentionAnchor', 'contract-ended', 'et')).toBe('lepingu lõppemine');
    // no code of the schema inside another language's words
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      for (const group of CODE_GROUPS) {
        for (const words of Object.values(CODE_WORDS[lang][group] as Record<string, string>)) expect(words).not.toMatch(/\d\(\d\)\([a-j]\)|\bArt\. /);
      }
    }
  });

  it('answers undefined for an unknown code, group or language, and never an inherited property', () => {
    expect(codeWord('recipientKind', 'sub-processor', 'en')).toBeUndefined();
    expect(codeWord('safeguard', 'eu-us-data-privacy-framework', 'lv')).toBeUndefined();
    expect(codeWord('anchor', 'contract-end', 'en')).toBeUndefined();
    expect(codeWord('recipientKind', 'processor', 'de')).toBeUndefined();
    expect(codeWord('recipientKind', 'toString', 'en')).toBeUndefined();
    expect(codeWord('constructor', 'name', 'en')).toBeUndefined();
    expect(codeWord('recipientKind', 'processor', '__proto__')).toBeUndefined();
    for (const missing of [undefined, null, 1, {}, ['processor']]) expect(codeWord('recipientKind', missing, 'en')).toBeUndefined();
  });
});
