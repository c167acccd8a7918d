import { COUNTRY_CATALOGUE } from '../catalog/countries/catalogue';
import { CheckedCountry } from '../catalog/national-rules';
import { Country } from '../schema/jurisdiction';
import {
  DeadlineContext, computeDeadline, extendedDeadline, hoursDeadline, oneMonthDeadline, suspendedDayCount,
  workingDaysDeadline,
} from './deadline';

const ALL: CheckedCountry[] = ['EE', 'LT', 'LV', 'SE'];

function ctx(country: Country, received: string, suspensions?: { from: string; to: string }[]): DeadlineContext {
  return {
    country,
    timeZone: COUNTRY_CATALOGUE[country].timeZone.zone,
    received: new Date(received),
    suspensions: suspensions?.map((s) => ({ from: new Date(s.from), to: new Date(s.to) })),
  };
}

describe('one month (GDPR Art. 12(3), Regulation 1182/71 Art. 3)', () => {
  describe('EDPB Guidelines 01/2022 examples', () => {
    it('received 5 March: due 5 April', () => {
      // 2027: 5 April is a Monday and no holiday anywhere.
      for (const c of ALL) expect(oneMonthDeadline(ctx(c, '2027-03-05T10:00:00Z')).dueDate).toBe('2027-04-05');
    });

    it('received 31 August: due 30 September (the month has no 31st)', () => {
      for (const c of ALL) {
        const d = oneMonthDeadline(ctx(c, '2026-08-31T10:00:00Z'));
        expect(d.nominalDate).toBe('2026-09-30');
        expect(d.dueDate).toBe('2026-09-30');
        expect(d.shifted).toEqual([]);
      }
    });
  });

  describe('worked examples (Regulation 1182/71)', () => {
    it('Sat 31 Jan 2026: nominal Sat 28 Feb, due Mon 2 Mar 2026 in all four countries', () => {
      for (const c of ALL) {
        const d = oneMonthDeadline(ctx(c, '2026-01-31T10:00:00Z'));
        expect(d.receivedDate).toBe('2026-01-31');
        expect(d.nominalDate).toBe('2026-02-28');
        expect(d.dueDate).toBe('2026-03-02');
        expect(d.shifted).toEqual([
          { date: '2026-02-28', reason: 'Saturday' },
          { date: '2026-03-01', reason: 'Sunday' },
        ]);
      }
    });

    it('Mon 31 Jan 2028: due Tue 29 Feb 2028 (leap year)', () => {
      for (const c of ALL) {
        const d = oneMonthDeadline(ctx(c, '2028-01-31T10:00:00Z'));
        expect(d.nominalDate).toBe('2028-02-29');
        expect(d.dueDate).toBe('2028-02-29');
      }
    });

    it('Thu 5 Mar 2026: nominal Sun 5 Apr (Easter); EE Mon 6 Apr, LT/LV/SE Tue 7 Apr (Easter Monday)', () => {
      const expected: Record<CheckedCountry, string> = { EE: '2026-04-06', LT: '2026-04-07', LV: '2026-04-07', SE: '2026-04-07' };
      for (const c of ALL) {
        const d = oneMonthDeadline(ctx(c, '2026-03-05T10:00:00Z'));
        expect(d.nominalDate).toBe('2026-04-05');
        expect(d.dueDate).toBe(expected[c]);
        expect(d.shifted[0]).toEqual({ date: '2026-04-05', reason: 'Sunday, public holiday: Easter Sunday' });
      }
      expect(oneMonthDeadline(ctx('LT', '2026-03-05T10:00:00Z')).shifted[1]).toEqual({ date: '2026-04-06', reason: 'public holiday: Easter Monday' });
    });

    it('Sat 23 May 2026: nominal Tue 23 Jun; EE, LV Thu 25 Jun; LT, SE Tue 23 Jun', () => {
      const expected: Record<CheckedCountry, string> = { EE: '2026-06-25', LT: '2026-06-23', LV: '2026-06-25', SE: '2026-06-23' };
      for (const c of ALL) {
        const d = oneMonthDeadline(ctx(c, '2026-05-23T10:00:00Z'));
        expect(d.nominalDate).toBe('2026-06-23');
        expect(d.dueDate).toBe(expected[c]);
      }
      expect(oneMonthDeadline(ctx('EE', '2026-05-23T10:00:00Z')).shifted.map((s) => s.date)).toEqual(['2026-06-23', '2026-06-24']);
    });

    it('Wed 20 May 2026, SE: nominal Sat 20 Jun (Midsummer Day), due Mon 22 Jun', () => {
      const d = oneMonthDeadline(ctx('SE', '2026-05-20T10:00:00Z'));
      expect(d.nominalDate).toBe('2026-06-20');
      expect(d.dueDate).toBe('2026-06-22');
      expect(d.shifted).toEqual([
        { date: '2026-06-20', reason: 'Saturday, public holiday: Midsummer Day' },
        { date: '2026-06-21', reason: 'Sunday' },
      ]);
    });
  });

  it('ends at 23:59:59.999 local time of the due date, in summer and winter time', () => {
    // EE 6 Apr 2026 is summer time (+03:00).
    expect(oneMonthDeadline(ctx('EE', '2026-03-05T10:00:00Z')).dueAt.toISOString()).toBe('2026-04-06T20:59:59.999Z');
    // SE 2 Mar 2026 is winter time (+01:00).
    expect(oneMonthDeadline(ctx('SE', '2026-01-31T10:00:00Z')).dueAt.toISOString()).toBe('2026-03-02T22:59:59.999Z');
  });

  it('takes the local date of receipt: 23:30 UTC is already the next day in Tallinn', () => {
    const d = oneMonthDeadline(ctx('EE', '2026-03-04T23:30:00Z'));
    expect(d.receivedDate).toBe('2026-03-05');
    expect(d.dueDate).toBe('2026-04-06');
    // The same instant in a UTC controller zone is still 4 March: nominal Sat 4 April.
    const utc = computeDeadline({ ...ctx('EE', '2026-03-04T23:30:00Z'), timeZone: 'UTC', period: { kind: 'months', months: 1 } });
    expect(utc.receivedDate).toBe('2026-03-04');
    expect(utc.nominalDate).toBe('2026-04-04');
  });

  it('crosses DST changes: received in summer time, due after the autumn change', () => {
    // Received Fri 25 Sep 2026 (summer time); nominal Sun 25 Oct, the night clocks go back.
    const d = oneMonthDeadline(ctx('SE', '2026-09-25T08:00:00+02:00'));
    expect(d.nominalDate).toBe('2026-10-25');
    expect(d.dueDate).toBe('2026-10-26');
    expect(d.dueAt.toISOString()).toBe('2026-10-26T22:59:59.999Z');
    // Received the spring-forward night itself, just after the change.
    const s = oneMonthDeadline(ctx('EE', '2026-03-29T01:30:00Z'));
    expect(s.receivedDate).toBe('2026-03-29');
    expect(s.dueDate).toBe('2026-04-29');
  });

  it('crosses the year end', () => {
    // Received 31 Dec 2026: 31 Jan 2027 is a Sunday.
    for (const c of ALL) expect(oneMonthDeadline(ctx(c, '2026-12-31T10:00:00Z')).dueDate).toBe('2027-02-01');
    // Received 2 Dec 2026: 2 Jan 2027 is a Saturday.
    for (const c of ALL) expect(oneMonthDeadline(ctx(c, '2026-12-02T10:00:00Z')).dueDate).toBe('2027-01-04');
    // Received 1 Dec 2026: New Year's Day (Friday), then the weekend.
    const d = oneMonthDeadline(ctx('LV', '2026-12-01T10:00:00Z'));
    expect(d.dueDate).toBe('2027-01-04');
    expect(d.shifted.map((s) => s.reason)).toEqual(["public holiday: New Year's Day", 'Saturday', 'Sunday']);
  });

  it('moves past Christmas in each country', () => {
    // Nominal Thu 24 Dec 2026: Christmas Eve is a public holiday in EE, LT, LV, not in SE.
    for (const c of ['EE', 'LT', 'LV'] as const) {
      const d = oneMonthDeadline(ctx(c, '2026-11-24T10:00:00Z'));
      expect(d.dueDate).toBe('2026-12-28');
      expect(d.shifted.map((s) => s.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27']);
    }
    expect(oneMonthDeadline(ctx('SE', '2026-11-24T10:00:00Z')).dueDate).toBe('2026-12-24');
    // Nominal Fri 25 Dec 2026: Christmas Day everywhere.
    for (const c of ALL) {
      const d = oneMonthDeadline(ctx(c, '2026-11-25T10:00:00Z'));
      expect(d.dueDate).toBe('2026-12-28');
      expect(d.shifted[0]).toEqual({ date: '2026-12-25', reason: 'public holiday: Christmas Day' });
    }
  });

  it('does not move for Swedish Midsummer Eve (a bank day, not a public holiday)', () => {
    const d = oneMonthDeadline(ctx('SE', '2026-05-19T10:00:00Z'));
    expect(d.nominalDate).toBe('2026-06-19');
    expect(d.dueDate).toBe('2026-06-19');
    expect(d.shifted).toEqual([]);
  });

  it('explains each step with its legal reference', () => {
    const text = oneMonthDeadline(ctx('EE', '2026-03-05T10:00:00Z')).explanation.join('\n');
    expect(text).toContain('2026-03-05 (Thursday)');
    expect(text).toContain('GDPR Art. 12(3)');
    expect(text).toContain('Regulation 1182/71 Art. 3(1)');
    expect(text).toContain('Regulation 1182/71 Art. 3(2)(c)');
    expect(text).toContain('Easter Sunday');
    expect(text).toContain('Regulation 1182/71 Art. 3(4)');
    expect(text).toContain('2026-04-06 (Monday)');
    expect(oneMonthDeadline(ctx('EE', '2026-08-31T10:00:00Z')).explanation.join('\n')).toContain('no day 31, so its last day');
  });
});

describe('extended deadline: three months from receipt (GDPR Art. 12(3))', () => {
  it('received 31 Jan 2026: 30 Apr 2026, not the shifted one-month date plus two months', () => {
    for (const c of ALL) {
      expect(oneMonthDeadline(ctx(c, '2026-01-31T10:00:00Z')).dueDate).toBe('2026-03-02');
      const d = extendedDeadline(ctx(c, '2026-01-31T10:00:00Z'));
      expect(d.nominalDate).toBe('2026-04-30');
      expect(d.dueDate).toBe('2026-04-30');
    }
  });

  it('clamps and shifts like the one-month period', () => {
    // Received 30 Nov 2026: 28 Feb 2027 (no 30 Feb), a Sunday: Mon 1 Mar.
    const d = extendedDeadline(ctx('EE', '2026-11-30T10:00:00Z'));
    expect(d.nominalDate).toBe('2027-02-28');
    expect(d.dueDate).toBe('2027-03-01');
    expect(d.explanation.join('\n')).toMatch(/three months from receipt/);
  });
});

describe('working days (Regulation 1182/71 Art. 2(2), 3(1), 3(3))', () => {
  it('Latvia: 3 working days from Thu 30 Apr 2026 skip 1 May, the weekend and 4 May', () => {
    const d = workingDaysDeadline(ctx('LV', '2026-04-30T10:00:00Z'), 3);
    expect(d.dueDate).toBe('2026-05-07');
    expect(d.nominalDate).toBe('2026-05-07');
    expect(d.shifted).toEqual([]);
    expect(d.explanation.join('\n')).toContain('2026-05-04 (public holiday: Restoration of Independence day)');
    // Estonia has no holiday on 4 May.
    expect(workingDaysDeadline(ctx('EE', '2026-04-30T10:00:00Z'), 3).dueDate).toBe('2026-05-06');
  });

  it('does not count the day of receipt, even a working day', () => {
    expect(workingDaysDeadline(ctx('EE', '2026-03-05T10:00:00Z'), 1).dueDate).toBe('2026-03-06');
    // Received on a Saturday: Monday is the first working day.
    expect(workingDaysDeadline(ctx('EE', '2026-01-31T10:00:00Z'), 1).dueDate).toBe('2026-02-02');
  });

  it('over the year end: New Year\'s Eve is a holiday in LV, a bank day in SE', () => {
    expect(workingDaysDeadline(ctx('LV', '2026-12-30T10:00:00Z'), 1).dueDate).toBe('2027-01-04');
    expect(workingDaysDeadline(ctx('SE', '2026-12-30T10:00:00Z'), 1).dueDate).toBe('2026-12-31');
  });
});

describe('hours (GDPR Art. 33(1)): exact, never shifted', () => {
  it('72 hours over a weekend (and the spring DST change) end exactly 72 hours later', () => {
    const d = hoursDeadline(ctx('SE', '2026-03-27T10:00:00Z'));
    expect(d.dueAt.toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(d.dueDate).toBe('2026-03-30');
    expect(d.shifted).toEqual([]);
  });

  it('ending on a Sunday and a public holiday stays there', () => {
    const d = hoursDeadline(ctx('EE', '2026-04-02T09:00:00+03:00'), 72);
    expect(d.dueAt.toISOString()).toBe('2026-04-05T06:00:00.000Z');
    expect(d.dueDate).toBe('2026-04-05');
    expect(d.nominalDate).toBe('2026-04-05');
  });

  it('gives the local due date: 22:30 UTC is the next day in Riga', () => {
    const d = computeDeadline({ ...ctx('LV', '2026-06-01T22:30:00Z'), period: { kind: 'hours', hours: 72 } });
    expect(d.receivedDate).toBe('2026-06-02');
    expect(d.dueDate).toBe('2026-06-05');
  });

  it('refuses suspensions', () => {
    expect(() => hoursDeadline(ctx('EE', '2026-04-02T09:00:00Z', [{ from: '2026-04-02T10:00:00Z', to: '2026-04-03T10:00:00Z' }]))).toThrow(/hours/);
  });
});

describe('suspensions (GDPR Art. 12(6), EDPB Guidelines 01/2022 §159)', () => {
  it('adds the whole local days the clock stood still before the holiday shift', () => {
    // Received Thu 5 Mar 2026; asked for ID Fri 6 Mar 09:00, got it Mon 9 Mar 15:00: 7 and 8 March stood still whole = 2 days.
    const d = oneMonthDeadline(ctx('EE', '2026-03-05T10:00:00Z', [{ from: '2026-03-06T09:00:00+02:00', to: '2026-03-09T15:00:00+02:00' }]));
    expect(d.suspendedDays).toBe(2);
    expect(d.nominalDate).toBe('2026-04-07');
    expect(d.dueDate).toBe('2026-04-07');
    expect(d.explanation.join('\n')).toContain('EDPB Guidelines 01/2022 §159');
  });

  it('counts overlapping suspensions once', () => {
    // 7, 8 March (first) and 9 March (second; 8 March already counted).
    const d = oneMonthDeadline(ctx('EE', '2026-03-05T10:00:00Z', [
      { from: '2026-03-06T09:00:00+02:00', to: '2026-03-09T09:00:00+02:00' },
      { from: '2026-03-08T09:00:00+02:00', to: '2026-03-10T09:00:00+02:00' },
    ]));
    expect(d.suspendedDays).toBe(3);
    expect(d.dueDate).toBe('2026-04-08');
  });

  it('counts nothing for a suspension within one local day, and never the day of receipt', () => {
    const tz = 'Europe/Tallinn';
    const receipt = { year: 2026, month: 3, day: 5 };
    expect(suspendedDayCount([{ from: new Date('2026-03-06T08:00:00Z'), to: new Date('2026-03-06T15:00:00Z') }], tz, receipt)).toBe(0);
    expect(suspendedDayCount([{ from: new Date('2026-03-05T11:00:00Z'), to: new Date('2026-03-07T09:00:00Z') }], tz, receipt)).toBe(1);
    // Local days, not UTC days: 22:00 UTC on 5 March is 00:00 on 6 March in Tallinn, so 6 March stood still whole.
    expect(suspendedDayCount([{ from: new Date('2026-03-05T22:00:00Z'), to: new Date('2026-03-06T22:30:00Z') }], tz, receipt)).toBe(1);
    // Half an hour later the stop began after the start of 6 March: no whole day.
    expect(suspendedDayCount([{ from: new Date('2026-03-05T22:30:00Z'), to: new Date('2026-03-06T22:30:00Z') }], tz, receipt)).toBe(0);
  });

  it('counts a day split between two stops that meet (a document rejected at the moment another stop ends) as stood still whole', () => {
    const tz = 'Europe/Tallinn';
    const receipt = { year: 2026, month: 3, day: 5 };
    // 9 March 10:00 to 11 March 12:00, then 11 March 12:00 to 13 March 10:00: 10, 11 and 12 March stood still whole.
    expect(suspendedDayCount([
      { from: new Date('2026-03-11T10:00:00Z'), to: new Date('2026-03-13T08:00:00Z') },
      { from: new Date('2026-03-09T08:00:00Z'), to: new Date('2026-03-11T10:00:00Z') },
    ], tz, receipt)).toBe(3);
  });

  it('ten minutes across midnight add no day', () => {
    // Riga, winter time (UTC+2): 23:55 on 9 March to 00:05 on 10 March.
    const d = oneMonthDeadline(ctx('LV', '2026-03-05T10:00:00Z', [{ from: '2026-03-09T21:55:00Z', to: '2026-03-09T22:05:00Z' }]));
    expect(d.suspendedDays).toBe(0);
    expect(d.dueDate).toBe(oneMonthDeadline(ctx('LV', '2026-03-05T10:00:00Z')).dueDate);
  });

  it('a stop of two whole days adds two', () => {
    // Tallinn: Mon 9 March 10:00 to Thu 12 March 10:00 stood still on the whole of 10 and 11 March.
    const d = oneMonthDeadline(ctx('EE', '2026-03-05T10:00:00Z', [{ from: '2026-03-09T10:00:00+02:00', to: '2026-03-12T10:00:00+02:00' }]));
    expect(d.suspendedDays).toBe(2);
    expect(d.nominalDate).toBe('2026-04-07'); // 5 Apr + 2
  });

  it('next to Easter: only the days stood still are added, then Regulation 1182/71 Art. 3(4) moves the new last day', () => {
    // Riga, received Mon 2 Mar 2026: due Thu 2 Apr, the day before Good Friday.
    const received = '2026-03-02T10:00:00Z';
    expect(oneMonthDeadline(ctx('LV', received)).dueDate).toBe('2026-04-02');
    // Ten minutes across midnight: still Thu 2 Apr (counting the touched date would give 3 Apr, then Easter: Tue 7 Apr).
    const tenMinutes = oneMonthDeadline(ctx('LV', received, [{ from: '2026-03-10T21:55:00Z', to: '2026-03-10T22:05:00Z' }]));
    expect(tenMinutes.suspendedDays).toBe(0);
    expect(tenMinutes.dueDate).toBe('2026-04-02');
    // One whole day (12 March) stood still: the new last day is Good Friday, moved past Easter to Tue 7 Apr.
    const oneDay = oneMonthDeadline(ctx('LV', received, [{ from: '2026-03-11T21:00:00Z', to: '2026-03-12T23:00:00Z' }]));
    expect(oneDay.suspendedDays).toBe(1);
    expect(oneDay.nominalDate).toBe('2026-04-03');
    expect(oneDay.shifted.map((s) => s.date)).toEqual(['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06']);
    expect(oneDay.dueDate).toBe('2026-04-07');
    const text = oneDay.explanation.join('\n');
    expect(text).toMatch(/stood still on 1 whole day .*GDPR Art\. 12\(6\).*Regulation 1182\/71 Art\. 3\(4\) applies/);
    expect(text.indexOf('stood still')).toBeLessThan(text.indexOf('Not a working day'));
  });

  it('shifts a suspended end that lands on a holiday', () => {
    // 11 March stood still whole: 5 Apr + 1 = Easter Monday.
    const d = oneMonthDeadline(ctx('LV', '2026-03-05T10:00:00Z', [{ from: '2026-03-10T10:00:00Z', to: '2026-03-12T10:00:00Z' }]));
    expect(d.nominalDate).toBe('2026-04-06');
    expect(d.shifted).toEqual([{ date: '2026-04-06', reason: 'public holiday: Easter Monday' }]);
    expect(d.dueDate).toBe('2026-04-07');
  });

  it('applies to working-day periods too', () => {
    // 6 and 7 May stood still whole.
    const d = workingDaysDeadline(ctx('LV', '2026-04-30T10:00:00Z', [{ from: '2026-05-05T10:00:00Z', to: '2026-05-08T10:00:00Z' }]), 3);
    expect(d.suspendedDays).toBe(2);
    // 7 May + 2 = Sat 9 May: moves to Mon 11 May.
    expect(d.nominalDate).toBe('2026-05-09');
    expect(d.dueDate).toBe('2026-05-11');
  });

  it('rejects a suspension that ends before it starts', () => {
    expect(() => oneMonthDeadline(ctx('EE', '2026-03-05T10:00:00Z', [{ from: '2026-03-09T10:00:00Z', to: '2026-03-08T10:00:00Z' }]))).toThrow(RangeError);
  });
});

describe('input checks', () => {
  it('rejects bad periods, dates and zones', () => {
    const base = ctx('EE', '2026-03-05T10:00:00Z');
    expect(() => computeDeadline({ ...base, period: { kind: 'months', months: 0 } })).toThrow(RangeError);
    expect(() => computeDeadline({ ...base, period: { kind: 'working-days', days: 1.5 } })).toThrow(RangeError);
    expect(() => computeDeadline({ ...base, period: { kind: 'hours', hours: -1 } })).toThrow(RangeError);
    expect(() => computeDeadline({ ...base, received: new Date('nope'), period: { kind: 'months', months: 1 } })).toThrow(RangeError);
    expect(() => computeDeadline({ ...base, timeZone: 'Mars/Olympus', period: { kind: 'months', months: 1 } })).toThrow(/time zone/);
  });
});

describe('countries of the catalogue beyond the checked ones (their holidays from date-holidays)', () => {
  it('Finland: a month ending on Christmas Day moves past Christmas, Boxing Day and the weekend', () => {
    // received Wednesday 25 November 2026; 25 December is a Friday
    const d = oneMonthDeadline(ctx('FI', '2026-11-25T10:00:00Z'));
    expect(d.nominalDate).toBe('2026-12-25');
    expect(d.dueDate).toBe('2026-12-28');
    expect(d.shifted.map((s) => s.date)).toEqual(['2026-12-25', '2026-12-26', '2026-12-27']);
    expect(d.shifted[0].reason).toBe('public holiday: Christmas Day');
    expect(d.dueAt.toISOString()).toBe('2026-12-28T21:59:59.999Z'); // 23:59:59.999 in Helsinki (UTC+2)
  });

  it('Finland: working days from the Thursday before Midsummer skip Midsummer Day, not Midsummer Eve', () => {
    // received Thursday 24 June 2027; Midsummer Eve (Friday 25) is no public holiday, Midsummer Day is Saturday 26
    const d = workingDaysDeadline(ctx('FI', '2027-06-24T10:00:00Z'), 2);
    expect(d.dueDate).toBe('2027-06-28');
    expect(d.explanation.join(' ')).toContain('2027-06-26 (Saturday, public holiday: Midsummer Day)');
  });

  it('Finland: Independence Day (6 December) is a holiday there and not in Estonia', () => {
    // received Saturday 6 November 2027; 6 December 2027 is a Monday
    expect(oneMonthDeadline(ctx('FI', '2027-11-06T10:00:00Z')).dueDate).toBe('2027-12-07');
    expect(oneMonthDeadline(ctx('EE', '2027-11-06T10:00:00Z')).dueDate).toBe('2027-12-06');
  });

  it('Spain: a month ending on the Fiesta Nacional (12 October) moves to the next day', () => {
    // received Sunday 12 September 2027; 12 October 2027 is a Tuesday
    const d = oneMonthDeadline(ctx('ES', '2027-09-12T10:00:00Z'));
    expect(d.dueDate).toBe('2027-10-13');
    expect(d.shifted).toHaveLength(1);
    expect(d.shifted[0].date).toBe('2027-10-12');
  });

  it('Germany: a month ending on Whit Monday moves to Tuesday', () => {
    // received Saturday 17 April 2027; Whit Monday is 17 May 2027
    expect(oneMonthDeadline(ctx('DE', '2027-04-17T10:00:00Z')).dueDate).toBe('2027-05-18');
  });
});
