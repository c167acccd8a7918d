import { DEFAULT_NOTICE_DAYS, noticeDays, proposedEffectiveDate } from './notice-period';

describe('proposedEffectiveDate', () => {
  it('leaves a material change the notice period, counted in the tenant calendar', () => {
    // 22:30 UTC on 6 Dec is already 7 Dec in Riga (UTC+2): the 30 days count from the Riga day.
    const now = new Date('2026-12-06T22:30:00Z');
    expect(proposedEffectiveDate(now, 'Europe/Riga', true, 30)).toBe('2027-01-06');
    expect(proposedEffectiveDate(now, 'UTC', true, 30)).toBe('2027-01-05');
  });

  it('crosses month ends and leap days', () => {
    expect(proposedEffectiveDate(new Date('2028-02-20T10:00:00Z'), 'Europe/Tallinn', true, 10)).toBe('2028-03-01');
    expect(proposedEffectiveDate(new Date('2027-02-20T10:00:00Z'), 'Europe/Tallinn', true, 10)).toBe('2027-03-02');
  });

  it('applies a change that is not material from today', () => {
    expect(proposedEffectiveDate(new Date('2026-12-06T22:30:00Z'), 'Europe/Vilnius', false, 30)).toBe('2026-12-07');
  });
});

describe('noticeDays', () => {
  it("takes the tenant's setting, else the default", () => {
    const def = (n?: number) => ({ policyChanges: { channels: [], archive: false, description: { en: 'x' }, ref: [], noticeDays: n } }) as never;
    expect(noticeDays(def(14))).toBe(14);
    expect(noticeDays(def(0))).toBe(0);
    expect(noticeDays(def())).toBe(DEFAULT_NOTICE_DAYS);
    expect(noticeDays(def(-3))).toBe(DEFAULT_NOTICE_DAYS);
    expect(DEFAULT_NOTICE_DAYS).toBe(30);
  });
});
