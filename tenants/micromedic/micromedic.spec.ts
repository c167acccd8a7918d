import { ControllerDefinition, NATIONAL_RULES, lintController, textsIn, textsMissingLanguages } from '@regula/engine';
import { definition } from './index';

describe('Micromedic AB definition', () => {
  it('raises no definition errors, and publication errors exactly where the notice is flawed', () => {
    const findings = lintController(definition);
    // No error the schema cannot hold: the tenant syncs.
    expect(findings.filter((f) => f.severity === 'error' && f.kind === 'definition')).toEqual([]);
    // The legal flaws of the notice the registers state as the controller stated them: they refuse publishing
    // (facts nobody stated, art13-unknown, are the provenance specs' concern).
    expect(findings.filter((f) => f.severity === 'error' && f.code !== 'art13-unknown').map((f) => `${f.code} ${f.path}`)).toEqual(['request-form-disproportionate requests.identity.perRight.A15', 'change-clause-consent policyChanges.description']);
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

  it('marks every retention rule as statutory or default-to-verify', () => {
    for (const register of definition.registers) {
      for (const rule of register.retention) {
        const notes = rule.ref.map((r) => r.note ?? '').join(' ');
        expect({ rule: rule.id, labelled: /statutory|default-to-verify/.test(notes) }).toEqual({ rule: rule.id, labelled: true });
      }
    }
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
