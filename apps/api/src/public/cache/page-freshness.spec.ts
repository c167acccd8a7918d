import { cacheControl, localDay, secondsToLocalMidnight } from './page-freshness';

describe('page freshness', () => {
  it('counts to the next midnight of the tenant, not of the server', () => {
    // 21:30 UTC on 1 March is 23:30 in Riga (UTC+2): half an hour left there.
    const now = new Date('2026-03-01T21:30:00Z');
    expect(secondsToLocalMidnight(now, 'Europe/Riga')).toBe(1800);
    expect(localDay(now, 'Europe/Riga')).toBe('2026-03-01');
    expect(localDay(new Date('2026-03-01T22:00:00Z'), 'Europe/Riga')).toBe('2026-03-02');
    // Across the switch to summer time (29 March 2026, 23 hours long in Riga).
    expect(secondsToLocalMidnight(new Date('2026-03-28T22:00:00Z'), 'Europe/Riga')).toBe(23 * 3600);
  });

  it('never lets a cache keep a page past that midnight, nor past the cap', () => {
    const now = new Date('2026-03-01T21:59:30Z');
    expect(cacheControl(now, 'Europe/Riga', 300)).toBe('public, max-age=30');
    expect(cacheControl(new Date('2026-03-01T10:00:00Z'), 'Europe/Riga', 300)).toBe('public, max-age=300');
    expect(cacheControl(now, 'Europe/Riga', 300, true)).toBe('public, max-age=31536000, immutable');
  });
});
