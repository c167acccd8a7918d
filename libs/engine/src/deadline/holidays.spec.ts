import { isPublicHoliday, isWorkingDay, publicHolidays, publicHolidaysOn } from './holidays';

describe('public holidays (Regulation 1182/71 Art. 2)', () => {
  it('knows Christmas in every country', () => {
    for (const c of ['EE', 'LT', 'LV', 'SE', 'NO'] as const) {
      expect(isPublicHoliday(c, 2026, 12, 25)).toBe(true);
      expect(isPublicHoliday(c, 2026, 12, 26)).toBe(true);
    }
    // Christmas Eve is a public holiday in EE, LT and LV, only a bank day in SE.
    expect(isPublicHoliday('EE', 2026, 12, 24)).toBe(true);
    expect(isPublicHoliday('LT', 2026, 12, 24)).toBe(true);
    expect(isPublicHoliday('LV', 2026, 12, 24)).toBe(true);
    expect(isPublicHoliday('SE', 2026, 12, 24)).toBe(false);
  });

  it('excludes the Swedish bank days and observances', () => {
    expect(isPublicHoliday('SE', 2026, 6, 19)).toBe(false); // Midsummer Eve (bank)
    expect(isPublicHoliday('SE', 2026, 12, 31)).toBe(false); // New Year's Eve (bank)
    expect(isPublicHoliday('SE', 2026, 4, 2)).toBe(false); // Maundy Thursday (observance)
    expect(isPublicHoliday('SE', 2026, 6, 20)).toBe(true); // Midsummer Day
    expect(publicHolidaysOn('SE', 2026, 6, 20)[0]).toEqual({ date: '2026-06-20', name: 'Midsummer Day', localName: 'midsommardagen' });
  });

  it('has Easter Monday in LT, LV and SE but not in EE', () => {
    expect(isPublicHoliday('EE', 2026, 4, 6)).toBe(false);
    expect(isPublicHoliday('LT', 2026, 4, 6)).toBe(true);
    expect(isPublicHoliday('LV', 2026, 4, 6)).toBe(true);
    expect(isPublicHoliday('SE', 2026, 4, 6)).toBe(true);
  });

  it('has Victory Day and Midsummer in EE and LV, only St John\'s Day in LT', () => {
    for (const c of ['EE', 'LV'] as const) {
      expect(isPublicHoliday(c, 2026, 6, 23)).toBe(true);
      expect(isPublicHoliday(c, 2026, 6, 24)).toBe(true);
    }
    expect(isPublicHoliday('LT', 2026, 6, 23)).toBe(false);
    expect(isPublicHoliday('LT', 2026, 6, 24)).toBe(true);
  });

  it('counts Latvian substitute days', () => {
    // 18 November 2023 was a Saturday; Monday 20 November was the day off.
    expect(isPublicHoliday('LV', 2023, 11, 20)).toBe(true);
    expect(isWorkingDay('LV', 2023, 11, 20)).toBe(false);
  });

  it('lists a year in date order', () => {
    const ee = publicHolidays('EE', 2026).map((h) => h.date);
    expect(ee[0]).toBe('2026-01-01');
    expect(ee).toEqual([...ee].sort());
    expect(ee).toContain('2026-02-24');
  });

  it('tells working days from weekends and holidays', () => {
    expect(isWorkingDay('EE', 2026, 3, 5)).toBe(true); // Thursday
    expect(isWorkingDay('EE', 2026, 1, 31)).toBe(false); // Saturday
    expect(isWorkingDay('EE', 2026, 2, 1)).toBe(false); // Sunday
    expect(isWorkingDay('LV', 2026, 5, 4)).toBe(false); // Monday, Restoration of Independence
    expect(isWorkingDay('SE', 2026, 6, 19)).toBe(true); // Midsummer Eve: a working day for 1182/71
  });

  it('rejects impossible dates', () => {
    expect(() => isPublicHoliday('EE', 2026, 2, 30)).toThrow(RangeError);
  });
});

describe('public holidays of the catalogue\'s other countries', () => {
  it('come from date-holidays, public ones only, with local names where it has them', () => {
    const christmas = publicHolidaysOn('FI', 2026, 12, 25);
    expect(christmas).toEqual([{ date: '2026-12-25', name: 'Christmas Day', localName: 'joulupäivä' }]);
    expect(isPublicHoliday('FI', 2026, 12, 24)).toBe(false); // Christmas Eve is a bank day in Finland
    expect(isPublicHoliday('FI', 2026, 6, 19)).toBe(false); // so is Midsummer Eve
    expect(publicHolidaysOn('DE', 2026, 10, 3)[0].localName).toBe('Tag der Deutschen Einheit');
    expect(isPublicHoliday('ES', 2026, 10, 12)).toBe(true);
  });
});
