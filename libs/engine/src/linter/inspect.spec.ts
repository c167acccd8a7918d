import { validController } from './fixtures/valid-controller.fixture';
import { missingLanguages, publishedLanguages, refsIn, textsIn, textsMissingLanguages } from './inspect';
import { lintController } from './lint-controller';

describe('publishedLanguages', () => {
  it('is English and the jurisdiction languages, once each', () => {
    const def = validController();
    expect(publishedLanguages(def)).toEqual(['en', 'et']);
    def.jurisdiction.languages = ['lt', 'en', 'lt'];
    expect(publishedLanguages(def)).toEqual(['en', 'lt']);
  });
});

describe('missingLanguages', () => {
  it('lists absent and blank languages in the order asked for', () => {
    expect(missingLanguages({ en: 'Orders', et: 'Tellimused' }, ['et', 'en'])).toEqual([]);
    expect(missingLanguages({ en: 'Orders', et: '  ' }, ['lt', 'et', 'en'])).toEqual(['lt', 'et']);
    expect(missingLanguages({ en: '' }, ['en'])).toEqual(['en']);
  });
});

describe('textsMissingLanguages', () => {
  it('is empty for a complete definition', () => {
    expect(textsMissingLanguages(validController())).toEqual([]);
  });

  it('reports each incomplete text with its path and the languages it lacks', () => {
    const def = validController();
    delete def.registers[0].purposes[0].name.et;
    def.service.et = ' ';
    expect(textsMissingLanguages(def)).toEqual([
      { path: 'service', missing: ['et'] },
      { path: 'registers[customers].purposes[orders].name', missing: ['et'] },
    ]);
  });

  it('checks the languages asked for instead of the published ones', () => {
    const def = validController();
    const all = textsIn(def);
    const lt = textsMissingLanguages(def, ['et', 'lt']);
    expect(lt).toHaveLength(all.length);
    expect(lt.every((t) => t.missing.length === 1 && t.missing[0] === 'lt')).toBe(true);
  });

  it('finds the same texts as the missing-translation rule', () => {
    const def = validController();
    def.jurisdiction.languages = ['et', 'en', 'lv'];
    delete def.registers[0].name.et;
    const fromRule = lintController(def).filter((f) => f.code === 'missing-translation').map((f) => f.path).sort();
    const fromHelper = textsMissingLanguages(def).flatMap((t) => t.missing.map((lang) => `${t.path}.${lang}`)).sort();
    expect(fromHelper.length).toBeGreaterThan(10);
    expect(fromHelper).toEqual(fromRule);
  });
});

describe('textsIn and refsIn', () => {
  it('list every Text and every Ref with the paths the linter uses', () => {
    const def = validController();
    const texts = textsIn(def);
    expect(texts).toContainEqual({ path: 'service', text: def.service });
    expect(texts).toContainEqual({ path: 'registers[customers].purposes[orders].name', text: def.registers[0].purposes[0].name });
    // A Text is a leaf: nothing below it is listed again.
    expect(texts.every((t) => !texts.some((u) => u !== t && t.path.startsWith(`${u.path}.`)))).toBe(true);

    const refs = refsIn(def);
    expect(refs).toContainEqual({ path: 'contact.ref[0]', ref: { source: 'example-notice', at: '§ 1' } });
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.every(({ ref }) => typeof ref.source === 'string')).toBe(true);
  });
});
