import { InvalidInputError } from '@regula/platform';
import { LANGS } from '@regula/engine';
import { FIRST_VERSION_SUMMARY, checkedSummary, summaryIn, summaryProblems } from './change-summary';

describe('change summaries per language', () => {
  it('names each published language without its own text as a field', () => {
    expect(summaryProblems(['en', 'lv'], { en: 'Calls are recorded.' })).toEqual([expect.stringMatching(/^changeSummary\.lv is missing/)]);
    expect(summaryProblems(['en', 'lv'], { en: 'Calls are recorded.', lv: '  ' })).toEqual([expect.stringMatching(/^changeSummary\.lv is missing/)]);
    expect(summaryProblems(['en', 'et', 'lt'], {})).toHaveLength(3);
    expect(summaryProblems(['en', 'lv'], { en: 'ok', lv: 'Zvani tiek ierakstīti.' })).toEqual(['changeSummary.en must be 3 to 2000 characters']);
    expect(summaryProblems(['en', 'lv'], { en: 'Calls.', lv: 'Zvani.', sv: 'Samtal.' })).toEqual([expect.stringMatching(/^changeSummary\.sv: the policy is not published in 'sv'/)]);
  });

  it('refuses one text for every language', () => {
    expect(summaryProblems(['en', 'lv'], 'Calls are recorded.')).toEqual([expect.stringMatching(/^changeSummary must be one text per published language/)]);
    expect(() => checkedSummary(['en', 'lv'], 'Calls are recorded.')).toThrow(InvalidInputError);
  });

  it('keeps the texts, trimmed, in the policy\'s languages', () => {
    expect(checkedSummary(['en', 'lv'], { lv: ' Zvani tiek ierakstīti. ', en: 'Calls are recorded.\n' })).toEqual({ en: 'Calls are recorded.', lv: 'Zvani tiek ierakstīti.' });
  });

  it('gives a reader the summary in their language or none, never another language\'s', () => {
    expect(summaryIn({ en: 'Calls are recorded.', lv: 'Zvani tiek ierakstīti.' }, 'lv')).toBe('Zvani tiek ierakstīti.');
    expect(summaryIn({ en: 'Calls are recorded.' }, 'lv')).toBeNull();
    expect(summaryIn(null, 'en')).toBeNull();
  });

  it('has the first version\'s summary in every language Regula speaks', () => {
    for (const lang of LANGS) expect(FIRST_VERSION_SUMMARY[lang].length).toBeGreaterThan(10);
  });
});
