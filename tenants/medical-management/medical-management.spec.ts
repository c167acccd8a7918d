import {
  LAWS, lintController, listFacts, refsIn, textsIn, textsMissingLanguages, unpublishableFacts,
} from '@regula/engine';
import { definition } from './index';
import { marksWithoutReason, readerTexts } from '../reader-texts';

/** Words that talk about the sources or about modelling (en, et, lt): they belong in a ref's note, never in a reader's text. */
const NOTICE_TALK = [
  /the notice/i, /not stated/i, /not published/i, /must add/i, /to be completed/i, /to verify/i, /verify with/i, /by us\b/i,
  /inferred/i, /modell?ed/i, /\bdefault\b/i, /should confirm/i, /must (confirm|verify)/i, /\bplaceholder/i, /register description/i,
  /teates\b/i, /teate punkti/i, /ei ole nimetatud/i, /ei ole märgitud/i, /ei avaldata/i, /vaikimisi/i, /registri kirjeldus/i,
  /pranešime\b/i, /pranešimo \d/i, /nenurodyt/i, /neįvardyt/i, /neskelbiam/i, /numatytasis/i, /registro apraš/i,
];

/** Every Ref of the definition (the items of any `ref` list). */
const refs = () => refsIn(definition).map(({ ref }) => ref);

