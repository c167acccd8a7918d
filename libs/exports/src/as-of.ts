import { LocalDate, compareLocalDates, endOfLocalDay, formatLocalDate, localDateOf, parseLocalDate, startOfLocalDay } from '@regula/engine';

/**
 * The date an export describes: the end of a calendar day (23:59:59.999) in
 * the controller's time zone, the same convention as the legal deadlines
 * (a deadline ends at 23:59:59.999 local time).
 */
export interface AsOf {
  /** YYYY-MM-DD in the controller's time zone. */
  date: string;
  /** The instant the register versions are read at. */
  instant: Date;
  timeZone: string;
}

/** Thrown for a date that is not a real YYYY-MM-DD day or lies in the future. */
export class ExportDateError extends Error {}

function parse(value: string, name: string): LocalDate {
  try {
    return parseLocalDate(value);
  } catch {
    throw new ExportDateError(`${name} must be a date YYYY-MM-DD`);
  }
}

/**
 * `value` (YYYY-MM-DD) as the end of that day in `timeZone`; no value: now
 * (today's date). A day after today is refused: an export states what was in force.
 */
export function resolveAsOf(value: string | undefined, timeZone: string, now = new Date(), name = 'asOf'): AsOf {
  const today = localDateOf(now, timeZone);
  if (value === undefined) return { date: formatLocalDate(today), instant: now, timeZone };
  const day = parse(value, name);
  if (compareLocalDates(day, today) > 0) throw new ExportDateError(`${name} must not be after today (${formatLocalDate(today)} in ${timeZone})`);
  const end = endOfLocalDay(day, timeZone);
  return { date: formatLocalDate(day), instant: end.getTime() > now.getTime() ? now : end, timeZone };
}

/** A period of whole days, `from` 00:00 to the end of `to`, in the controller's time zone. */
export interface ExportPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
  asOf: AsOf;
}

export function resolvePeriod(from: string, to: string, timeZone: string, now = new Date()): ExportPeriod {
  const first = parse(from, 'from');
  const asOf = resolveAsOf(to, timeZone, now, 'to');
  if (compareLocalDates(first, parse(to, 'to')) > 0) throw new ExportDateError('from must not be after to');
  return { from: formatLocalDate(first), to: asOf.date, start: startOfLocalDay(first, timeZone), end: asOf.instant, asOf };
}
