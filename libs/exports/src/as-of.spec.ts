import { ExportDateError, resolveAsOf, resolvePeriod } from './as-of';

describe('as-of dates', () => {
  const now = new Date('2026-11-21T12:00:00Z');

  it('is the end of the day in the controller\'s time zone', () => {
    const a = resolveAsOf('2026-03-28', 'Europe/Tallinn', now);
    expect(a).toEqual({ date: '2026-03-28', instant: new Date('2026-03-28T21:59:59.999Z'), timeZone: 'Europe/Tallinn' });
  });

  it('defaults to now, and today means now (not the end of a day still to come)', () => {
    expect(resolveAsOf(undefined, 'Europe/Riga', now)).toEqual({ date: '2026-11-21', instant: now, timeZone: 'Europe/Riga' });
    expect(resolveAsOf('2026-11-21', 'Europe/Riga', now).instant).toEqual(now);
  });

  it('refuses impossible and future dates', () => {
    expect(() => resolveAsOf('2026-02-30', 'Europe/Riga', now)).toThrow(ExportDateError);
    expect(() => resolveAsOf('21.11.2026', 'Europe/Riga', now)).toThrow(ExportDateError);
    expect(() => resolveAsOf('2026-11-22', 'Europe/Riga', now)).toThrow(/after today/);
  });

  it('gives a period from the start of `from` to the end of `to`', () => {
    const p = resolvePeriod('2026-01-01', '2026-06-30', 'Europe/Stockholm', now);
    expect(p.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-06-30T21:59:59.999Z');
    expect(p.asOf.date).toBe('2026-06-30');
    expect(() => resolvePeriod('2026-07-01', '2026-06-30', 'Europe/Stockholm', now)).toThrow(/from must not be after to/);
  });
});
