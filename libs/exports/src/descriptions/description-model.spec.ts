import { LANGS } from '@regula/engine';
import { findTenant } from '@regula/tenants';
import { DESCRIPTION_LABELS } from './description-labels';
import { descriptionHtml } from './description-html.builder';
import { buildDescriptionModel } from './description-model';

describe('register descriptions', () => {
  const def = findTenant('medical-management')!;
  const register = def.registers.find((r) => r.dataCategories.some((c) => c.required))!;

  it('have the eight numbered sections of the source document 001 layout in every language', () => {
    for (const lang of LANGS) {
      const m = buildDescriptionModel(def, register, lang, { asOf: '2026-11-21', timeZone: 'Europe/Tallinn', version: 3 });
      expect(m.sections.map((s) => `${s.n}. ${s.heading}`)).toEqual(DESCRIPTION_LABELS[lang].headings.map((h, i) => `${i + 1}. ${h}`));
      expect(m.stamp).toContain('2026-11-21');
      expect(m.stamp).toContain('3');
    }
    expect(new Set(LANGS.map((l) => DESCRIPTION_LABELS[l].headings[0])).size).toBe(LANGS.length);
  });

  it('star the data the contract requires and explain the star', () => {
    const m = buildDescriptionModel(def, register, 'en', { asOf: '2026-11-21', timeZone: 'Europe/Tallinn', version: 1 });
    const data = m.sections[2];
    const required = register.dataCategories.filter((c) => c.required);
    expect(data.items.filter((i) => /^[^:]*\*:/.test(i.text))).toHaveLength(required.length);
    expect(data.note).toBe(DESCRIPTION_LABELS.en.requiredNote);
  });

  it('are self-contained, escaped HTML', () => {
    const evil = structuredClone(register);
    evil.name = { ...evil.name, en: 'Clients <script>alert(1)</script>' };
    const html = descriptionHtml(buildDescriptionModel(def, evil, 'en', { asOf: '2026-11-21', timeZone: 'Europe/Tallinn', version: 1 }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Clients &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('<h2>8. Contact</h2>');
  });
});
