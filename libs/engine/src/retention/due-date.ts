import { AnchorEvent, Duration, RetentionRule } from '../schema/retention';
import {
  LocalDate, addLocalDays, addLocalMonths, compareLocalDates, daysInMonth, endOfLocalDay,
  localDateOf, zonedDateTime, zonedInstant,
} from '../time/zoned';

/**
 * When a record must be erased or anonymised under a retention rule (GDPR
 * Art. 5(1)(e) storage limitation; Art. 30(1)(f) time limits for erasure).
 * Pure: anchors are the timestamps of events that happened to the record.
 */

export interface RetentionDueOptions {
  /** The controller's IANA time zone: periods are counted in its calendar. */
  timeZone: string;
  /** Last day of the financial year, 'MM-DD'; default '12-31'. */
  financialYearEnd?: string;
}

export type RetentionAnchors = Partial<Record<AnchorEvent, Date>>;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

function assertDate(d: unknown, what: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

/**
 * What is wrong with a duration, or null: years, months and days are calendar
 * counts (whole numbers); hours and minutes are elapsed time (fractions allowed).
 */
export function durationProblem(duration: Duration): string | null {
  for (const key of ['years', 'months', 'days'] as const) {
    const v = duration[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) return `duration.${key} must be a non-negative whole number, got ${v}`;
  }
  for (const key of ['hours', 'minutes'] as const) {
    const v = duration[key];
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) return `duration.${key} must be a non-negative number, got ${v}`;
  }
  return null;
}

function assertDuration(duration: Duration): void {
  const problem = durationProblem(duration);
  if (problem) throw new RangeError(problem);
}

/**
 * `date` plus `duration`, in the calendar of `timeZone`:
 * 1. years and months together (years x 12 + months) on the local date, keeping
 *    the day of the month or, if the target month has no such day, its last day
 *    (as Regulation 1182/71 Art. 3(2)(c) does for periods in months);
 * 2. then calendar days on the local date;
 * 3. the local wall-clock time is kept across DST changes (resolved as in
 *    `zonedInstant`);
 * 4. then hours and minutes as exact elapsed time.
 */
export function addDuration(date: Date, duration: Duration, timeZone: string): Date {
  assertDate(date, 'date');
  assertDuration(duration);
  const months = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  const days = duration.days ?? 0;
  let t = date.getTime();
  if (months !== 0 || days !== 0) {
    const local = zonedDateTime(date, timeZone);
    const d = addLocalDays(addLocalMonths(local, months), days);
    t = zonedInstant({ ...d, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond }, timeZone).getTime();
  }
  return new Date(t + (duration.hours ?? 0) * HOUR_MS + (duration.minutes ?? 0) * MINUTE_MS);
}

/** Parses 'MM-DD'; '02-29' is allowed and means the last day of February. */
function parseMonthDay(s: string): { month: number; day: number } {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  const month = m ? Number(m[1]) : NaN;
  const day = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
    throw new RangeError(`financialYearEnd must be 'MM-DD', got '${s}'`);
  }
  return { month, day };
}

function financialYearEndIn(year: number, fye: { month: number; day: number }): LocalDate {
  return { year, month: fye.month, day: Math.min(fye.day, daysInMonth(year, fye.month)) };
}

/**
 * The instant an anchor event happened: the explicit timestamp when given;
 * otherwise, for the two accounting anchors, derived from `collected`:
 * - `financial-year-end`: the end (23:59:59.999 local) of the last day of the
 *   financial year containing the local date of `collected` (EE Accounting Act
 *   § 12 counts from the end of the financial year);
 * - `calendar-year-end-after-financial-year`: the end of 31 December of the
 *   calendar year in which that financial year ended (SE Bokföringslagen 7 kap. 2 §).
 * Null when the event has not happened (or cannot be derived).
 */
export function resolveAnchor(event: AnchorEvent, anchors: RetentionAnchors, opts: RetentionDueOptions): Date | null {
  const given = anchors[event];
  if (given !== undefined) {
    assertDate(given, `anchors['${event}']`);
    return given;
  }
  if (event === 'financial-year-end') {
    const collected = anchors.collected;
    if (collected === undefined) return null;
    assertDate(collected, `anchors['collected']`);
    const fye = parseMonthDay(opts.financialYearEnd ?? '12-31');
    const c = localDateOf(collected, opts.timeZone);
    let end = financialYearEndIn(c.year, fye);
    if (compareLocalDates(c, end) > 0) end = financialYearEndIn(c.year + 1, fye);
    return endOfLocalDay(end, opts.timeZone);
  }
  if (event === 'calendar-year-end-after-financial-year') {
    const fyEnd = resolveAnchor('financial-year-end', anchors, opts);
    if (fyEnd === null) return null;
    const year = localDateOf(fyEnd, opts.timeZone).year;
    return endOfLocalDay({ year, month: 12, day: 31 }, opts.timeZone);
  }
  return null;
}

/** The end (23:59:59.999 local) of the local day containing `instant`. */
function endOfDayOf(instant: Date, timeZone: string): Date {
  return endOfLocalDay(localDateOf(instant, timeZone), timeZone);
}

/**
 * When a record governed by `rule` must be erased or anonymised, or null when
 * that cannot be said (yet). Retention is counted in whole days: the due
 * instant is always the end of the local day on which the period ends.
 *
 * - `period`: anchor + period (see `addDuration`); null while the anchor has
 *   not happened.
 * - `conditions`: null while any condition's anchor has not happened (the data
 *   is still needed); otherwise the latest of (anchor + plus) over all
 *   conditions, then + `then`. A rule with no conditions gives null (the
 *   register linter rejects it).
 * - `as-long-as-necessary`: null; nothing a machine can enforce.
 */
export function retentionDueAt(rule: RetentionRule, anchors: RetentionAnchors, opts: RetentionDueOptions): Date | null {
  const { timeZone } = opts;
  switch (rule.kind) {
    case 'as-long-as-necessary':
      return null;
    case 'period': {
      const anchor = resolveAnchor(rule.anchor, anchors, opts);
      return anchor === null ? null : endOfDayOf(addDuration(anchor, rule.period, timeZone), timeZone);
    }
    case 'conditions': {
      if (rule.conditions.length === 0) return null;
      let latest: Date | null = null;
      for (const c of rule.conditions) {
        const anchor = resolveAnchor(c.endsAt, anchors, opts);
        if (anchor === null) return null;
        const ended = c.plus ? addDuration(anchor, c.plus, timeZone) : anchor;
        if (latest === null || ended.getTime() > latest.getTime()) latest = ended;
      }
      return endOfDayOf(addDuration(latest as Date, rule.then, timeZone), timeZone);
    }
    default:
      throw new RangeError(`unknown retention rule kind: ${(rule as { kind: unknown }).kind}`);
  }
}
