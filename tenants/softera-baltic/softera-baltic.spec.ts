import {
  Cookie, LAWS, buildPolicyModel, isLaw, lintController, listFacts, publishedLanguages, refsIn, textsIn, textsMissingLanguages,
} from '@regula/engine';
import { definition } from './index';
import { marksWithoutReason, readerTexts } from '../reader-texts';
import { SECTIONS } from './refs';

function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}


/** Words that talk about the notice or about modelling: they belong in a ref's note, never in a reader's text. */
const NOTICE_TALK = [
  /the notice/i, /not stated/i, /must add/i, /to be completed/i, /to verify/i, /by us\b/i, /\bours\b/i,
  /inferred/i, /modell?ed/i, /\bdefault\b/i, /should confirm/i, /must (confirm|verify)/i, /\bplaceholder/i,
  /pranešime\b/i, /nenurodyt/i, /neįvardyt/i, /numatytasis/i, /turi nurodyti/i, /turi patvirtinti/i, /patikrinti/i,
];

const cookies = (): Cookie[] =>
  definition.registers.flatMap((r) => (Array.isArray(r.cookies) ? r.cookies : []));

describe('Softera Baltic controller definition', () => {
  it('raises no definition errors, and publication errors exactly where the notice is flawed', () => {
    const findings = lintController(definition);
    // No error the schema cannot hold: the tenant syncs.
    expect(findings.filter((f) => f.severity === 'error' && f.kind === 'definition')).toEqual([]);
    // The legal flaws of the notice the registers state as the controller stated them: they refuse publishing
    // (facts nobody stated, art13-unknown, are the provenance specs' concern).
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'art13-unknown').map((f) => `${f.code} ${f.path}`)).toEqual(['recipient-vague registers[clients].recipients[local-partners].name']);
    // Nobody said who the "local partners" are: the recipient is unknown until a person states it.
    expect(findings.filter((f) => f.code === 'art13-unknown').map((f) => f.path)).toEqual(expect.arrayContaining(['registers[clients].recipients[local-partners]']));
  });

  it('raises the expected warnings about the notice', () => {
    const findings = lintController(definition);
    const at = (code: string) => findings.filter((f) => f.code === code).map((f) => f.path);
    expect(at('notice-legal-basis-label')).toEqual([
      'registers[debt-recovery].purposes[debt-recovery].legalBases[0].citedInNotice',
    ]);
    expect(at('children-consent')).toEqual(['registers[cookies].subjects[website-visitors].mayIncludeChildren']);
    const remarks = definition.notice.remarks ?? [];
    expect(at('notice-remark')).toHaveLength(remarks.length);
    // Besides the remarks: the debt-recovery label, children and cookie consent, erasure narrowed in the notice, and
    // three retention rules that wait for a withdrawal of consent that may never come.
    expect(at('notice-right-narrowed')).toHaveLength(1);
    expect(at('retention-start-uncertain')).toHaveLength(3);
    expect(findings.filter((f) => f.severity === 'warning')).toHaveLength(2 + 1 + 3 + remarks.filter((r) => r.severity === 'warning').length);
  });

  it('identifies the controller', () => {
    expect(definition.slug).toBe('softera-baltic');
    expect(definition.legalName).toBe('Softera Baltic, UAB');
    expect(definition.registryCode).toBe('301566552');
    expect(definition.dpo).toBe('none');
    expect(definition.documents).toEqual([{ id: 'notice', title: 'Softera Baltic privacy policy', language: 'en', role: 'notice' }]);
  });

  it('does not invent the address or e-mail the notice leaves blank: both are unknown and never published', () => {
    expect(definition.legalAddress.country).toBe('LT');
    expect(definition.legalAddress.street).toBe('');
    expect(definition.legalAddress.city).toBe('');
    expect(definition.legalAddress.postalCode).toBeUndefined();
    expect(definition.contact.email).toBe('');
    const facts = new Map(listFacts(definition).map((f) => [f.path, f]));
    expect(facts.get('legalAddress')?.provenance.class).toBe('unknown');
    expect(facts.get('contact.email')?.provenance.class).toBe('unknown');
    const unknown = listFacts(definition).filter((f) => f.provenance.class === 'unknown').map((f) => f.path);
    expect(unknown.sort()).toEqual(['contact.email', 'legalAddress', 'registers[clients].recipients[local-partners]']);
    for (const lang of publishedLanguages(definition)) {
      const controller = buildPolicyModel(definition, lang).sections.controller;
      expect(controller.legalAddress).toBeUndefined();
      expect(controller.email).toBeUndefined();
    }
    const warning = definition.notice.remarks?.find((r) => r.severity === 'warning' && /legal address, e-mail address/.test(r.text.en));
    expect(warning).toBeDefined();
  });

  it('marks what Regula assumed as assumed, by path', () => {
    const classOf = new Map(listFacts(definition).map((f) => [f.path, f.provenance.class]));
    const assumedPaths = [
      // legal bases the notice does not link to purposes, mapped by Regula
      'registers[clients].purposes[contract].legalBases[0]',
      'registers[website].purposes[website-operation].legalBases[0]',
      'registers[accounting].purposes[accounting].legalBases[0]',
      // "required" flags inferred
      'registers[clients].dataCategories[client-identity].required',
      'registers[customer-service].dataCategories[contact-details].required',
      // retention periods the notice never sets, statutory ones included
      'registers[clients].retention[client-data]',
      'registers[accounting].retention[accounting-documents]',
      'registers[customer-service].retention[call-recordings-retention]',
      'registers[cookies].retention[tracking-data]',
      // recipients' roles, a safeguard, a transfer, "no automated decisions"
      'registers[clients].recipients[local-partners].kind',
      'registers[debt-recovery].recipients[debt-administrators].kind',
      'registers[clients].transfers[processors-outside-eea].safeguard',
      'registers[cookies].transfers[cookie-providers-us]',
      'registers[clients].automatedDecisions',
      'registers[cookies].recipients[hotjar]',
      'registers[cookies].cookies[6].provider', // _hjFirstSeen: Hotjar inferred from the prefix
      'registers[cookies].cookies[2].category', // scsft
      'policyChanges.channels',
      'requests.consentWithdrawalWorkingDays',
      'dpo', // 'none' that nobody stated
    ];
    for (const path of assumedPaths) expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'assumed' });
    const correctedPaths = [
      'rights[2]', 'rights[4]', // A17 widened to Art. 17(1), A19 added
      'requests.identity', 'requests.channels[0]',
      'registers[debt-recovery].purposes[debt-recovery].legalBases[0]', 'registers[cookies].recipients[facebook].kind',
    ];
    for (const path of correctedPaths) expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'corrected' });
    for (const path of ['legalName', 'registryCode', 'service', 'contact', 'rights[0]', 'registers[cookies].cookies[12]']) {
      expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'stated' });
    }
    expect(definition.rights[2].right).toBe('A17');
    expect(definition.rights[4].right).toBe('A19');
    expect(cookies()[6].name).toBe('_hjFirstSeen');
    expect(cookies()[12].name).toBe('_ga_FPS8P4DFJJ');
    for (const path of ['children', 'jurisdiction.authority']) expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'law' });
  });

  it('gives every assumed, corrected or unknown fact a note saying why', () => {
    expect(marksWithoutReason(definition)).toEqual([]);
  });

  it('never talks about the notice or about modelling in a text a reader sees', () => {
    const texts = readerTexts(definition);
    expect(texts.length).toBeGreaterThan(500);
    const talk = texts.filter(({ text }) => NOTICE_TALK.some((re) => re.test(text)));
    expect(talk).toEqual([]);
  });

  it('is under Lithuanian law and the State Data Protection Inspectorate', () => {
    const j = definition.jurisdiction;
    expect(j.country).toBe('LT');
    expect(j.timeZone).toBe('Europe/Vilnius');
    expect(j.languages).toEqual(['lt', 'en']);
    expect(j.art8Age).toBe(14);
    expect(j.authority.abbreviation).toBe('VDAI');
    expect(j.authority.name).toBe('Valstybinė duomenų apsaugos inspekcija');
    expect(j.authority.address).toEqual({ street: 'L. Sapiegos g. 17', postalCode: '10312', city: 'Vilnius', country: 'LT' });
    expect(j.authority.email).toBe('ada@ada.lt');
    expect(definition.notice.authorityName?.name).toBe('State Data Protection Inspectorate');
  });

  it('answers requests within 1 month, extendable by 2, electronically, with fee or refusal for excessive ones', () => {
    const r = definition.requests;
    expect(r.responseMonths).toBe(1);
    expect(r.extensionMonths).toBe(2);
    expect(r.electronicReply).toBe(true);
    expect(r.excessiveRequests.fee).toBe(true);
    expect(r.excessiveRequests.refuse).toBe(true);
    expect(r.consentWithdrawalWorkingDays).toBe(0);
  });

  it('keeps an archive of all previous policy versions', () => {
    expect(definition.policyChanges.archive).toBe(true);
  });

  it('states the rights of section 9', () => {
    const rights = definition.rights.map((r) => r.right);
    for (const right of ['A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A21-2', 'A22', 'A7-3', 'A77'] as const) {
      expect(rights).toContain(right);
    }
  });

  it('models the registers', () => {
    expect(definition.registers.map((r) => r.id)).toEqual([
      'clients', 'direct-marketing', 'accounting', 'debt-recovery', 'website',
      'customer-service', 'surveys-newsletters', 'cookies', 'data-subject-requests',
    ]);
  });

  it('lists all 16 cookies of section 13 with their expiry, category, provider and basis', () => {
    const minute = { minutes: 1 };
    const half = { minutes: 30 };
    const expected: [string, string, Cookie['category'], Cookie['expiry']][] = [
      ['_gat_UA-34559195-2', 'Google Analytics', 'statistics', minute],
      ['mcsft', 'first party', 'preferences', { years: 1 }],
      ['scsft', 'first party', 'marketing', { years: 1 }],
      ['_hjIncludedInSessionSample_2892099', 'Hotjar', 'statistics', half],
      ['ccsft', 'first party', 'preferences', { years: 1 }],
      ['_hjSession_2892099', 'Hotjar', 'statistics', 'session'],
      ['_hjFirstSeen', 'Hotjar', 'statistics', half],
      ['ln_or', 'first party', 'preferences', { years: 1 }],
      ['_hjAbsoluteSessionInProgress', 'Hotjar', 'statistics', half],
      ['_fbp', 'Facebook', 'marketing', { months: 3 }],
      ['_gid', 'Google Analytics', 'statistics', { hours: 24 }],
      ['_gcl_au', 'Google AdSense', 'marketing', { months: 3 }],
      ['_ga_FPS8P4DFJJ', 'Google Analytics', 'statistics', { years: 2 }],
      ['_ga', 'Google Analytics', 'statistics', { years: 2 }],
      ['_hjSessionUser_2892099', 'Hotjar', 'statistics', { years: 1 }],
      ['fcsft', 'first party', 'strictly-necessary', 'session'],
    ];
    const actual = cookies();
    expect(actual).toHaveLength(16);
    expect(actual.map((c) => [c.name, c.provider, c.category, c.expiry])).toEqual(expected);
    for (const c of actual) {
      expect(c.basis).toBe(c.category === 'strictly-necessary' ? 'exempt' : 'consent');
      expect(c.firstParty).toBe(c.provider === 'first party');
    }
  });

  it('governs every data category by exactly one enforceable retention rule', () => {
    for (const register of definition.registers) {
      for (const category of register.dataCategories) {
        const rules = register.retention.filter((r) => r.categories.includes(category.id));
        expect({ register: register.id, category: category.id, rules: rules.length }).toEqual({ register: register.id, category: category.id, rules: 1 });
      }
      for (const rule of register.retention) {
        expect(rule.kind).not.toBe('as-long-as-necessary');
        expect(rule.categories.every((id) => register.dataCategories.some((c) => c.id === id))).toBe(true);
      }
    }
  });

  it('keeps accounting documents for the statutory 10 years from the end of the financial year', () => {
    const accounting = definition.registers.find((r) => r.id === 'accounting')!;
    expect(accounting.retention).toEqual([
      expect.objectContaining({ kind: 'period', anchor: 'financial-year-end', period: { years: 10 } }),
    ]);
  });

  it('gives every text in Lithuanian and English', () => {
    expect(textsIn(definition).length).toBeGreaterThan(100);
    expect(textsMissingLanguages(definition, ['lt', 'en'])).toEqual([]);
  });

  it('traces every fact to a section of the notice or to a catalogued law', () => {
    const sections: string[] = Object.values(SECTIONS);
    for (const { path, ref } of refsIn(definition)) {
      if (ref.source === 'notice') expect({ path, at: sections.includes(ref.at ?? '') }).toEqual({ path, at: true });
      else expect({ path, law: isLaw(ref.source) }).toEqual({ path, law: true });
    }
    expect(Object.keys(LAWS)).toContain('LT-CIVIL-CODE');
  });

  it('uses an accessible primary colour and the display name', () => {
    expect(definition.branding.displayName).toBe('Softera Baltic');
    expect(contrastWithWhite(definition.branding.primaryColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite(definition.branding.accentColor)).toBeGreaterThanOrEqual(4.5);
  });
});