describe('medical-management controller definition', () => {
  it('raises no definition errors, and publication errors exactly where the notice is flawed', () => {
    const findings = lintController(definition);
    // No error the schema cannot hold: the tenant syncs.
    expect(findings.filter((f) => f.severity === 'error' && f.kind === 'definition')).toEqual([]);
    // The legal flaws of the notice the registers state as the controller stated them: they refuse publishing
    // (facts nobody stated, art13-unknown, are the provenance specs' concern).
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'art13-unknown').map((f) => `${f.code} ${f.path}`)).toEqual([]);
  });

  it('raises the expected findings about the seeds', () => {
    const codes = new Set(lintController(definition).map((f) => f.code));
    for (const code of ['notice-empty-section', 'notice-contradiction', 'notice-wrong-jurisdiction']) {
      expect(codes).toContain(code);
    }
  });

  it('identifies the controller', () => {
    expect(definition.slug).toBe('medical-management');
    expect(definition.legalName).toBe('Medical Management OÜ');
    expect(definition.brand).toBe('Baltic Lasers');
    expect(definition.registryCode).toBe('12273223');
    expect(definition.vatNumber).toBe('EE101798101');
    expect(definition.legalAddress).toMatchObject({ street: 'Raua tn 32-37', postalCode: '10120', city: 'Tallinn', country: 'EE' });
    expect(definition.contact.email).toBe('sales@baltic-lasers.eu');
    expect(definition.contact.phone).toBe('+372 5559 2055');
    expect(definition.branding.displayName).toBe('Baltic Lasers');
  });

  it('is under Estonian law and the Estonian authority', () => {
    const j = definition.jurisdiction;
    expect(j.country).toBe('EE');
    expect(j.authority.abbreviation).toBe('AKI');
    expect(j.authority.name).toBe('Andmekaitse Inspektsioon');
    expect(j.timeZone).toBe('Europe/Tallinn');
    expect(j.art8Age).toBe(13);
    expect(j.languages).toEqual(['en', 'et', 'lt']);
  });

  it('gives every data category exactly one retention rule, none of them "as long as necessary"', () => {
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

  it('keeps accounting records for the Accounting Act period', () => {
    const crm = definition.registers.find((r) => r.id === 'customer-relationship')!;
    const rule = crm.retention.find((r) => r.categories.includes('contract-history'))!;
    expect(rule.kind).toBe('conditions');
    if (rule.kind !== 'conditions') return;
    expect(rule.conditions).toContainEqual(expect.objectContaining({ endsAt: 'financial-year-end', plus: { years: 7 } }));
  });

  it('marks exactly the starred fields of the register description as required', () => {
    const required = definition.registers.flatMap((r) => r.dataCategories.filter((c) => c.required).map((c) => `${r.id}/${c.id}`));
    expect(required.sort()).toEqual([
      'cloud-service/cloud-content',
      'customer-relationship/crm-name',
      'portal-accounts/account-identifier',
      'portal-accounts/account-name',
      'portal-accounts/account-password',
    ]);
  });

  it('has every text in English, Estonian and Lithuanian', () => {
    expect(textsIn(definition).length).toBeGreaterThan(100);
    expect(textsMissingLanguages(definition, ['en', 'et', 'lt'])).toEqual([]);
  });

  it('traces every fact to one of its two documents or to a catalogued law', () => {
    expect(definition.documents.map((d) => d.id)).toEqual(['notice', 'seed-001']);
    for (const ref of refs()) {
      expect(['notice', 'seed-001'].includes(ref.source) || Object.prototype.hasOwnProperty.call(LAWS, ref.source)).toBe(true);
    }
  });

  it('states the controller’s identity and contacts as stated by the notice', () => {
    const classOf = new Map(listFacts(definition).map((f) => [f.path, f.provenance.class]));
    for (const path of ['legalName', 'brand', 'registryCode', 'vatNumber', 'legalAddress', 'contact', 'service', 'requests.channels[0]', 'securityReports', 'children', 'policyChanges']) {
      expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'stated' });
    }
    expect(listFacts(definition).filter((f) => f.provenance.class === 'unknown')).toEqual([]);
  });

  it('marks every fact filled from the register description, and every default, as assumed (by path)', () => {
    const facts = listFacts(definition);
    const classOf = new Map(facts.map((f) => [f.path, f.provenance.class]));
    const assumedPaths = [
      // filled from the register description: not the controller's own statement
      'rights[0]', 'rights[8]', 'requests.channels[1]', 'requests.channels[2]', 'requests.excessiveRequests',
      'registers[customer-relationship].purposes[customer-service]',
      'registers[customer-relationship].dataCategories[crm-name]',
      'registers[cloud-service].subjects[patients]',
      'registers[portal-accounts].recipients[hosting-partners]',
      'registers[customer-relationship].recipients[payment-gateway]',
      'registers[customer-relationship].security[secured-networks]',
      // periods, bases, categories and "none" chosen by Regula
      'registers[portal-accounts].retention[account-data]',
      'registers[customer-relationship].retention[accounting-source-documents].conditions[accounting-act]',
      'registers[customer-relationship].purposes[transactions].legalBases[2]',
      'registers[portal-accounts].purposes[policy-change-notices].legalBases[0]',
      'registers[portal-accounts].dataCategories[account-role]',
      'registers[log-data].dataCategories[sign-in-attempts]',
      'registers[log-data].cookies[0]',
      'registers[privacy-contacts].automatedDecisions',
      'requests.consentWithdrawalWorkingDays',
      'dpo', // 'none' that nobody stated
    ];
    for (const path of assumedPaths) expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'assumed' });
    expect(classOf.get('requests.identity')).toBe('corrected');
    expect(classOf.get('requests.extensionMonths')).toBe('law');
    // every fact whose refs cite the register description is assumed
    for (const f of facts) {
      if (f.refs.some((r) => r.source === 'seed-001')) expect({ path: f.path, class: f.provenance.class }).toEqual({ path: f.path, class: 'assumed' });
    }
    // what the notice states stays stated
    for (const path of ['registers[portal-accounts].security[password-hashing]', 'registers[log-data].security[tls]', 'registers[portal-accounts].transfers[multi-region-cloud-processors]']) {
      expect({ path, class: classOf.get(path) }).toEqual({ path, class: 'stated' });
    }
    expect(unpublishableFacts(facts).length).toBeGreaterThan(50);
  });

  it('gives every assumed, corrected or unknown fact a note saying why', () => {
    expect(marksWithoutReason(definition)).toEqual([]);
  });

  it('never talks about its sources or about modelling in a text a reader sees', () => {
    const texts = readerTexts(definition);
    expect(texts.length).toBeGreaterThan(500);
    const talk = texts.filter(({ text }) => NOTICE_TALK.some((re) => re.test(text)));
    expect(talk).toEqual([]);
  });

  it('records the empty sections of the notice and marks the facts that fill them', () => {
    expect(definition.notice.emptySections?.map((s) => s.section.split(' ')[1])).toEqual(['2', '3', '4', '6', '7', '8']);
    const filling = refs().filter((r) => r.note?.startsWith('fills the empty section'));
    for (const n of [2, 3, 4, 6, 7, 8]) {
      expect(filling.some((r) => r.source === 'seed-001' && r.note!.startsWith(`fills the empty section ${n} of the portal notice`))).toBe(true);
    }
  });

  it('states the notice claims the linter checks', () => {
    expect(definition.notice.trackersMentioned?.map((t) => t.name)).toEqual(['Google Analytics']);
    expect(definition.notice.noThirdPartyTrackers).toBeDefined();
    expect(definition.notice.transferBoundary?.region).toBe('USA');
    expect(definition.notice.childrenAges?.map((c) => c.age)).toEqual([16, 13]);
    expect(definition.children.minimumAge).toBe(16);
    expect(definition.securityReports?.acknowledgeWithinHours).toBe(72);
    expect(definition.policyChanges.channels).toEqual(['login-page', 'dashboard', 'e-mail']);
    expect(definition.requests.responseMonths).toBe(1);
  });

  it('has processors only under data-processing agreements, and only first-party strictly-necessary cookies', () => {
    for (const register of definition.registers) {
      for (const recipient of register.recipients === 'none' ? [] : register.recipients) {
        if (recipient.kind === 'processor') expect(recipient.dpa).toBe(true);
      }
      for (const cookie of !register.cookies || register.cookies === 'none' ? [] : register.cookies) {
        expect(cookie).toMatchObject({ firstParty: true, category: 'strictly-necessary', basis: 'exempt' });
      }
      for (const transfer of register.transfers === 'none' ? [] : register.transfers) {
        expect(transfer.safeguard).not.toBeNull();
      }
    }
  });

  it('uses a primary colour readable with white text (WCAG 4.5:1)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(1.05 / (luminance(definition.branding.primaryColor) + 0.05)).toBeGreaterThanOrEqual(4.5);
    expect(1.05 / (luminance(definition.branding.accentColor) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
