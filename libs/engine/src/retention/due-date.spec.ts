import { NATIONAL_RULES } from '../catalog/national-rules';
import {
  ConditionsRetentionRule, PeriodRetentionRule, RetentionCondition, UnenforceableRetentionRule,
} from '../schema/retention';
import { addDuration, resolveAnchor, retentionDueAt } from './due-date';

const TALLINN = 'Europe/Tallinn';
const STOCKHOLM = 'Europe/Stockholm';
const base = { id: 'r', categories: ['c'], description: { en: 'rule' }, action: 'erase' as const, ref: [] };

function period(anchor: PeriodRetentionRule['anchor'], p: PeriodRetentionRule['period']): PeriodRetentionRule {
  return { ...base, kind: 'period', anchor, period: p };
}

function conditions(conds: Omit<RetentionCondition, 'label' | 'ref'>[], then: ConditionsRetentionRule['then']): ConditionsRetentionRule {
  return { ...base, kind: 'conditions', conditions: conds.map((c) => ({ ...c, label: { en: c.id }, ref: [] })), then };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('addDuration', () => {
  it('adds months on the local date, clamping to the month end, keeping the wall-clock time', () => {
    // 31 Jan 2026 12:00 in Tallinn + 1 month = 28 Feb 2026 12:00.
    expect(iso(addDuration(new Date('2026-01-31T10:00:00Z'), { months: 1 }, TALLINN))).toBe('2026-02-28T10:00:00.000Z');
    // 10:00 winter time + 3 months = 10:00 summer time: one hour less in UTC.
    expect(iso(addDuration(new Date('2026-01-15T08:00:00Z'), { months: 3 }, TALLINN))).toBe('2026-04-15T07:00:00.000Z');
    // 29 Feb 2024 + 1 year = 28 Feb 2025; + 1 year 1 month = 29 Mar 2025 (years and months together).
    expect(iso(addDuration(new Date('2024-02-29T10:00:00Z'), { years: 1 }, TALLINN))).toBe('2025-02-28T10:00:00.000Z');
    expect(iso(addDuration(new Date('2024-02-29T10:00:00Z'), { years: 1, months: 1 }, TALLINN))).toBe('2025-03-29T10:00:00.000Z');
  });

  it('uses the local date, not the UTC date', () => {
    // 30 Mar 22:30 UTC is 31 Mar 01:30 in Tallinn: + 1 month = 30 Apr 01:30 (April has no 31st).
    expect(iso(addDuration(new Date('2026-03-30T22:30:00Z'), { months: 1 }, TALLINN))).toBe('2026-04-29T22:30:00.000Z');
    // In UTC the same instant is 30 Mar: + 1 month = 30 Apr 22:30.
    expect(iso(addDuration(new Date('2026-03-30T22:30:00Z'), { months: 1 }, 'UTC'))).toBe('2026-04-30T22:30:00.000Z');
  });

  it('adds calendar days across the year end and hours as exact elapsed time', () => {
    expect(iso(addDuration(new Date('2026-12-31T10:00:00Z'), { days: 1 }, TALLINN))).toBe('2027-01-01T10:00:00.000Z');
    // 24 hours over the spring change are 24 real hours (wall clock 01:00 later).
    expect(iso(addDuration(new Date('2026-03-28T10:00:00Z'), { hours: 24 }, TALLINN))).toBe('2026-03-29T10:00:00.000Z');
    // One calendar day over the same change keeps the wall clock (23 real hours).
    expect(iso(addDuration(new Date('2026-03-28T10:00:00Z'), { days: 1 }, TALLINN))).toBe('2026-03-29T09:00:00.000Z');
    expect(iso(addDuration(new Date('2026-03-28T10:00:00Z'), {}, TALLINN))).toBe('2026-03-28T10:00:00.000Z');
  });

  it('adds minutes as exact elapsed time, after the calendar fields and with the hours', () => {
    expect(iso(addDuration(new Date('2026-03-05T10:00:00Z'), { minutes: 1 }, TALLINN))).toBe('2026-03-05T10:01:00.000Z');
    expect(iso(addDuration(new Date('2026-03-05T10:00:00Z'), { minutes: 30 }, TALLINN))).toBe('2026-03-05T10:30:00.000Z');
    // Like hours, minutes need not be whole: half a minute is 30 seconds.
    expect(iso(addDuration(new Date('2026-03-05T10:00:00Z'), { minutes: 0.5 }, TALLINN))).toBe('2026-03-05T10:00:30.000Z');
    // 90 minutes over the spring change are 90 real minutes: 02:30 -> 05:00 on the Tallinn wall clock.
    expect(iso(addDuration(new Date('2026-03-29T00:30:00Z'), { minutes: 90 }, TALLINN))).toBe('2026-03-29T02:00:00.000Z');
    // One calendar day keeps the wall clock over the change (23 real hours), then 1 hour 30 minutes elapse.
    expect(iso(addDuration(new Date('2026-03-28T10:00:00Z'), { days: 1, hours: 1, minutes: 30 }, TALLINN))).toBe('2026-03-29T10:30:00.000Z');
  });

  it('rejects negative or non-finite hours and minutes', () => {
    expect(() => addDuration(new Date('2026-01-01T00:00:00Z'), { minutes: -1 }, TALLINN)).toThrow(/duration\.minutes/);
    expect(() => addDuration(new Date('2026-01-01T00:00:00Z'), { minutes: Number.NaN }, TALLINN)).toThrow(RangeError);
    expect(() => addDuration(new Date('2026-01-01T00:00:00Z'), { hours: Number.POSITIVE_INFINITY }, TALLINN)).toThrow(/duration\.hours/);
  });

  it('rejects negative or fractional calendar fields', () => {
    expect(() => addDuration(new Date('2026-01-01T00:00:00Z'), { months: -1 }, TALLINN)).toThrow(RangeError);
    expect(() => addDuration(new Date('2026-01-01T00:00:00Z'), { years: 1.5 }, TALLINN)).toThrow(RangeError);
    expect(() => addDuration(new Date('nope'), { years: 1 }, TALLINN)).toThrow(RangeError);
  });
});

describe('retentionDueAt', () => {
  it('period: anchor + period, due at the end of that local day', () => {
    const rule = period('collected', { years: 3 });
    expect(iso(retentionDueAt(rule, { collected: new Date('2026-03-05T10:00:00Z') }, { timeZone: TALLINN }))).toBe('2029-03-05T21:59:59.999Z');
    // Summer time at the end: +03:00.
    expect(iso(retentionDueAt(period('collected', { months: 6 }), { collected: new Date('2026-01-31T10:00:00Z') }, { timeZone: TALLINN }))).toBe(
      '2026-07-31T20:59:59.999Z',
    );
    // Month-end clamping: 31 Aug + 1 month = 30 Sep.
    expect(iso(retentionDueAt(period('contract-ended', { months: 1 }), { 'contract-ended': new Date('2026-08-31T10:00:00Z') }, { timeZone: TALLINN }))).toBe(
      '2026-09-30T20:59:59.999Z',
    );
  });

  it('period: minutes that cross local midnight move the due date to the next day', () => {
    // 5 Mar 21:50 UTC is 23:50 in Tallinn; + 30 minutes = 00:20 on 6 Mar, due at the end of 6 Mar.
    expect(iso(retentionDueAt(period('collected', { minutes: 30 }), { collected: new Date('2026-03-05T21:50:00Z') }, { timeZone: TALLINN }))).toBe(
      '2026-03-06T21:59:59.999Z',
    );
    // The same 30 minutes from 23:20 stay within 5 Mar.
    expect(iso(retentionDueAt(period('collected', { minutes: 30 }), { collected: new Date('2026-03-05T21:20:00Z') }, { timeZone: TALLINN }))).toBe(
      '2026-03-05T21:59:59.999Z',
    );
  });

  it('period: null while the anchor has not happened', () => {
    expect(retentionDueAt(period('account-closed', { years: 1 }), { collected: new Date('2026-03-05T10:00:00Z') }, { timeZone: TALLINN })).toBeNull();
  });

  it('EE: 7 years from the end of the financial year containing the collection (Accounting Act § 12)', () => {
    const ee = NATIONAL_RULES.EE.accounting;
    const rule = period(ee.anchor, ee.period);
    const opts = { timeZone: NATIONAL_RULES.EE.timeZone };
    expect(iso(retentionDueAt(rule, { collected: new Date('2026-03-05T10:00:00Z') }, opts))).toBe('2033-12-31T21:59:59.999Z');
    // 31 Dec 23:30 UTC is already 1 Jan in Tallinn: the next financial year.
    expect(iso(retentionDueAt(rule, { collected: new Date('2026-12-31T23:30:00Z') }, opts))).toBe('2034-12-31T21:59:59.999Z');
  });

  it('derives the financial-year end from a non-calendar financial year', () => {
    const opts = { timeZone: TALLINN, financialYearEnd: '06-30' };
    expect(iso(resolveAnchor('financial-year-end', { collected: new Date('2026-03-05T10:00:00Z') }, opts))).toBe('2026-06-30T20:59:59.999Z');
    expect(iso(resolveAnchor('financial-year-end', { collected: new Date('2026-06-30T20:00:00Z') }, opts))).toBe('2026-06-30T20:59:59.999Z');
    expect(iso(resolveAnchor('financial-year-end', { collected: new Date('2026-06-30T21:30:00Z') }, opts))).toBe('2027-06-30T20:59:59.999Z');
    // '02-29' means the last day of February.
    expect(iso(resolveAnchor('financial-year-end', { collected: new Date('2026-01-10T10:00:00Z') }, { timeZone: 'UTC', financialYearEnd: '02-29' }))).toBe(
      '2026-02-28T23:59:59.999Z',
    );
    expect(resolveAnchor('financial-year-end', {}, opts)).toBeNull();
    expect(() => resolveAnchor('financial-year-end', { collected: new Date() }, { timeZone: TALLINN, financialYearEnd: '13-01' })).toThrow(/MM-DD/);
  });

  it('SE: 7 years after the end of the calendar year in which the financial year ended (Bokföringslagen 7:2)', () => {
    const se = NATIONAL_RULES.SE.accounting;
    const rule = period(se.anchor, se.period);
    // Calendar financial year: FY 2026 ends 31 Dec 2026; + 7 years.
    expect(iso(retentionDueAt(rule, { collected: new Date('2026-03-05T10:00:00Z') }, { timeZone: STOCKHOLM }))).toBe('2033-12-31T22:59:59.999Z');
    // Broken financial year ending 30 June: collected March 2026 -> FY ends 30 Jun 2026 -> 31 Dec 2026.
    const broken = { timeZone: STOCKHOLM, financialYearEnd: '06-30' };
    expect(iso(retentionDueAt(rule, { collected: new Date('2026-03-05T10:00:00Z') }, broken))).toBe('2033-12-31T22:59:59.999Z');
    // Collected August 2026 -> FY ends 30 Jun 2027 -> 31 Dec 2027 -> 2034.
    expect(iso(retentionDueAt(rule, { collected: new Date('2026-08-01T10:00:00Z') }, broken))).toBe('2034-12-31T22:59:59.999Z');
  });

  it('uses explicit anchors over derived ones', () => {
    const rule = period('financial-year-end', { years: 5 });
    const anchors = { collected: new Date('2026-03-05T10:00:00Z'), 'financial-year-end': new Date('2026-09-30T20:59:59.999Z') };
    expect(iso(retentionDueAt(rule, anchors, { timeZone: 'Europe/Riga' }))).toBe('2031-09-30T20:59:59.999Z');
    // The calendar-year anchor follows an explicit financial-year end.
    expect(iso(resolveAnchor('calendar-year-end-after-financial-year', anchors, { timeZone: 'Europe/Riga' }))).toBe('2026-12-31T21:59:59.999Z');
  });

  it('conditions: null while any condition has not ended', () => {
    const rule = conditions([{ id: 'contract', endsAt: 'contract-ended' }, { id: 'consent', endsAt: 'consent-withdrawn' }], { days: 30 });
    expect(retentionDueAt(rule, { 'contract-ended': new Date('2026-03-05T10:00:00Z') }, { timeZone: TALLINN })).toBeNull();
  });

  it('conditions: the latest of (anchor + plus), then + then', () => {
    const rule = conditions(
      [
        { id: 'contract', endsAt: 'contract-ended', plus: { years: 3 } }, // limitation period
        { id: 'consent', endsAt: 'consent-withdrawn' },
      ],
      { days: 30 },
    );
    const anchors = { 'contract-ended': new Date('2026-03-05T10:00:00Z'), 'consent-withdrawn': new Date('2028-06-01T10:00:00Z') };
    // contract: 5 Mar 2029 beats consent: 1 Jun 2028; + 30 days = 4 Apr 2029, end of day (summer time).
    expect(iso(retentionDueAt(rule, anchors, { timeZone: TALLINN }))).toBe('2029-04-04T20:59:59.999Z');
    // Consent withdrawn later still: 1 Jun 2030 + 30 days = 1 Jul 2030.
    expect(iso(retentionDueAt(rule, { ...anchors, 'consent-withdrawn': new Date('2030-06-01T10:00:00Z') }, { timeZone: TALLINN }))).toBe(
      '2030-07-01T20:59:59.999Z',
    );
  });

  it('conditions: a zero grace period ends with the day the last condition ended', () => {
    const rule = conditions([{ id: 'account', endsAt: 'account-closed' }], { days: 0 });
    expect(iso(retentionDueAt(rule, { 'account-closed': new Date('2026-03-05T10:00:00Z') }, { timeZone: TALLINN }))).toBe('2026-03-05T21:59:59.999Z');
    expect(retentionDueAt(conditions([], { days: 0 }), {}, { timeZone: TALLINN })).toBeNull();
  });

  it('as-long-as-necessary: null (not enforceable)', () => {
    const rule: UnenforceableRetentionRule = { ...base, kind: 'as-long-as-necessary' };
    expect(retentionDueAt(rule, { collected: new Date('2026-03-05T10:00:00Z') }, { timeZone: TALLINN })).toBeNull();
  });
});
