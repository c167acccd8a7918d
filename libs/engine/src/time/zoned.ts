/**
 * Calendar dates and time zones, built on `Intl.DateTimeFormat` only.
 *
 * Legal periods are counted in the controller's local calendar (Regulation
 * 1182/71 Art. 3: days, months, "the end of the day"), so the engine needs two
 * conversions: the local date of an instant in an IANA zone, and the instant of
 * a local wall-clock time in that zone. Everything else here is plain
 * proleptic-Gregorian calendar arithmetic on `LocalDate` values, which carry no
 * zone at all.
 */

/** A calendar date without a zone. `month` is 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A local date plus its weekday: 0 = Sunday ... 6 = Saturday (as `Date#getDay`). */
export interface ZonedDate extends LocalDate {
  weekday: number;
}

/** A local wall-clock time; omitted time fields are 0. */
export interface LocalDateTime extends LocalDate {
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Pure calendar arithmetic (no zone)
// ---------------------------------------------------------------------------

/** Milliseconds since the epoch of a wall time read as if it were UTC (years 0-99 included). */
function wallAsUtc(t: LocalDateTime): number {
  const d = new Date(0);
  d.setUTCFullYear(t.year, t.month - 1, t.day);
  d.setUTCHours(t.hour ?? 0, t.minute ?? 0, t.second ?? 0, t.millisecond ?? 0);
  return d.getTime();
}

function fromUtcMs(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True when the fields name a real calendar date. */
export function isValidLocalDate(d: LocalDate): boolean {
  return (
    Number.isInteger(d.year) && Number.isInteger(d.month) && Number.isInteger(d.day) &&
    d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
  );
}

function assertLocalDate(d: LocalDate): void {
  if (!isValidLocalDate(d)) throw new RangeError(`not a calendar date: ${JSON.stringify(d)}`);
}

/** Weekday of a calendar date: 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: LocalDate): number {
  return new Date(wallAsUtc(d)).getUTCDay();
}

export function withWeekday(d: LocalDate): ZonedDate {
  return { year: d.year, month: d.month, day: d.day, weekday: weekdayOf(d) };
}

/** `d` plus `days` calendar days (negative allowed). */
export function addLocalDays(d: LocalDate, days: number): LocalDate {
  assertLocalDate(d);
  return fromUtcMs(wallAsUtc(d) + days * DAY_MS);
}

/**
 * `d` plus `months` calendar months: the same day of the month in the target
 * month, or that month's last day if it has no such day (Regulation 1182/71
 * Art. 3(2)(c)). 31 Jan + 1 month = 28/29 Feb; 31 Aug + 1 month = 30 Sep.
 */
export function addLocalMonths(d: LocalDate, months: number): LocalDate {
  assertLocalDate(d);
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole calendar days from `a` to `b` (positive when `b` is later). */
export function localDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((wallAsUtc(b) - wallAsUtc(a)) / DAY_MS);
}

/** 'YYYY-MM-DD'. */
export function formatLocalDate(d: LocalDate): string {
  const y = d.year >= 0 && d.year <= 9999 ? String(d.year).padStart(4, '0') : String(d.year);
  return `${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Parses 'YYYY-MM-DD' strictly (a real calendar date), else throws RangeError. */
export function parseLocalDate(s: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (!d || !isValidLocalDate(d)) throw new RangeError(`not a YYYY-MM-DD date: ${s}`);
  return d;
}

// ---------------------------------------------------------------------------
// Time zones (Intl.DateTimeFormat)
// ---------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone: ${timeZone}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('invalid Date');
}

/** The zone's offset at `ms` as the runtime's time-zone data formats it (wall clock read as UTC, minus the instant). */
function formattedOffsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const yearOfEra = Number(parts.year);
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - yearOfEra : yearOfEra;
  return wallAsUtc({ year, month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second) }) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Offsets per zone and quarter of an hour, kept when the offset is the same at
 * both ends of it (no zone changes its offset twice within a quarter of an
 * hour, so then it holds throughout); a quarter with a change is formatted
 * each time. Formatting (`formatToParts`) costs some microseconds a call and a
 * deadline asks for a dozen (a filing's deadline was a tenth of its CPU);
 * reading the kept offset costs a map lookup. Cleared past SPANS_KEPT.
 */
const SPAN_MS = 15 * 60 * 1000;
const SPANS_KEPT = 20_000;
const offsets = new Map<string, number>();

function offsetAt(ms: number, timeZone: string): number {
  const span = Math.floor(ms / SPAN_MS);
  const key = `${timeZone} ${span}`;
  const kept = offsets.get(key);
  if (kept !== undefined) return kept;
  const first = formattedOffsetMs(span * SPAN_MS, timeZone);
  if (formattedOffsetMs((span + 1) * SPAN_MS - 1, timeZone) !== first) return formattedOffsetMs(ms, timeZone);
  if (offsets.size >= SPANS_KEPT) offsets.clear();
  offsets.set(key, first);
  return first;
}

/** The local wall-clock fields of `instant` in `timeZone`. */
export function zonedDateTime(instant: Date, timeZone: string): Required<LocalDateTime> & { weekday: number } {
  assertInstant(instant);
  // Offsets are whole seconds, so the milliseconds are the instant's own.
  const d = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  const local = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
  return { ...local, weekday: d.getUTCDay() };
}

/** The local calendar date (and weekday) of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): ZonedDate {
  const { year, month, day, weekday } = zonedDateTime(instant, timeZone);
  return { year, month, day, weekday };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Tallinn in summer: +3 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return wallAsUtc(zonedDateTime(instant, timeZone)) - instant.getTime();
}

/**
 * The instant at which the clocks in `timeZone` show `wall`.
 *
 * Across DST changes it resolves like Temporal's `disambiguation: 'compatible'`:
 * a wall time that occurs twice (autumn) gives the earlier instant; one that
 * does not exist (spring gap) is moved forward by the length of the gap
 * (03:30 on the spring-forward night in Tallinn is 04:30 summer time).
 * Assumes at most one offset change within a day either side, which holds for
 * every European zone.
 */
export function zonedInstant(wall: LocalDateTime, timeZone: string): Date {
  assertLocalDate(wall);
  const w = wallAsUtc(wall);
  const before = zoneOffsetMs(new Date(w - DAY_MS), timeZone);
  const after = zoneOffsetMs(new Date(w + DAY_MS), timeZone);
  const candidates = [...new Set([w - before, w - after])]
    .filter((t) => wallAsUtc(zonedDateTime(new Date(t), timeZone)) === w)
    .sort((a, b) => a - b);
  // Gap: use the offset in force before the change, which lands after it.
  return new Date(candidates.length > 0 ? candidates[0] : w - before);
}

/** The first instant of local day `d` in `timeZone`. */
export function startOfLocalDay(d: LocalDate, timeZone: string): Date {
  return zonedInstant({ year: d.year, month: d.month, day: d.day }, timeZone);
}

/** 23:59:59.999 local time on `d` in `timeZone`: where legal deadlines end. */
export function endOfLocalDay(d: LocalDate, timeZone: string): Date {
  return zonedInstant({ year: d.year, month: d.month, day: d.day, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone);
}
