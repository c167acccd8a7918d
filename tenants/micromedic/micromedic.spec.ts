import {
  ControllerDefinition,
  NATIONAL_RULES,
  ProvenanceClass,
  Text,
  buildPolicyModel,
  lintController,
  listFacts,
  textsIn,
  textsMissingLanguages,
} from '@regula/engine';
import { definition } from './index';

const facts = listFacts(definition);
const classOf = (path: string): ProvenanceClass => {
  const fact = facts.find((f) => f.path === path);
  if (!fact) throw new Error(`no fact at ${path}`);
  return fact.provenance.class;
};
const rightPath = (code: string) => `rights[${definition.rights.findIndex((r) => r.right === code)}]`;

/** Words that talk about the notice or the modelling instead of stating a fact, per language. */
const NOTICE_TALK: Record<'en' | 'sv', RegExp[]> = {
  en: [/\bthe notice\b/i, /\bnot stated\b/i, /\binferred\b/i, /\bassumed\b/i, /\bdefault\b/i, /\(verify\)|default[- ]to[- ]verify|\bto be verified\b/i, /\bnot named\b/i, /\bdoes not (say|state)\b/i],
  sv: [/\bpersonuppgiftspolicyn\b/i, /\bmeddelandet\b/i, /\banges inte\b/i, /\bframgår inte\b/i, /\bantagande\b/i, /\bstandardvärde\b/i, /\bhärled(d|da)\b/i],
};

/** The strings of every Text inside `value` (a fact's value), with the language they are in. */
function stringsOf(value: unknown): { lang: string; text: string }[] {
  return textsIn(value).flatMap(({ text }) => Object.entries(text as Text).map(([lang, t]) => ({ lang, text: String(t) })));
}

