import { LANGS } from '@regula/engine';
import { PACK_LABELS } from './pack-labels';

describe("the evidence pack's oversight tables in the languages of the controllers", () => {
  it.each(LANGS)('%s: every heading, none empty, none left in English', (lang) => {
    const L = PACK_LABELS[lang];
    const en = PACK_LABELS.en;
    for (const key of ['requestLog', 'statistics', 'processors', 'dpias'] as const) {
      expect(L[key]).toHaveLength(en[key].length);
      for (const [i, h] of L[key].entries()) {
        expect(h.trim()).not.toBe('');
        if (lang !== 'en') expect({ key, i, h }).not.toEqual({ key, i, h: en[key][i] });
      }
    }
    expect(L.allTypes.trim()).not.toBe('');
    if (lang !== 'en') expect(L.allTypes).not.toBe(en.allTypes);
  });
});
