import { TENANTS } from '@regula/tenants';
import type { Lang, Ref, Register } from '@regula/engine';
import { LANGS, lintController, publishedLanguages, registerFromTemplate } from '@regula/engine';
import { FormBody, formBodyOf } from './form-body';
import { readSection } from './form-read';
import { attachKey, findingField } from './finding-fields';
import { SECTION_KEYS } from './register-sections';

const newRef: Ref = { source: 'confirmation', at: '2026-03-01, admin@x (compliance-admin)', note: 'entered in the register form' };

describe('register form <-> register', () => {
  const all = TENANTS.flatMap((def) => def.registers.map((reg) => ({ slug: def.slug, reg, langs: publishedLanguages(def) })));

  it.each(SECTION_KEYS)('%s: the form of every seed register, posted unchanged, gives the same register', (section) => {
    for (const { slug, reg, langs } of all) {
      const out = readSection(reg, section, formBodyOf(reg, section, langs), { langs, newRef });
      expect({ slug, id: reg.id, errors: out.errors }).toEqual({ slug, id: reg.id, errors: [] });
      expect({ slug, id: reg.id, reg: out.register }).toEqual({ slug, id: reg.id, reg });
    }
  });

  const langs: Lang[] = ['en', 'et'];
  const reg = () => registerFromTemplate('staff-payroll', 'staff', 'EE');

  it('changes a text in one language, keeps the refs and the other languages', () => {
    const body = formBodyOf(reg(), 'purposes', langs);
    body['i.0.name.et'] = 'Töösuhe';
    const out = readSection(reg(), 'purposes', body, { langs, newRef }).register;
    expect(out.purposes[0].name).toEqual({ ...reg().purposes[0].name, et: 'Töösuhe' });
    expect(out.purposes[0].ref).toEqual(reg().purposes[0].ref);
    expect(out.purposes[0].name.lv).toBe(reg().purposes[0].name.lv);
  });

  it('adds an item from the blank row (an id from its English name, stated by the person), removes one ticked "remove", ignores a blank row', () => {
    const body: FormBody = {
      ...formBodyOf(reg(), 'categories', langs),
      'i.0.remove': 'on',
      'i.5.name.en': 'Sick leave', 'i.5.name.et': 'Haigusleht', 'i.5.fields.en': 'Dates of sick leave', 'i.5.fields.et': 'Haiguslehe kuupäevad', 'i.5.providedBySubject': 'on', 'i.5.sources': ['source'],
      'i.6.name.en': '', 'i.6.fields.en': '', 'i.6.sources': [],
    };
    const { register, errors } = readSection(reg(), 'categories', body, { langs, newRef });
    expect(errors).toEqual([]);
    expect(register.dataCategories.map((c) => c.id)).toEqual(['pay', 'sick-leave']);
    expect(register.dataCategories[1]).toEqual({ id: 'sick-leave', name: { en: 'Sick leave', et: 'Haigusleht' }, fields: { en: 'Dates of sick leave', et: 'Haiguslehe kuupäevad' }, required: false, providedBySubject: true, sources: ['source'], ref: [newRef] });
  });

  it('a legal basis: the law of a legal obligation gets a ref, an Art. 9 condition only when chosen; a new basis from its blank row', () => {
    const body = formBodyOf(reg(), 'purposes', langs);
    Object.assign(body, { 'i.0.legalBases.2.article': '6(1)(f)', 'i.0.legalBases.2.description.en': 'Our interest', 'i.0.legalBases.2.legitimateInterest.en': 'Running the payroll', 'i.0.legalBases.2.art9.condition': '' });
    const out = readSection(reg(), 'purposes', body, { langs, newRef });
    expect(out.errors).toEqual([]);
    const bases = out.register.purposes[0].legalBases;
    expect(bases).toHaveLength(3);
    expect(bases[1].legalObligation?.ref).toEqual(reg().purposes[0].legalBases[1].legalObligation?.ref);
    expect(bases[2]).toEqual({ article: '6(1)(f)', description: { en: 'Our interest' }, legitimateInterest: { en: 'Running the payroll' }, ref: [newRef] });
  });

  it('retention keeps the fields of its kind; a cookie is "session" or has a duration', () => {
    const body = formBodyOf(reg(), 'retention', langs);
    Object.assign(body, { 'i.0.kind': 'conditions', 'i.0.then.days': '30', 'i.0.conditions.0.label.en': 'The contract is in force', 'i.0.conditions.0.endsAt': 'contract-ended' });
    const out = readSection(reg(), 'retention', body, { langs, newRef });
    expect(out.errors).toEqual([]);
    expect(out.register.retention[0]).toMatchObject({ kind: 'conditions', then: { days: 30 }, conditions: [{ id: 'the-contract-is-in-force', endsAt: 'contract-ended', label: { en: 'The contract is in force' }, ref: [newRef] }] });
    expect(out.register.retention[0]).not.toHaveProperty('anchor');
    const site = registerFromTemplate('website-analytics', 'site', 'EE');
    const cookies = formBodyOf(site, 'cookies', langs);
    expect(cookies['i.0.expiry.years']).toBe('1');
    cookies['i.0.session'] = 'on';
    expect(readSection(site, 'cookies', cookies, { langs, newRef }).register.cookies).toMatchObject([{ expiry: 'session' }]);
  });

  it('"none" for recipients, with its ref; "none" beside an item is an error', () => {
    const body: FormBody = { ...formBodyOf(reg(), 'recipients', langs), 'i.0.remove': 'on', none: 'on' };
    const out = readSection(reg(), 'recipients', body, { langs, newRef });
    expect(out.register.recipients).toBe('none');
    expect(out.register.fieldRefs?.recipients).toEqual([newRef]);
    const both = readSection(reg(), 'recipients', { ...formBodyOf(reg(), 'recipients', langs), none: 'on' }, { langs, newRef });
    expect(both.errors).toEqual([{ key: 'none', code: 'noneWithItems' }]);
  });

  it('a transfer with no safeguard chosen has safeguard null (which the linter refuses for publishing), not a missing field', () => {
    const body: FormBody = { 'i.0.recipients': [], 'i.0.destination.en': 'United States', 'i.0.safeguard': '', 'i.0.safeguardDetail.en': 'None yet' };
    const out = readSection(reg(), 'transfers', body, { langs, newRef });
    expect(out.errors).toEqual([]);
    expect(out.register.transfers).toEqual([{ id: 'transfer', recipients: [], destination: { en: 'United States' }, safeguard: null, safeguardDetail: { en: 'None yet' }, ref: [newRef] }]);
  });

  it('names the field of each input it cannot take', () => {
    const body = formBodyOf(reg(), 'subjects', langs);
    Object.assign(body, { 'i.0.kind': 'alien', 'i.0.name.en': '', 'i.0.name.et': 'Töötajad', 'i.9.was': '9' });
    expect(readSection(reg(), 'subjects', body, { langs, newRef }).errors).toEqual([
      { key: 'i.0.kind', code: 'choice' },
      { key: 'i.0.name', code: 'english' },
      { key: 'i.9', code: 'unknownItem' },
    ]);
    const r = formBodyOf(reg(), 'retention', langs);
    Object.assign(r, { 'i.0.period.years': 'ten', 'i.0.categories': ['../x'] });
    expect(readSection(reg(), 'retention', r, { langs, newRef }).errors).toEqual([{ key: 'i.0.categories', code: 'ids' }, { key: 'i.0.period', code: 'number' }, { key: 'i.0.period', code: 'required' }]);
    const o = formBodyOf(reg(), 'overview', langs);
    o['o.name.en'] = 'x'.repeat(5001);
    expect(readSection(reg(), 'overview', o, { langs, newRef }).errors).toEqual([{ key: 'o.name', code: 'tooLong' }]);
  });

  it('each text has an input for each language the controller publishes in', () => {
    const body = formBodyOf(reg(), 'overview', LANGS);
    expect(Object.keys(body).filter((k) => k.startsWith('o.name.'))).toEqual(['o.name.en', 'o.name.et', 'o.name.lt', 'o.name.sv', 'o.name.lv']);
  });
});