describe('Micromedic AB definition', () => {
  it('raises no definition errors, and publication errors exactly where the notice is flawed', () => {
    const findings = lintController(definition);
    // No error the schema cannot hold: the tenant syncs.
    expect(findings.filter((f) => f.severity === 'error' && f.kind === 'definition')).toEqual([]);
    // Where the law requires it the definition states the corrected fact: no publication error is left
    // (facts nobody stated, art13-unknown, are the provenance specs' concern)...
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'art13-unknown').map((f) => `${f.code} ${f.path}`)).toEqual([]);
    // ...and each flaw of the notice is a warning about the notice.
    expect(findings.filter((f) => f.code === 'notice-request-form-disproportionate' || f.code === 'notice-change-clause-consent').map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual([
      'warning notice-request-form-disproportionate requests.identity.perRight.A15',
      'warning notice-change-clause-consent notice.changeClause',
    ]);
    expect(definition.policyChanges.ref).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'GDPR', provenance: 'corrected' })]));
  });

  it('raises the linter warnings about the notice that the seed deserves', () => {
    const codes = lintController(definition).filter((f) => f.severity === 'warning').map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['notice-authority-outdated', 'notice-empty-section', 'notice-remark']));
  });

  it('identifies the controller as in its notice', () => {
    expect(definition.slug).toBe('micromedic');
    expect(definition.legalName).toBe('Micromedic AB');
    expect(definition.registryCode).toBe('556949-0153');
    expect(definition.legalAddress).toEqual({
      careOf: 'c/o ViRedo AB',
      street: 'Box 55642',
      postalCode: '102 14',
      city: 'Stockholm',
      country: 'SE',
    });
    expect(definition.contact.email).toBe('personuppgiftsansvarig@micromedic.se');
    expect(definition.contact.phone).toBe('+46 8 22 40 20');
    const phone = definition.requests.channels.find((c) => c.kind === 'phone');
    expect(phone?.value.sv).toContain('08-22 40 20');
    expect(definition.requests.channels.map((c) => c.kind).sort()).toEqual(['e-mail', 'phone', 'post']);
    expect(definition.documents).toEqual([
      { id: 'notice', title: 'Micromedic AB personuppgiftspolicy', language: 'sv', role: 'notice' },
    ]);
  });

  it('names the DPO', () => {
    expect(definition.dpo).not.toBe('none');
    const dpo = definition.dpo as Exclude<ControllerDefinition['dpo'], 'none'>;
    expect(dpo.name).toBe('Arvid Tjomsland');
    expect(dpo.email).toBe('personuppgiftsansvarig@micromedic.se');
    expect(dpo.title?.sv).toMatch(/Personuppgiftsombud/);
  });

  it('shares contact data with the parent Ortomedic AS (Norway) on legitimate interest', () => {
    expect(definition.groupCompanies).toHaveLength(1);
    const [parent] = definition.groupCompanies;
    expect(parent.name).toBe('Ortomedic AS');
    expect(parent.relation).toBe('parent');
    expect(parent.country).toBe('NO');
    expect(parent.sharing?.basis).toBe('6(1)(f)');
    const register = definition.registers.find((r) => r.id === 'group-sharing');
    const recipients = Array.isArray(register?.recipients) ? register!.recipients : [];
    expect(recipients.find((r) => r.kind === 'group-company')?.country).toBe('NO');
  });

  it('is supervised by IMY, with current contacts, in Stockholm time', () => {
    const { jurisdiction } = definition;
    expect(jurisdiction.country).toBe('SE');
    expect(jurisdiction.timeZone).toBe('Europe/Stockholm');
    expect(jurisdiction.languages).toEqual(['sv', 'en']);
    expect(jurisdiction.art8Age).toBe(13);
    expect(jurisdiction.authority.abbreviation).toBe('IMY');
    expect(jurisdiction.authority.name).toBe('Integritetsskyddsmyndigheten');
    expect(jurisdiction.authority.email).toBe('imy@imy.se');
    expect(jurisdiction.authority.phone).toBe('+46 8 657 61 00');
    expect(jurisdiction.authority.web).toBe('https://www.imy.se');
    expect(jurisdiction.authority.address).toMatchObject({ street: 'Box 8114', postalCode: '104 20', city: 'Stockholm' });
    // The notice still prints the former name; it is kept as a claim about the notice only.
    expect(definition.notice.authorityName?.name).toBe('Datainspektionen');
  });

  it('requires a signed written request for access', () => {
    expect(definition.requests.identity.perRight?.A15).toBe('signed-written-request');
    expect(definition.requests.identity.default).not.toBe('signed-written-request');
  });

  it('states the rights the notice grants', () => {
    const rights = definition.rights.map((r) => r.right);
    for (const right of ['A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A21-2', 'A7-3', 'A77'] as const) {
      expect(rights).toContain(right);
    }
  });

  it('covers every data category by exactly one retention rule', () => {
    for (const register of definition.registers) {
      for (const category of register.dataCategories) {
        const rules = register.retention.filter((r) => r.categories.includes(category.id));
        expect({ register: register.id, category: category.id, rules: rules.length }).toEqual({
          register: register.id,
          category: category.id,
          rules: 1,
        });
      }
      for (const rule of register.retention) expect(rule.kind).not.toBe('as-long-as-necessary');
    }
  });

  it('keeps accounting records for the Swedish statutory period', () => {
    const register = definition.registers.find((r) => r.id === 'accounting');
    const rule = register?.retention[0];
    expect(rule).toMatchObject({
      kind: 'period',
      anchor: 'calendar-year-end-after-financial-year',
      period: NATIONAL_RULES.SE.accounting.period,
    });
    expect(rule?.ref).toContainEqual(expect.objectContaining({ source: 'SE-BFL', at: '7 kap. 2 §' }));
  });

  it('marks every retention period as assumed, the statutory one included: the notice gives none', () => {
    for (const register of definition.registers) {
      for (const rule of register.retention) {
        expect({ rule: rule.id, class: classOf(`registers[${register.id}].retention[${rule.id}]`) }).toEqual({ rule: rule.id, class: 'assumed' });
      }
    }
    const statutory = facts.find((f) => f.path === 'registers[accounting].retention[ac-statutory]')!;
    expect(statutory.refs).toContainEqual(expect.objectContaining({ source: 'SE-BFL', at: '7 kap. 2 §' }));
  });

  it('marks each fact a reader sees with who stands behind it', () => {
    const expected: [string, ProvenanceClass][] = [
      ['legalName', 'stated'],
      ['registryCode', 'stated'],
      ['contact', 'stated'],
      ['dpo', 'stated'],
      ['requests.channels[0]', 'stated'],
      // The notice's own bases: direct marketing to active customers, and the sharing with the parent.
      ['registers[marketing].purposes[direct-marketing].legalBases[0]', 'stated'],
      ['registers[group-sharing].purposes[group-offers].legalBases[0]', 'stated'],
      ['registers[accounting].purposes[bookkeeping].legalBases[0]', 'stated'],
      // Replaced because the law requires it: the authority's current name; identity checks Regula offers beyond signed paper.
      [rightPath('A77'), 'corrected'],
      [rightPath('A15'), 'corrected'],
      ['requests.identity', 'corrected'],
      // Filled in by Regula: bases the notice never assigned, periods, "no transfers", Norway, children, the e-mail channel.
      ['registers[service-administration].purposes[administer-services].legalBases[0]', 'assumed'],
      ['registers[personalisation].purposes[personalise-website].legalBases[0]', 'assumed'],
      ['registers[website-enquiries].dataCategories[wf-enquiry]', 'assumed'],
      ['registers[group-sharing].recipients[ortomedic]', 'assumed'],
      ['registers[service-administration].recipients[cloud-providers]', 'assumed'],
      ['groupCompanies[0]', 'stated'],
      ['groupCompanies[0].country', 'assumed'],
      ['children', 'assumed'],
      ['policyChanges', 'assumed'],
      [rightPath('A20'), 'assumed'],
      ['registers[personalisation].cookies[0]', 'assumed'],
      ['registers[service-development].cookies[0]', 'assumed'],
      // The law: the authority, the national act, the time limits.
      ['jurisdiction.authority', 'law'],
      ['jurisdiction.nationalAct', 'law'],
      ['requests.responseMonths', 'law'],
    ];
    expect(expected.map(([path]) => [path, classOf(path)])).toEqual(expected);
    for (const register of definition.registers) expect([register.id, classOf(`registers[${register.id}].transfers`)]).toEqual([register.id, 'assumed']);
    // Every marker says why.
    for (const f of facts.filter((x) => x.provenance.class === 'assumed' || x.provenance.class === 'corrected')) {
      expect({ path: f.path, note: (f.provenance.decidedBy?.note ?? '').length > 20 }).toEqual({ path: f.path, note: true });
    }
    // Nothing is unknown: every gap has a default the controller can confirm.
    expect(facts.filter((f) => f.provenance.class === 'unknown').map((f) => f.path)).toEqual([]);
  });

  it('states facts only in what readers see: no talk about the notice or the modelling', () => {
    const seen = facts.filter((f) => f.sections.length > 0).flatMap((f) => stringsOf(f.value).map((s) => ({ ...s, path: f.path })));
    // The registers' own texts (name, description, location) and the DPIA reasons reach the record and the descriptions.
    const exported = textsIn(definition.registers).flatMap(({ path, text }) => Object.entries(text).map(([lang, t]) => ({ lang, text: String(t), path })));
    expect(seen.length).toBeGreaterThan(200);
    const talk = [...seen, ...exported].filter(({ lang, text }) => (NOTICE_TALK[lang as 'en' | 'sv'] ?? []).some((re) => re.test(text)));
    expect(talk).toEqual([]);
  });

  it('lists the cookies the notice describes, so the policy no longer says there are none', () => {
    const cookies = definition.registers.flatMap((r) => (Array.isArray(r.cookies) ? r.cookies.map((c) => ({ register: r.id, category: c.category, basis: c.basis, firstParty: c.firstParty })) : []));
    expect(cookies).toEqual([
      { register: 'service-development', category: 'statistics', basis: 'consent', firstParty: true },
      { register: 'personalisation', category: 'marketing', basis: 'consent', firstParty: true },
    ]);
    for (const lang of ['sv', 'en'] as const) {
      const section = buildPolicyModel(definition, lang).sections.cookies;
      expect(section.none).toBe(false);
      expect(section.cookies.map((c) => c.name.fallback)).toEqual([false, false]);
    }
    expect(buildPolicyModel(definition, 'sv').sections.cookies.cookies.map((c) => c.name.text)).toEqual(['Kakor för analys', 'Kakor för personifiering']);
  });

  it('records that the promised table of purposes and periods is missing', () => {
    const warnings = (definition.notice.remarks ?? []).filter((r) => r.severity === 'warning');
    expect(warnings.some((r) => /table/.test(r.text.en))).toBe(true);
  });

  it('has every Text in Swedish and English', () => {
    expect(textsIn(definition).length).toBeGreaterThan(100);
    expect(textsMissingLanguages(definition, ['sv', 'en'])).toEqual([]);
  });

  it('uses a primary colour readable with white text (WCAG 4.5:1)', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(definition.branding.displayName).toBe('Micromedic');
    expect(1.05 / (luminance(definition.branding.primaryColor) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
