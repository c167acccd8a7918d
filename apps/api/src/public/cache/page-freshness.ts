import { addLocalDays, formatLocalDate, localDateOf, startOfLocalDay } from '@regula/engine';

/** A tenant's calendar day and the instants it starts and ends, kept per time zone (time-zone arithmetic is slow beside serving a kept page). */
interface Day {
  day: string;
  start: number;
  end: number;
}
const days = new Map<string, Day>();

function dayOf(now: Date, timeZone: string): Day {
  const t = now.getTime();
  const kept = days.get(timeZone);
  if (kept && t >= kept.start && t < kept.end) return kept;
  const local = localDateOf(now, timeZone);
  const found = { day: formatLocalDate(local), start: startOfLocalDay(local, timeZone).getTime(), end: startOfLocalDay(addLocalDays(local, 1), timeZone).getTime() };
  days.set(timeZone, found);
  return found;
}

/** The tenant's calendar day at `now` ('YYYY-MM-DD' in its time zone): effective dates and the banner change with it. */
export function localDay(now: Date, timeZone: string): string {
  return dayOf(now, timeZone).day;
}

/** Whole seconds from `now` to the tenant's next local midnight (at least 1). */
export function secondsToLocalMidnight(now: Date, timeZone: string): number {
  return Math.max(1, Math.floor((dayOf(now, timeZone).end - now.getTime()) / 1000));
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