describe('a finding beside its field', () => {
  const def = TENANTS.find((d) => d.slug === 'inomedis')!;
  const clients = def.registers.find((r) => r.id === 'clients') as Register;

  it('maps the linter\'s paths to the form\'s keys, by the items\' ids', () => {
    const purpose = clients.purposes[1];
    expect(findingField(`registers[clients].purposes[${purpose.id}].legalBases[0].legitimateInterest`, 'clients', clients)).toEqual({ section: 'purposes', key: 'i.1.legalBases.0.legitimateInterest' });
    expect(findingField('registers[clients].security', 'clients', clients)).toEqual({ section: 'security', key: 'section' });
    expect(findingField('registers[clients].name.lv', 'clients', clients)).toEqual({ section: 'overview', key: 'o.name.lv' });
    expect(findingField('registers[clients].dpia.reason', 'clients', clients)).toEqual({ section: 'dpia', key: 'o.reason' });
    expect(findingField('registers[clients].dataCategories[0]', 'clients', clients)).toEqual({ section: 'categories', key: 'i.0' });
    expect(findingField('registers[marketing].purposes[x]', 'clients', clients)).toBeUndefined();
    expect(findingField('registers[clients]', 'clients', clients)).toEqual({ section: 'overview', key: 'section' });
  });

  it('every finding of every seed register lands on a section the form has', () => {
    for (const d of TENANTS) {
      for (const f of lintController(d)) {
        const id = /^registers\[([^\]]+)\]/.exec(f.path)?.[1];
        const reg = d.registers.find((r) => r.id === id);
        if (!reg) continue;
        expect(SECTION_KEYS).toContain(findingField(f.path, reg.id, reg)?.section);
      }
    }
  });

  it('attaches to the field, the first field below, the nearest item shown, else the section', () => {
    const shown = ['i.0', 'i.0.name', 'i.0.legalBases.0', 'i.0.legalBases.0.legalObligation.law'];
    expect(attachKey('i.0.name', shown)).toBe('i.0.name');
    expect(attachKey('i.0.name.lv', shown)).toBe('i.0.name');
    expect(attachKey('i.0.legalBases.0.legalObligation', shown)).toBe('i.0.legalBases.0.legalObligation.law');
    expect(attachKey('i.0.legalBases.0.citedInNotice', shown)).toBe('i.0.legalBases.0');
    expect(attachKey('i.4.name', shown)).toBe('section');
  });
});
