import { LANGS } from '../schema/text';
import { LINT_CODES } from './codes';
import { FINDING_TITLES, findingTitle, findingWords } from './finding-titles';

describe('findingTitle', () => {
  it('has a title for every code of the catalogue in every language, and no other', () => {
    expect(Object.keys(FINDING_TITLES).sort()).toEqual(Object.keys(LINT_CODES).sort());
    for (const code of Object.keys(LINT_CODES)) {
      for (const lang of LANGS) {
        const title = findingTitle(code, lang);
        expect({ code, lang, ok: title.trim().length > 10 && /[.]$/.test(title) }).toEqual({ code, lang, ok: true });
      }
    }
  });

  it('says it in the language itself: no title of another language equals the English one, and none carries the code', () => {
    for (const code of Object.keys(LINT_CODES)) {
      const en = findingTitle(code, 'en');
      expect(en).not.toContain(code);
      for (const lang of LANGS.filter((l) => l !== 'en')) {
        const title = findingTitle(code, lang);
        expect({ code, lang, same: title === en }).toEqual({ code, lang, same: false });
        expect(title).not.toContain(code);
      }
    }
  });

  it('gives a code outside the catalogue a title of its own in every language', () => {
    expect(findingTitle('malformed-register', 'lv')).toBe('Reģistru neizdevās pārbaudīt.');
    expect(findingTitle('malformed-register', 'en')).toBe('The register could not be checked.');
  });

  it('joins the place and the title into one sentence', () => {
    expect(findingWords('unknown-reference', 'Reģistrs “Klienti”, atsauce 1, avots', 'lv')).toBe('Reģistrs “Klienti”, atsauce 1, avots: atsauce nenorāda ne uz pārziņa dokumentu, ne uz zināmu tiesību aktu.');
    expect(findingWords('no-dpo', '', 'sv')).toBe('Inget dataskyddsombud har utsetts; kontrollera om det krävs.');
  });
});
