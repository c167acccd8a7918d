import {
  ConditionsRetentionRule,
  LAWS,
  LegalBasis,
  ProvenanceClass,
  Text,
  buildPolicyModel,
  lintController,
  listFacts,
  refsIn,
  textsIn,
  textsMissingLanguages,
} from '@regula/engine';
import { definition } from './index';

const register = (id: string) => {
  const found = definition.registers.find((r) => r.id === id);
  if (!found) throw new Error(`no register ${id}`);
  return found;
};
const allBases = (): LegalBasis[] => definition.registers.flatMap((r) => r.purposes.flatMap((p) => p.legalBases));

const facts = listFacts(definition);
const factAt = (path: string) => {
  const fact = facts.find((f) => f.path === path);
  if (!fact) throw new Error(`no fact at ${path}`);
  return fact;
};
const classOf = (path: string): ProvenanceClass => factAt(path).provenance.class;

/** Words that talk about the notice or the modelling instead of stating a fact, per language. */
const NOTICE_TALK: Record<'en' | 'lv', RegExp[]> = {
  en: [/\bthe notice\b/i, /\bnot stated\b/i, /\binferred\b/i, /\bassumed\b/i, /\bdefault\b/i, /\(verify\)|\bto be verified\b/i, /\bnot named\b/i, /\bnames none\b/i, /\bdoes not (say|state)\b/i],
  lv: [/\bpaziņojum(s|ā|a)\b/i, /\bnav norādīt/i, /\bnav nosaukt/i, /\bpieņēmum/i, /\bnoklusēj/i, /\bjāpārbauda\b/i],
};

/** The strings of every Text inside `value` (a fact's value), with the language they are in. */
function stringsOf(value: unknown): { lang: string; text: string }[] {
  return textsIn(value).flatMap(({ text }) => Object.entries(text as Text).map(([lang, t]) => ({ lang, text: String(t) })));
}

