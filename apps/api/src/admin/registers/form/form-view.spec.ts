import type { Finding, Lang, Ref } from '@regula/engine';
import { registerFromTemplate } from '@regula/engine';
import { formBodyOf } from './form-body';
import { readSection } from './form-read';
import { findingsPerSection, sectionView } from './form-view';
import { readNewRegister } from './new-register.form';

const t = (key: string, vars?: Record<string, unknown>) => (vars ? `${key}${JSON.stringify(vars)}` : key);
const langs: Lang[] = ['en', 'lv'];
const newRef: Ref = { source: 'confirmation', at: '2026-03-01, admin@x', note: 'entered in the register form' };
const finding = (path: string, code: string, kind: Finding['kind'] = 'publication'): Finding => ({ code, severity: 'error', kind, path, message: code });

describe('a section form as the page shows it', () => {
  const reg = registerFromTemplate('video-surveillance', 'cctv', 'LV');

  it('shows each item with its fields, its id as a code, a remove box, and one blank row to add an item', () => {
    const view = sectionView({ reg, section: 'purposes', body: formBodyOf(reg, 'purposes', langs), langs, lang: 'en', t, errors: [], findings: [], refusesWords: () => undefined });
    expect(view.items.map((i) => [i.key, i.isNew, i.code])).toEqual([['i.0', false, 'purpose'], ['i.1', true, undefined]]);
    const name = view.items[0].controls.find((c) => c.key === 'i.0.name')!;
    expect(name.label).toBe('registers.form.f.purposes.name.label');
    expect(name.text!.inputs.map((x) => [x.name, x.value])).toEqual([['i.0.name.en', 'Safety of people and property'], ['i.0.name.lv', 'Cilvēku un īpašuma drošība']]);
    const bases = view.items[0].controls.find((c) => c.key === 'i.0.legalBases')!;
    expect(bases.list!.items.map((i) => i.key)).toEqual(['i.0.legalBases.0', 'i.0.legalBases.1']);
    expect(bases.list!.items[0].controls.find((c) => c.key === 'i.0.legalBases.0.legalObligation.law')!.label).toBe('registers.form.f.purposes.legalBases_legalObligationLaw.label');
    const categories = view.items[0].controls.find((c) => c.key === 'i.0.categories')!;
    expect(categories.ids!.options).toEqual([{ value: 'recordings', id: 'f-i-0-categories-0', words: 'Video recordings', checked: true }]);
    expect(view.items[0].remove).toEqual({ name: 'i.0.remove', id: 'f-i-0-remove' });
  });

  it('puts each finding beside the field its path names, the rest beside the section; errors beside their field', () => {
    const findings = [
      finding('registers[cctv].purposes[purpose].legalBases[0].legitimateInterest', 'legitimate-interest-missing'),
      finding('registers[cctv].purposes[purpose].name.lv', 'missing-translation'),
      finding('registers[cctv].purposes', 'empty-section', 'definition'),
      finding('registers[cctv].security', 'empty-section', 'definition'),
    ];
    const body = { ...formBodyOf(reg, 'purposes', langs), 'i.0.legalBases.0.article': '6(1)(z)' };
    const { errors } = readSection(reg, 'purposes', body, { langs, newRef });
    const view = sectionView({ reg, section: 'purposes', body, langs, lang: 'en', t, errors, findings, refusesWords: (f) => (f.kind === 'definition' ? 'refuses saving' : 'refuses publishing') });
    const basis = view.items[0].controls.find((c) => c.key === 'i.0.legalBases')!.list!.items[0];
    expect(basis.controls.find((c) => c.key === 'i.0.legalBases.0.legitimateInterest')!.findings.map((f) => [f.code, f.refuses])).toEqual([['legitimate-interest-missing', 'refuses publishing']]);
    expect(basis.controls.find((c) => c.key === 'i.0.legalBases.0.article')!.errors).toEqual(['registers.form.errors.choice']);
    expect(view.items[0].controls.find((c) => c.key === 'i.0.name')!.findings.map((f) => f.code)).toEqual(['missing-translation']);
    expect(view.findings.map((f) => f.code)).toEqual(['empty-section']);
    expect(view.findingCount).toBe(3);
    expect(view.errorLinks).toEqual([{ href: '#f-i-0-legalBases-0-article', text: 'registers.form.f.purposes.legalBases_article.label: registers.form.errors.choice' }]);
    expect(findingsPerSection(findings, reg)).toMatchObject({ purposes: 3, security: 1, overview: 0 });
  });

  it('says each finding in the page language, where in the register and what is wrong; the linter\'s English message on an English page only', () => {
    const findings = [finding('registers[cctv].purposes[purpose].legalBases[0].legitimateInterest', 'legitimate-interest-missing'), finding('registers[cctv].purposes', 'empty-section', 'definition')];
    const shown = (lang: Lang) => {
      const view = sectionView({ reg, section: 'purposes', body: formBodyOf(reg, 'purposes', langs), langs, lang, t, errors: [], findings, refusesWords: () => undefined });
      const basis = view.items[0].controls.find((c) => c.key === 'i.0.legalBases')!.list!.items[0];
      return [...basis.controls.find((c) => c.key === 'i.0.legalBases.0.legitimateInterest')!.findings, ...view.findings].map((f) => [f.words, f.detail]);
    };
    expect(shown('lv')).toEqual([
      ['Nolūks “Cilvēku un īpašuma drošība”, tiesiskais pamats 1, leģitīmās intereses: pamatā ir leģitīmās intereses, bet nav norādīts, kādas intereses tiek īstenotas.', undefined],
      ['Nolūki: saraksts ir tukšs; ja nekas neattiecas, norādiet, ka to nav.', undefined],
    ]);
    expect(shown('en')[0]).toEqual(['Purpose “Safety of people and property”, legal basis 1, legitimate interest: legitimate interests are relied on without saying which interest is pursued.', 'legitimate-interest-missing']);
  });
});

describe('the new-register form', () => {
  it('a template, its name kept unless one is typed; from nothing, the name needed in English; the key checked', () => {
    const a = readNewRegister({ key: 'cctv', template: 'video-surveillance', 'name.en': '', 'name.lv': '' }, langs, 'LV', 'lv');
    expect(a.ok && [a.register.name.lv, a.template, a.templateName]).toEqual(['Videonovērošana', 'video-surveillance', 'Videonovērošana']);
    const b = readNewRegister({ key: 'cctv', template: 'video-surveillance', 'name.en': 'Cameras', 'name.lv': 'Kameras' }, langs, 'LV', 'en');
    expect(b.ok && b.register.name).toMatchObject({ en: 'Cameras', lv: 'Kameras', et: 'Videovalve' });
    const c = readNewRegister({ key: 'new', template: 'blank', 'name.lv': 'Tikai latviski' }, langs, 'LV', 'en');
    expect(!c.ok && c.errors).toEqual([{ field: 'key', code: 'keyInvalid' }, { field: 'name', code: 'english' }]);
    const d = readNewRegister({ key: 'x', template: 'nonsense' }, langs, 'LV', 'en');
    expect(!d.ok && d.errors).toEqual([{ field: 'template', code: 'template' }]);
    const e = readNewRegister({ key: 'suppliers', template: 'blank', 'name.en': 'Suppliers' }, langs, 'LV', 'en');
    expect(e.ok && e.register.purposes[0].ref[0].provenance).toBe('unknown');
  });
});
