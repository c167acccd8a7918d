import {
  addLocalDays, addLocalMonths, assertTimeZone, compareLocalDates, daysInMonth, endOfLocalDay,
  formatLocalDate, isValidLocalDate, localDateOf, localDaysBetween, parseLocalDate, startOfLocalDay,
  weekdayOf, zoneOffsetMs, zonedDateTime, zonedInstant,
} from './zoned';

const TALLINN = 'Europe/Tallinn';
const STOCKHOLM = 'Europe/Stockholm';

describe('calendar arithmetic', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isValidLocalDate({ year: 2026, month: 2, day: 29 })).toBe(false);
    expect(isValidLocalDate({ year: 2026, month: 13, day: 1 })).toBe(false);
  });

  it('computes weekdays (0 = Sunday)', () => {
    expect(weekdayOf({ year: 2026, month: 1, day: 31 })).toBe(6);
    expect(weekdayOf({ year: 2026, month: 4, day: 5 })).toBe(0);
    expect(weekdayOf({ year: 2028, month: 2, day: 29 })).toBe(2);
  });

  it('adds months keeping the day or clamping to the month end (Regulation 1182/71 Art. 3(2)(c))', () => {
    expect(addLocalMonths({ year: 2026, month: 3, day: 5 }, 1)).toEqual({ year: 2026, month: 4, day: 5 });
    expect(addLocalMonths({ year: 2026, month: 8, day: 31 }, 1)).toEqual({ year: 2026, month: 9, day: 30 });
    expect(addLocalMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addLocalMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addLocalMonths({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 31 });
    expect(addLocalMonths({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addLocalMonths({ year: 2026, month: 3, day: 31 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addLocalMonths({ year: 2024, month: 2, day: 29 }, 12)).toEqual({ year: 2025, month: 2, day: 28 });
  });

  it('adds days across month and year ends', () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addLocalDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addLocalDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(localDaysBetween({ year: 2026, month: 1, day: 1 }, { year: 2027, month: 1, day: 1 })).toBe(365);
    expect(compareLocalDates({ year: 2026, month: 1, day: 2 }, { year: 2026, month: 1, day: 1 })).toBeGreaterThan(0);
  });

  it('formats and parses YYYY-MM-DD strictly', () => {
    expect(formatLocalDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => parseLocalDate('2026-02-29')).toThrow(RangeError);
    expect(() => parseLocalDate('2026-3-5')).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('gives the local date of an instant: 23:30 UTC is already the next day in Tallinn', () => {
    expect(localDateOf(new Date('2026-03-04T23:30:00Z'), TALLINN)).toEqual({ year: 2026, month: 3, day: 5, weekday: 4 });
    expect(localDateOf(new Date('2026-03-04T23:30:00Z'), 'UTC')).toEqual({ year: 2026, month: 3, day: 4, weekday: 3 });
    // New Year's Eve in UTC, New Year's Day in Stockholm.
    expect(localDateOf(new Date('2026-12-31T23:30:00Z'), STOCKHOLM)).toEqual({ year: 2027, month: 1, day: 1, weekday: 5 });
  });

  it('reads wall-clock fields and offsets across DST', () => {
    expect(zonedDateTime(new Date('2026-07-01T09:15:30.250Z'), TALLINN)).toEqual({
      year: 2026, month: 7, day: 1, hour: 12, minute: 15, second: 30, millisecond: 250, weekday: 3,
    });
    expect(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'), TALLINN)).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'), TALLINN)).toBe(3 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'), STOCKHOLM)).toBe(2 * 3_600_000);
  });

  it('gives the instant of 23:59:59.999 local on both sides of the spring DST change', () => {
    // Europe/Tallinn: 29 March 2026, 03:00 EET -> 04:00 EEST.
    expect(endOfLocalDay({ year: 2026, month: 3, day: 28 }, TALLINN).toISOString()).toBe('2026-03-28T21:59:59.999Z');
    expect(endOfLocalDay({ year: 2026, month: 3, day: 29 }, TALLINN).toISOString()).toBe('2026-03-29T20:59:59.999Z');
    expect(startOfLocalDay({ year: 2026, month: 3, day: 29 }, TALLINN).toISOString()).toBe('2026-03-28T22:00:00.000Z');
    // Europe/Stockholm: 25 October 2026, 03:00 CEST -> 02:00 CET.
    expect(endOfLocalDay({ year: 2026, month: 10, day: 24 }, STOCKHOLM).toISOString()).toBe('2026-10-24T21:59:59.999Z');
    expect(endOfLocalDay({ year: 2026, month: 10, day: 25 }, STOCKHOLM).toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('resolves a wall time in the spring gap forward and an ambiguous autumn time to the earlier instant', () => {
    expect(zonedInstant({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, TALLINN).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, TALLINN).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedInstant({ year: 2026, month: 10, day: 25, hour: 4, minute: 30 }, TALLINN).toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('round-trips instants in each controller zone: hourly around both DST changes, every 7 hours all year', () => {
    const instants: number[] = [];
    for (const [from, to] of [[Date.UTC(2026, 2, 26), Date.UTC(2026, 3, 1)], [Date.UTC(2026, 9, 22), Date.UTC(2026, 9, 28)]]) {
      for (let t = from; t < to; t += 3_600_000) instants.push(t);
    }
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000) instants.push(t);
    for (const tz of ['Europe/Tallinn', 'Europe/Vilnius', 'Europe/Riga', 'Europe/Stockholm', 'Europe/Oslo']) {
      for (const t of instants) {
        const instant = new Date(t);
        const wall = zonedDateTime(instant, tz);
        const back = zonedInstant(wall, tz).getTime();
        // Ambiguous autumn hour: the earlier instant is chosen, one hour before.
        expect([t, t - 3_600_000]).toContain(back);
      }
    }
  });

  it('reads the same wall clock as the time-zone data on every minute (and a millisecond either side) across offset changes of every kind: kept offsets never leak across a change', () => {
    // Written out by Intl for each instant, as the function did before it kept offsets per quarter of an hour.
    const formats = new Map<string, Intl.DateTimeFormat>();
    const formatted = (ms: number, zone: string) => {
      const parts: Record<string, string> = {};
      if (!formats.has(zone)) formats.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
      for (const p of formats.get(zone)!.formatToParts(new Date(ms))) parts[p.type] = p.value;
      return [Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second)];
    };
    const around = [
      [TALLINN, '2026-03-29T00:00:00Z'], [TALLINN, '2026-10-25T00:00:00Z'],
      ['Europe/Stockholm', '2026-10-25T00:00:00Z'],
      // Half-hour daylight saving (02:00 local, 15:00 UTC), a +05:45 zone, a -03:30 one, and a local mean time of seconds (1918).
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'], ['Asia/Kathmandu', '1985-12-31T18:00:00Z'], ['America/St_Johns', '2026-03-08T05:00:00Z'],
      ['Europe/Riga', '1918-04-15T00:00:00Z'],
    ] as const;
    for (const [zone, from] of around) {
      const start = Date.parse(from);
      // Changes happen on a minute: each minute of three hours, and the millisecond before and after it.
      for (let minute = start; minute < start + 3 * 3_600_000; minute += 60_000) {
        for (const ms of [minute - 1, minute, minute + 1]) {
          const z = zonedDateTime(new Date(ms), zone);
          expect([zone, ms, z.year, z.month, z.day, z.hour, z.minute, z.second]).toEqual([zone, ms, ...formatted(ms, zone)]);
        }
      }
    }
  });

  it('rejects unknown zones and invalid dates', () => {
    expect(() => assertTimeZone('Europe/Atlantis')).toThrow(/unknown time zone/);
    expect(() => localDateOf(new Date('nope'), TALLINN)).toThrow(RangeError);
    expect(() => endOfLocalDay({ year: 2026, month: 2, day: 30 }, TALLINN)).toThrow(RangeError);
  });
});
