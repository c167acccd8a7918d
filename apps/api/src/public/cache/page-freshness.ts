import { addLocalDays, formatLocalDate, localDateOf, startOfLocalDay } from '@regula/engine';

/** The tenant's calendar day at `now` ('YYYY-MM-DD' in its time zone): effective dates and the banner change with it. */
export function localDay(now: Date, timeZone: string): string {
  return formatLocalDate(localDateOf(now, timeZone));
}

/** Whole seconds from `now` to the tenant's next local midnight (at least 1). */
export function secondsToLocalMidnight(now: Date, timeZone: string): number {
  const next = startOfLocalDay(addLocalDays(localDateOf(now, timeZone), 1), timeZone);
  return Math.max(1, Math.floor((next.getTime() - now.getTime()) / 1000));
}

/**
 * `Cache-Control` of a public page: shared caches may keep it, at most
 * `cap` seconds and never past the tenant's next local midnight (the day a
 * version takes effect, the page changes without anyone publishing);
 * `immutable` pages (one published version's data) for a year.
 */
export function cacheControl(now: Date, timeZone: string, cap: number, immutable = false): string {
  if (immutable) return 'public, max-age=31536000, immutable';
  return `public, max-age=${Math.min(cap, secondsToLocalMidnight(now, timeZone))}`;
}
