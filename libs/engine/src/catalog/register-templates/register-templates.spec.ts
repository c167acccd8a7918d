import { validController } from '../../linter/fixtures/valid-controller.fixture';
import { definitionErrors, publicationErrors } from '../../linter/finding';
import { missingLanguages, refsIn, textsIn } from '../../linter/inspect';
import { lintController } from '../../linter/lint-controller';
import { provenanceOf } from '../../provenance/provenance';
import { Country } from '../../schema/jurisdiction';
import { LANGS } from '../../schema/text';
import { REGISTER_TEMPLATES, blankRegister, isRegisterTemplateKey, registerFromTemplate } from './build';
import { REGISTER_TEMPLATE_KEYS } from './templates';
import { TEMPLATE_NOTE } from './template-ref';

/** The valid fixture with `reg` as one more register. */
function withRegister(reg: ReturnType<typeof registerFromTemplate>) {
  const def = validController();
  return { ...def, registers: [...def.registers, reg] };
}

describe('register templates', () => {
  it('offers the eight common processing activities, each named and described in all five languages', () => {
    expect(REGISTER_TEMPLATES.map((t) => t.key)).toEqual(['customer-contracts', 'accounting', 'newsletter', 'website-analytics', 'video-surveillance', 'job-applicants', 'staff-payroll', 'supplier-contacts']);
    for (const t of REGISTER_TEMPLATES) {
      expect(missingLanguages(t.name, LANGS)).toEqual([]);
      expect(missingLanguages(t.description, LANGS)).toEqual([]);
    }
    expect(isRegisterTemplateKey('newsletter')).toBe(true);
    expect(isRegisterTemplateKey('nothing')).toBe(false);
  });

  it.each(REGISTER_TEMPLATE_KEYS)('%s: a register the schema holds (no definition error), every text in all five languages, every value assumed', (key) => {
    for (const country of ['EE', 'LT', 'LV', 'SE', 'DE'] as Country[]) {
      const reg = registerFromTemplate(key, `t-${key}`, country);
      expect(reg.id).toBe(`t-${key}`);
      const findings = lintController(withRegister(reg)).filter((f) => f.path.startsWith(`registers[t-${key}]`));
      expect(definitionErrors(findings)).toEqual([]);
      for (const { path, text } of textsIn(reg)) expect({ path, missing: missingLanguages(text, LANGS) }).toEqual({ path, missing: [] });
      const refs = refsIn(reg);
      expect(refs.length).toBeGreaterThan(10);
      for (const { path, ref } of refs) {
        expect({ path, provenance: ref.provenance }).toEqual({ path, provenance: 'assumed' });
        expect(ref.note).toContain(TEMPLATE_NOTE);
        expect(provenanceOf([ref], []).class).toBe('assumed');
      }
    }
  });

  it('publishing is refused only by what a person must still confirm or decide, never by a gap in the template', () => {
    for (const key of REGISTER_TEMPLATE_KEYS) {
      const reg = registerFromTemplate(key, 'x', 'EE');
      const errors = publicationErrors(lintController(withRegister(reg))).filter((f) => f.path.startsWith('registers[x]'));
      expect({ key, errors: errors.map((f) => f.code) }).toEqual({ key, errors: [] });
    }
  });

  it('accounting: the checked countries\' accounting acts (Regula\'s national rules), else ten years, stated as assumed with the act to check', () => {
    const ee = registerFromTemplate('accounting', 'acc', 'EE').retention[0];
    expect(ee).toMatchObject({ kind: 'period', anchor: 'financial-year-end', period: { years: 7 } });
    expect(ee.ref[0]).toMatchObject({ source: 'EE-ACCOUNTING-ACT', at: '§ 12', provenance: 'assumed' });
    const se = registerFromTemplate('accounting', 'acc', 'SE').retention[0];
    expect(se).toMatchObject({ anchor: 'calendar-year-end-after-financial-year', period: { years: 7 } });
    expect(se.ref[0].source).toBe('SE-BFL');
    const lv = registerFromTemplate('accounting', 'acc', 'LV').retention[0];
    expect(lv.ref[0].note).toMatch(/verify/);
    const de = registerFromTemplate('accounting', 'acc', 'DE').retention[0];
    expect(de).toMatchObject({ anchor: 'financial-year-end', period: { years: 10 } });
    expect(de.ref[0]).toMatchObject({ source: 'GDPR', provenance: 'assumed' });
    expect(de.ref[0].note).toMatch(/not checked for DE: .*DE's accounting act/);
    // The legal obligation names the act in words and carries the same kind of ref.
    const basis = registerFromTemplate('accounting', 'acc', 'DE').purposes[0].legalBases[0];
    expect(basis.article).toBe('6(1)(c)');
    expect(basis.legalObligation?.law.et).toBe('Riigi raamatupidamise seadus');
  });

  it('a register from nothing: placeholders the schema holds, marked unknown, which refuse publishing until filled in', () => {
    const reg = blankRegister('new-one', { en: 'New one', et: 'Uus' });
    const findings = lintController(withRegister(reg)).filter((f) => f.path.startsWith('registers[new-one]'));
    expect(definitionErrors(findings)).toEqual([]);
    expect(publicationErrors(findings).map((f) => f.code)).toContain('art13-unknown');
    for (const { ref } of refsIn(reg)) expect(ref.provenance).toBe('unknown');
  });

  it('each call builds a new register (no shared objects a form could change)', () => {
    const a = registerFromTemplate('newsletter', 'a', 'EE');
    const b = registerFromTemplate('newsletter', 'b', 'EE');
    (a.retention[0] as { then: { days: number } }).then.days = 1;
    expect((b.retention[0] as { then: { days: number } }).then.days).toBe(30);
  });
});
