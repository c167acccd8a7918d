import { TENANTS } from '@regula/tenants';
import { LANGS, POLICY_SECTIONS, lintController } from '@regula/engine';
import { seed000AsPublished, SOFTERA_STATED_IN_TEST, confirmedForTest } from '@regula/engine/testing';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { renderForPublishing } from './policy-publisher';

describe('renderForPublishing', () => {
  it.each(TENANTS.map((t) => [t.slug, t] as const))('publishes %s in every language once its facts are confirmed, or refuses it for the linter\'s legal errors only', (slug, def) => {
    expect(renderForPublishing(def).ok).toBe(false); // what Regula assumed is not published before a person confirms it
    const confirmed = confirmedForTest(def, slug === 'softera-baltic' ? SOFTERA_STATED_IN_TEST : {});
    const errors = lintController(confirmed).filter((f) => f.severity === 'error');
    const result = renderForPublishing(confirmed);
    expect(result.ok).toBe(errors.length === 0);
    if (result.ok) expect(result.policies.map((p) => p.lang).sort()).toEqual([...new Set(['en', ...def.jurisdiction.languages])].sort());
    else expect(result.problems.map((p) => p.code)).toEqual(errors.map(() => 'lint-error'));
  });

  it('publishes a tenant whose notice has no legal flaw the linter refuses (Medical Management), once its facts are confirmed', () => {
    expect(renderForPublishing(confirmedForTest(TENANTS.find((t) => t.slug === 'medical-management')!)).ok).toBe(true);
  });

  it('refuses seed 000 (the broken notice) with its empty sections', () => {
    const result = renderForPublishing(seed000AsPublished());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const empty = [...new Set(result.problems.filter((p) => p.code === 'empty-section').map((p) => p.section))].sort();
      expect(empty).toEqual(['cookies', 'data-and-subjects', 'purposes-and-bases', 'recipients', 'retention', 'rights']);
      expect(result.problems.some((p) => p.code === 'lint-error')).toBe(true);
    }
  });
});

describe('templates', () => {
  const root = path.join(__dirname, '..', 'templates');
  const langs = LANGS.filter((l) => existsSync(path.join(root, l, 'policy.hbs')));

  it.each(langs.map((l) => [l]))('%s has a partial for every section and nothing else', (lang) => {
    const files = readdirSync(path.join(root, lang, 'partials', 'sections')).map((f) => f.replace(/\.hbs$/, '')).sort();
    expect(files).toEqual([...POLICY_SECTIONS].sort());
  });

  it('every golden file belongs to a tenant and a language with templates', () => {
    const golden = readdirSync(path.join(__dirname, '__golden__'));
    for (const file of golden) {
      const [slug, lang] = file.split('.');
      expect(TENANTS.map((t) => t.slug)).toContain(slug);
      expect(langs).toContain(lang);
    }
  });
});
