import { isoToLocal, localToIso } from './local-time';

describe('datetime-local fields in the controller time zone', () => {
  it('reads and writes Riga wall-clock time', () => {
    expect(localToIso('2026-11-20T09:30', 'Europe/Riga')).toBe('2026-11-20T07:30:00.000Z');
    expect(localToIso('2026-07-01T09:30', 'Europe/Stockholm')).toBe('2026-07-01T07:30:00.000Z');
    expect(isoToLocal('2026-11-20T07:30:45Z', 'Europe/Riga')).toBe('2026-11-20T09:30');
  });
  it('leaves empty and malformed values to the DTO check', () => {
    expect(localToIso('', 'Europe/Riga')).toBeUndefined();
    expect(localToIso('yesterday', 'Europe/Riga')).toBe('yesterday');
  });
});
