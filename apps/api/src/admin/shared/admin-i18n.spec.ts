import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTIONS } from '@regula/audit';
import { LANGS } from '@regula/engine';
import { catalogKeys } from '../../web/i18n';
import { placeholdersOf, pluralSelectors } from '../../web/icu-message';

type Catalog = Parameters<typeof catalogKeys>[0];
const parsed = new Map<string, Catalog>();
/** A catalogue, parsed once (the checks below look up every key of every language). */
const catalog = (lang: string) => {
  let c = parsed.get(lang);
  if (!c) parsed.set(lang, (c = JSON.parse(readFileSync(path.join(__dirname, '..', 'i18n', `${lang}.json`), 'utf8')) as Catalog));
  return c;
};
/** The string at a dotted key of a catalogue. */
const valueAt = (c: Catalog, key: string): string => key.split('.').reduce<string | Catalog>((n, k) => (n as Catalog)[k], c) as string;

describe('dashboard UI strings', () => {
  const en = new Set(catalogKeys(catalog('en')));
  it.each(LANGS.filter((l) => l !== 'en'))('%s: every key of English, and no other', (lang) => {
    const keys = catalogKeys(catalog(lang));
    expect(keys.filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(LANGS)("%s: every audit action code has its label (the audit log names actions in words, never by code)", (lang) => {
    const c = catalog(lang);
    const missing = AUDIT_ACTIONS.filter((code) => {
      const label = (() => {
        try {
          return valueAt(c, `audit.actions.${code}`);
        } catch {
          return undefined;
        }
      })();
      return typeof label !== 'string' || !label.trim() || label.includes(code);
    });
    expect(missing).toEqual([]);
  });

  it('placeholders match English', () => {
    for (const lang of LANGS) {
      const c = catalog(lang);
      for (const key of catalogKeys(c)) {
        const value = valueAt(c, key);
        const english = valueAt(catalog('en'), key);
        expect({ lang, key, vars: placeholdersOf(value) }).toEqual({ lang, key, vars: placeholdersOf(english) });
      }
    }
  });

  it("each plural has a branch for every plural category of its language, and no other", () => {
    for (const lang of LANGS) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
      const c = catalog(lang);
      for (const key of catalogKeys(c)) {
        const value = valueAt(c, key);
        for (const p of pluralSelectors(value)) {
          expect({ lang, key, arg: p.name, selectors: p.selectors.filter((s) => !s.startsWith('=')).sort() }).toEqual({ lang, key, arg: p.name, selectors: categories });
        }
      }
    }
  });

  it('no count is followed by a plural written with "(s)"', () => {
    for (const key of catalogKeys(catalog('en'))) {
      const value = valueAt(catalog('en'), key);
      expect({ key, value: /\w\(s\)/.test(value) }).toEqual({ key, value: false });
    }
  });
});
