import { TENANTS } from '@regula/tenants';
import { Lang, LANGS, buildPolicyModel, publishedLanguages } from '@regula/engine';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PolicyRenderer } from './policy-renderer';

const renderer = new PolicyRenderer();
const GOLDEN = path.join(__dirname, '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

/** Every tenant in every language it publishes in that has templates. */
const cases: [string, Lang][] = TENANTS.flatMap((def) =>
  publishedLanguages(def).filter((lang) => renderer.hasLanguage(lang)).map((lang) => [def.slug, lang] as [string, Lang]),
);

function render(slug: string, lang: Lang) {
  const def = TENANTS.find((t) => t.slug === slug);
  if (!def) throw new Error(slug);
  return renderer.render(buildPolicyModel(def, lang));
}

describe('policy renderer: golden files', () => {
  it('has English templates', () => {
    expect(LANGS.filter((l) => renderer.hasLanguage(l))).toContain('en');
    expect(cases.length).toBeGreaterThanOrEqual(TENANTS.length);
  });

  it.each(cases)('%s in %s matches its golden file', (slug, lang) => {
    const { html, text } = render(slug, lang);
    expect(html).not.toContain('{{');
    expect(html).not.toContain('undefined');
    expect(text).not.toMatch(/<[a-z]/);
    for (let n = 1; n <= 14; n++) expect(html).toContain(`<h2>${n}. `);
    const file = path.join(GOLDEN, `${slug}.${lang}.html`);
    if (update) writeFileSync(file, html);
    expect(existsSync(file)).toBe(true);
    expect(html).toBe(readFileSync(file, 'utf8'));
  });
});

describe('policy renderer: facts', () => {
  it('names the authority with its full contacts', () => {
    for (const def of TENANTS) {
      const { html } = render(def.slug, 'en');
      const a = def.jurisdiction.authority;
      expect(html).toContain(a.name);
      expect(html).toContain(a.email);
      expect(html).toContain(a.phone);
      expect(html).toContain(`/t/${def.slug}/`);
    }
  });

  it('lists a Softera cookie with its expiry in the cookie table', () => {
    const { html } = render('softera-baltic', 'en');
    expect(html).toContain('<table class="cookies">');
    expect(html).toMatch(/<td>_gat_UA-34559195-2<\/td><td>Google Analytics<\/td><td>[^<]+<\/td><td>Statistics<\/td><td>1 minute<\/td>/);
  });

  it('states that a consent withdrawal takes effect on receipt, and Inomedis\' three working days as the limit for carrying it out', () => {
    expect(render('inomedis', 'en').text).toContain('the withdrawal takes effect as soon as it reaches us');
    expect(render('inomedis', 'en').text).toContain('We carry it out in our systems within 3 working days at the latest.');
  });

  it("names Micromedic's DPO", () => {
    const { text } = render('micromedic', 'en');
    expect(text).toContain('Arvid Tjomsland');
    expect(text).toContain('personuppgiftsansvarig@micromedic.se');
  });

  it('says there are no transfers when the registers say none', () => {
    expect(render('inomedis', 'en').text).toContain('We do not transfer your personal data');
  });

  it('marks a text that fell back to English', () => {
    const def = TENANTS.find((t) => t.slug === 'micromedic')!;
    const model = buildPolicyModel({ ...def, children: { ...def.children, statement: { en: 'English only.' } } }, 'sv');
    expect(renderer.render(model).html).toContain('<span lang="en" class="untranslated">English only.</span>');
  });

  it('lets a tenant override a section', () => {
    const os = require('node:os') as typeof import('node:os');
    const fs = require('node:fs') as typeof import('node:fs');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    fs.cpSync(path.join(__dirname, '..', 'templates'), path.join(root, 'libs', 'policies', 'templates'), { recursive: true });
    const dir = path.join(root, 'tenants', 'inomedis', 'policy', 'en', 'partials', 'sections');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'children.hbs'), '<p>Custom wording; minimum age {{minimumAge}}.</p>\n');
    const def = TENANTS.find((t) => t.slug === 'inomedis');
    const html = new PolicyRenderer({ rootDir: root }).render(buildPolicyModel(def!, 'en')).html;
    expect(html).toContain(`Custom wording; minimum age ${def!.children.minimumAge}.`);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
