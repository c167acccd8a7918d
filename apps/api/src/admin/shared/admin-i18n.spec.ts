import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGS } from '@regula/engine';
import { catalogKeys } from '../../web/i18n';

const catalog = (lang: string) => JSON.parse(readFileSync(path.join(__dirname, '..', 'i18n', `${lang}.json`), 'utf8'));

describe('dashboard UI strings', () => {
  const en = new Set(catalogKeys(catalog('en')));
  it.each(LANGS.filter((l) => l !== 'en'))('%s: every key of English, and no other', (lang) => {
    const keys = catalogKeys(catalog(lang));
    expect(keys.filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('placeholders match English', () => {
    for (const lang of LANGS) {
      const c = catalog(lang);
      for (const key of catalogKeys(c)) {
        const value = key.split('.').reduce((n, k) => n[k], c) as string;
        const english = key.split('.').reduce((n, k) => n[k], catalog('en')) as string;
        expect({ lang, key, vars: (value.match(/\{\w+\}/g) ?? []).sort() }).toEqual({ lang, key, vars: (english.match(/\{\w+\}/g) ?? []).sort() });
      }
    }
  });
});