describe('Inomedis controller definition', () => {
  it('raises no definition errors, and publication errors exactly where the notice is flawed', () => {
    const findings = lintController(definition);
    // No error the schema cannot hold: the tenant syncs.
    expect(findings.filter((f) => f.severity === 'error' && f.kind === 'definition')).toEqual([]);
    // Where the law requires it the definition states the corrected fact: no publication error is left
    // (facts nobody stated, art13-unknown, are the provenance specs' concern)...
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'art13-unknown').map((f) => `${f.code} ${f.path}`)).toEqual([]);
    // ...and each flaw of the notice is a warning about the notice.
    expect(findings.filter((f) => f.severity === 'warning' && /^notice-(basis-unfit|right-narrowed|request-form)/.test(f.code)).map((f) => `${f.code} ${f.path}`)).toEqual([
      'notice-basis-unfit-for-purpose registers[video-surveillance].purposes[safety].legalBases[0].citedInNotice',
      'notice-right-narrowed rights[3].limitedTo',
      'notice-right-narrowed rights[4].limitedTo',
      'notice-right-narrowed rights[6].limitedTo',
      'notice-request-form-disproportionate requests.identity.perRight.A20',
    ]);
  });

  it('reports the notice\'s wrong legal-basis labels as warnings', () => {
    const warnings = lintController(definition).filter((f) => f.severity === 'warning').map((f) => f.code);
    expect(warnings).toContain('notice-consent-for-purchase');
    // Contract cited for the legal obligation twice, and vital interests cited for video surveillance.
    expect(warnings.filter((c) => c === 'notice-legal-basis-label')).toHaveLength(3);
  });

  it('identifies the controller', () => {
    expect(definition.slug).toBe('inomedis');
    expect(definition.legalName).toBe('SIA "Inomedis Aesthetic Group"');
    expect(definition.registryCode).toBe('40203138358');
    expect(definition.legalAddress).toEqual({ street: 'Meža prospekts 12–1', city: 'Jūrmala', postalCode: 'LV-2010', country: 'LV' });
    expect(definition.officeAddress).toMatchObject({ street: expect.stringContaining('G. Astras iela 1C'), city: 'Rīga', postalCode: 'LV-1084', country: 'LV' });
    expect(definition.contact).toMatchObject({ email: 'lv@inomedis.group', phone: '+371 25770445', web: 'https://inomedis.lv' });
    expect(definition.documents).toEqual([{ id: 'notice', title: 'Inomedis privacy policy', language: 'lv', role: 'notice' }]);
    expect(definition.branding.displayName).toBe('Inomedis');
  });

  it('answers to the Latvian Data State Inspectorate and computes deadlines in Riga time', () => {
    const j = definition.jurisdiction;
    expect(j.country).toBe('LV');
    expect(j.timeZone).toBe('Europe/Riga');
    expect(j.languages).toEqual(['lv', 'en']);
    expect(j.authority).toMatchObject({ abbreviation: 'DVI', email: 'info@dvi.gov.lv', phone: '+371 67 223 131' });
    expect(j.authority.address).toMatchObject({ street: 'Elijas iela 17', city: 'Rīga', postalCode: 'LV-1050' });
    expect(definition.notice.authorityName?.name).toBe('Datu valsts inspekcija');
  });

  it('carries out a consent withdrawal within three working days (clause 15), in effect from its receipt (GDPR Art. 7(3))', () => {
    expect(definition.requests.consentWithdrawalWorkingDays).toBe(3);
    const right = definition.rights.find((r) => r.right === 'A7-3');
    expect(right?.ref).toContainEqual({ source: 'notice', at: 'clause 15' });
    expect(right?.ref).toContainEqual(expect.objectContaining({ source: 'GDPR', at: 'Art. 7(3)', provenance: 'corrected' }));
    expect(right?.conditions?.en).toContain('takes effect as soon as it reaches Inomedis');
  });

  it('grants the right to know who received the data in a period, with its exceptions (clause 38)', () => {
    const right = definition.rights.find((r) => r.right === 'recipients-in-period');
    expect(right).toBeDefined();
    expect(right!.conditions?.en).toMatch(/criminal proceedings/);
    expect(right!.ref[0]).toMatchObject({ source: 'notice', at: 'clause 38' });
  });

  it('states the rights of clauses 19-21 and 36-43', () => {
    const stated = definition.rights.map((r) => r.right).sort();
    expect(stated).toEqual(['A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A21-2', 'A22', 'A7-3', 'A77', 'recipients-in-period'].sort());
    expect(definition.requests.identity.default).toBe('email-link');
    expect(definition.requests.identity.perRight).toEqual({ A20: 'qualified-e-signature' });
  });

  it('models clause 29 as a conditions rule with the four conditions', () => {
    const rule = register('clients').retention.find((r) => r.id === 'clause-29') as ConditionsRetentionRule;
    expect(rule.kind).toBe('conditions');
    expect(rule.conditions.map((c) => [c.id, c.endsAt])).toEqual([
      ['contract-in-force', 'contract-ended'],
      ['statutory-storage', 'financial-year-end'],
      ['legitimate-interests', 'contract-ended'],
      ['consent-not-withdrawn', 'consent-withdrawn'],
    ]);
    expect(rule.conditions[1].plus).toEqual({ years: 5 });
    expect(rule.conditions[2].plus).toEqual({ years: 10 });
    expect(rule.conditions.map((c) => c.ref[0].at)).toEqual(['clause 29.1', 'clause 29.2', 'clause 29.3', 'clause 29.4']);
    expect(rule.then).toEqual({ days: 0 });
  });

  it('records the notice\'s wrong labels in citedInNotice and relies on the correct articles (clause 14)', () => {
    const obligations = allBases().filter((b) => b.article === '6(1)(c)');
    expect(obligations.length).toBeGreaterThan(0);
    for (const basis of obligations) {
      expect(basis.citedInNotice).toBe('6(1)(b)');
      expect(basis.legalObligation).toBeDefined();
    }
    const contract = register('clients').purposes.find((p) => p.id === 'contract')!;
    expect(contract.legalBases.map((b) => [b.article, b.citedInNotice])).toEqual([['6(1)(b)', '6(1)(a)']]);
  });

  it('bases video surveillance on legitimate interests, keeping the vital interests the notice cites', () => {
    const video = register('video-surveillance');
    expect(video.purposes.flatMap((p) => p.legalBases.map((b) => [b.article, b.citedInNotice]))).toEqual([['6(1)(f)', '6(1)(d)']]);
    expect(video.purposes[0].legalBases[0].legitimateInterest).toBeDefined();
    expect(video.purposes[0].legalBases[0].ref).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'GDPR', provenance: 'corrected' })]));
    expect(video.subjects.map((s) => s.kind)).toEqual(['office-visitor']);
    expect(video.retention).toEqual([expect.objectContaining({ kind: 'period', anchor: 'recorded' })]);
  });

  it('puts analytical and advertising cookies on consent', () => {
    const cookies = register('website').cookies;
    expect(Array.isArray(cookies)).toBe(true);
    const byCategory = Object.fromEntries((cookies as { category: string; basis: string }[]).map((c) => [c.category, c.basis]));
    expect(byCategory).toEqual({ 'strictly-necessary': 'exempt', preferences: 'consent', statistics: 'consent', marketing: 'consent' });
  });

  it('has the registers of the notice, no third-country transfers (assumed), and one retention rule per data category', () => {
    expect(definition.registers.map((r) => r.id)).toEqual([
      'clients', 'marketing', 'statistics', 'internal-archive', 'video-surveillance', 'website', 'partner-data',
    ]);
    for (const r of definition.registers) {
      expect(r.transfers).toBe('none');
      for (const c of r.dataCategories) {
        expect(r.retention.filter((rule) => rule.categories.includes(c.id)).map((rule) => rule.id)).toHaveLength(1);
      }
    }
    expect(register('marketing').automatedDecisions).toMatchObject({ profiling: true, automatedDecisions: true, significantEffects: false });
  });

  it('cites only the notice\'s clauses 1-44 and catalogued laws', () => {
    // With the refs of single fields (fieldRefs); a controller field without refs of its own cites the whole notice.
    const own = facts.flatMap((f) => f.refs).filter((r) => !(r.source === 'notice' && r.at === undefined));
    for (const ref of [...refsIn(definition).map((r) => r.ref), ...own]) {
      if (ref.source === 'notice') {
        const clause = Number(/^clause (\d+)/.exec(ref.at ?? '')?.[1]);
        expect(clause).toBeGreaterThanOrEqual(1);
        expect(clause).toBeLessThanOrEqual(44);
      } else {
        expect(Object.keys(LAWS)).toContain(ref.source);
      }
    }
  });

  it('marks each fact a reader sees with who stands behind it', () => {
    const rightPath = (code: string) => `rights[${definition.rights.findIndex((r) => r.right === code)}]`;
    const expected: [string, ProvenanceClass][] = [
      ['legalName', 'stated'],
      ['legalAddress', 'stated'],
      ['contact', 'stated'],
      [rightPath('recipients-in-period'), 'stated'],
      ['requests.consentWithdrawalWorkingDays', 'stated'],
      // Clause 14's own examples.
      ['registers[clients].purposes[debt-recovery].legalBases[0]', 'stated'],
      ['registers[marketing].purposes[own-offers].legalBases[0]', 'stated'],
      ['registers[video-surveillance].purposes[safety].legalBases[0]', 'corrected'],
      // Replaced because the law requires it: consent for purchases, the legal obligation labelled (b), cookies by browser settings.
      ['registers[clients].purposes[contract].legalBases[0]', 'corrected'],
      ['registers[clients].purposes[billing].legalBases[1]', 'corrected'],
      ['registers[internal-archive].purposes[document-archiving].legalBases[0]', 'corrected'],
      ['registers[website].purposes[analytics].legalBases[0]', 'corrected'],
      // Filled in by Regula: bases tied to no purpose, periods, partners' role, field lists, no DPO, children, the e-mail channel.
      ['registers[clients].purposes[complaints-support].legalBases[0]', 'assumed'],
      ['registers[statistics].purposes[market-analysis].legalBases[0]', 'assumed'],
      ['registers[clients].retention[clause-29].conditions[statutory-storage]', 'assumed'],
      ['registers[clients].retention[clause-29].conditions[legitimate-interests]', 'assumed'],
      ['registers[internal-archive].retention[accounting-source-documents]', 'assumed'],
      ['registers[video-surveillance].retention[video-recordings]', 'assumed'],
      ['registers[clients].recipients[partners-agents]', 'assumed'],
      ['registers[clients].dataCategories[identity-contact]', 'assumed'],
      ['registers[website].cookies[2]', 'assumed'],
      ['dpo', 'assumed'],
      ['children', 'assumed'],
      ['policyChanges', 'assumed'],
      ['requests.identity', 'assumed'],
      // The law: the authority, the national act, the time limits.
      ['jurisdiction.authority', 'law'],
      ['jurisdiction.nationalAct', 'law'],
      ['requests.responseMonths', 'law'],
    ];
    expect(expected.map(([path]) => [path, classOf(path)])).toEqual(expected);
    for (const r of definition.registers) expect([r.id, classOf(`registers[${r.id}].transfers`)]).toEqual([r.id, 'assumed']);
    // The e-mail code Regula offers beyond the secure e-signature is a correction, beside the assumed reading of "written" for portability.
    expect(factAt('requests.identity').refs.map((r) => r.provenance ?? 'stated')).toEqual(['stated', 'corrected', 'assumed']);
    for (const f of facts.filter((x) => x.provenance.class === 'assumed' || x.provenance.class === 'corrected')) {
      expect({ path: f.path, note: (f.provenance.decidedBy?.note ?? '').length > 20 }).toEqual({ path: f.path, note: true });
    }
    expect(facts.filter((f) => f.provenance.class === 'unknown').map((f) => f.path)).toEqual([]);
  });

  it('states facts only in what readers see: no talk about the notice or the modelling', () => {
    const seen = facts.filter((f) => f.sections.length > 0).flatMap((f) => stringsOf(f.value).map((s) => ({ ...s, path: f.path })));
    // The registers' own texts (name, description, location) and the DPIA reasons reach the record and the descriptions.
    const exported = textsIn(definition.registers).flatMap(({ path, text }) => Object.entries(text).map(([lang, t]) => ({ lang, text: String(t), path })));
    expect(seen.length).toBeGreaterThan(200);
    const talk = [...seen, ...exported].filter(({ lang, text }) => (NOTICE_TALK[lang as 'en' | 'lv'] ?? []).some((re) => re.test(text)));
    expect(talk).toEqual([]);
  });

  it('names the four cookie categories in plain words in both languages', () => {
    for (const lang of ['lv', 'en'] as const) {
      const cookies = buildPolicyModel(definition, lang).sections.cookies.cookies;
      expect(cookies).toHaveLength(4);
      for (const c of cookies) expect(c.name.fallback || c.provider.fallback).toBe(false);
    }
    expect(buildPolicyModel(definition, 'lv').sections.cookies.cookies.map((c) => c.name.text)).toEqual([
      'Nepieciešamās sīkdatnes', 'Funkcionālās sīkdatnes', 'Analītiskās sīkdatnes', 'Reklāmas sīkdatnes',
    ]);
  });

  it('gives every text in Latvian and English', () => {
    expect(textsIn(definition).length).toBeGreaterThan(100);
    expect(textsMissingLanguages(definition, ['lv', 'en'])).toEqual([]);
  });

  it('uses a primary colour with at least 4.5:1 contrast against white text', () => {
    const channel = (hex: string, i: number) => {
      const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (hex: string) => 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
    expect(1.05 / (luminance(definition.branding.primaryColor) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
