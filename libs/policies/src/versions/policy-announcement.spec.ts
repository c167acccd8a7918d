import { announcementFacts } from './policy-announcement';
import type { PolicyVersionSummary } from './policy-versions.service';

const v = (effectiveDate: string) => ({ number: 3, effectiveDate, changeSummary: { lt: 'Pokalbiai įrašomi.', en: 'Calls recorded.' } }) as unknown as PolicyVersionSummary;

describe('announcementFacts', () => {
  it('tells a version taking effect later from one in force, by the tenant\'s calendar day', () => {
    expect(announcementFacts(v('2026-12-01'), 'inomedis', 'lv', '2026-11-22').upcoming).toBe(true);
    expect(announcementFacts(v('2026-11-22'), 'inomedis', 'lv', '2026-11-22').upcoming).toBe(false);
  });

  it('links the public diff against the version before, in the language', () => {
    expect(announcementFacts(v('2026-11-22'), 'softera-baltic', 'lt', '2026-11-22')).toEqual({
      upcoming: false, number: 3, effectiveDate: '2026-11-22', summary: 'Pokalbiai įrašomi.', diffPath: '/t/softera-baltic/privacy/diff?lang=lt&from=2&to=3',
    });
  });

  it('gives the summary in the reader\'s language only, never another language\'s', () => {
    expect(announcementFacts(v('2026-11-22'), 'inomedis', 'en', '2026-11-22').summary).toBe('Calls recorded.');
    expect(announcementFacts(v('2026-11-22'), 'inomedis', 'lv', '2026-11-22').summary).toBeNull();
  });
});
