import { Country } from '../schema/jurisdiction';
import {
  LocalDate, WEEKDAY_NAMES, addLocalDays, addLocalMonths, assertTimeZone, compareLocalDates,
  endOfLocalDay, formatLocalDate, localDateOf, startOfLocalDay, weekdayOf, zonedDateTime,
} from '../time/zoned';
import { isWorkingDay, publicHolidaysOn } from './holidays';

/**
 * The one deadline calculator of the product: rights requests (GDPR Art. 12(3)
 * and 12(4)), their extension, consent-withdrawal promises in working days and
 * the 72-hour breach notification (GDPR Art. 33(1)).
 *
 * Periods are computed under Regulation (EEC, Euratom) No 1182/71, in the
 * controller's local calendar (`timeZone`) with the public holidays of the
 * controller's country (Art. 2(1)). Pure: every date is an input.
 */

export type DeadlinePeriod =
  /** A period in months: 1 (GDPR Art. 12(3)) or 3 (the extended period). */
  | { kind: 'months'; months: number }
  /** A period in working days (Regulation 1182/71 Art. 2(2), 3(3)). */
  | { kind: 'working-days'; days: number }
  /** A period in hours, e.g. 72 for GDPR Art. 33(1). Never shifted. */
  | { kind: 'hours'; hours: number };

/** A stretch during which the clock stood still (EDPB Guidelines 01/2022 §159). */
export interface Suspension {
  from: Date;
  to: Date;
}

export interface DeadlineContext {
  /** The controller's country, whose public holidays count (Regulation 1182/71 Art. 2(1)). */
  country: Country;
  /** The controller's IANA time zone. */
  timeZone: string;
  /** When the request reached an official channel of the controller (EDPB Guidelines 01/2022 §157). */
  received: Date;
  suspensions?: Suspension[];
}

export interface DeadlineInput extends DeadlineContext {
  period: DeadlinePeriod;
}

export interface DeadlineShift {
  /** A day the deadline was moved past, 'YYYY-MM-DD'. */
  date: string;
  /** Why: 'Saturday', 'Sunday', 'public holiday: <name>' (comma-joined when several apply). */
  reason: string;
}

export interface Deadline {
  /** Local date of receipt, 'YYYY-MM-DD'. */
  receivedDate: string;
  /**
   * The date the period ends on before the weekend/holiday shift of Regulation
   * 1182/71 Art. 3(4), suspended days included. 'YYYY-MM-DD'.
   */
  nominalDate: string;
  /** The last day of the period, 'YYYY-MM-DD' (local). */
  dueDate: string;
  /** The instant the period ends: 23:59:59.999 local time on `dueDate`; for hours, received + hours. */
  dueAt: Date;
  /** Whole local days the clock stood still (0 without suspensions). */
  suspendedDays: number;
  /** The days the end was moved past, in order, with the reason each is not a working day. */
  shifted: DeadlineShift[];
  /** Human-readable steps, each with its legal reference. */
  explanation: string[];
}

const MAX_WORKING_DAYS = 10_000;

function describe(d: LocalDate): string {
  return `${formatLocalDate(d)} (${WEEKDAY_NAMES[weekdayOf(d)]})`;
}

/** Why `d` is not a working day in `country`, or undefined when it is one (Regulation 1182/71 Art. 2(2)). */
export function nonWorkingReason(country: Country, d: LocalDate): string | undefined {
  if (isWorkingDay(country, d.year, d.month, d.day)) return undefined;
  const wd = weekdayOf(d);
  const reasons: string[] = [];
  if (wd === 6 || wd === 0) reasons.push(WEEKDAY_NAMES[wd]);
  const names = publicHolidaysOn(country, d.year, d.month, d.day).map((h) => h.name);
  if (names.length > 0) reasons.push(`public holiday: ${names.join(', ')}`);
  return reasons.join(', ');
}

function assertDate(d: unknown, what: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

function assertPositiveInteger(n: number, what: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new RangeError(`${what} must be an integer from 1 to ${max}, got ${n}`);
}

/** Overlapping or touching stops as one, in order of start. */
function mergedStops(suspensions: Suspension[]): Suspension[] {
  const sorted = [...suspensions].sort((a, b) => a.from.getTime() - b.from.getTime());
  const merged: Suspension[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from.getTime() <= last.to.getTime()) last.to = new Date(Math.max(last.to.getTime(), s.to.getTime()));
    else merged.push({ from: s.from, to: s.to });
  }
  return merged;
}


/**
 * Whole local calendar days the clock stood still.
 *
 * The rule, and where it comes from:
 * - GDPR Art. 12(3): the controller answers within one month of receipt
 *   (three where extended); nothing in the GDPR stops that period.
 * - GDPR Art. 12(6): where the controller has reasonable doubts about the
 *   requester's identity it may ask for further information; EDPB Guidelines
 *   01/2022 on the right of access §159: while it waits for that
 *   information the period stands still, and it runs again from the moment
 *   the information is received. That is the only stop (not a fee, not a
 *   question about the request's content: issue 14).
 * - The period is counted in whole days (Regulation 1182/71 Art. 3(1), 3(2)(c)),
 *   so the stop is too: a day counts when the clock stood still on the whole
 *   of it, from its start (00:00 local) to its end (24:00 local), in the
 *   controller's time zone. A stop of ten minutes across midnight adds no day;
 *   a stop from Monday 10:00 to Thursday 10:00 adds two (Tuesday, Wednesday).
 *   Counting every date the stop touched instead would add a day for those
 *   ten minutes, and next to a holiday weekend such a day turns into several
 *   once the end is shifted.
 * - The day of receipt is not part of the period (Regulation 1182/71
 *   Art. 3(1)), so it never counts. Overlapping or touching stops are one
 *   stop (a day split between two records that meet at noon stood still
 *   whole), and a day counts once.
 * - computeDeadline adds these days to the end of the period and only then
 *   applies Regulation 1182/71 Art. 3(4) (a last day on a Saturday, Sunday or
 *   public holiday moves to the end of the next working day) to the new last
 *   day; the explanation says so.
 */
export function suspendedDayCount(suspensions: Suspension[], timeZone: string, receivedDate: LocalDate): number {
  const firstCountable = addLocalDays(receivedDate, 1);
  const days = new Set<string>();
  suspensions.forEach((s, i) => {
    assertDate(s.from, `suspensions[${i}].from`);
    assertDate(s.to, `suspensions[${i}].to`);
    if (s.to.getTime() < s.from.getTime()) throw new RangeError(`suspensions[${i}] ends before it starts`);
  });
  mergedStops(suspensions).forEach((s) => {
    // The first whole day: the start's own date only when the stop began at its very start.
    const startDate = localDateOf(s.from, timeZone);
    const firstWhole = startOfLocalDay(startDate, timeZone).getTime() >= s.from.getTime() ? startDate : addLocalDays(startDate, 1);
    // The last whole day ends at the start of the end's date (always <= s.to).
    const end = localDateOf(s.to, timeZone);
    let d: LocalDate = compareLocalDates(firstWhole, firstCountable) < 0 ? firstCountable : firstWhole;
    for (; compareLocalDates(d, end) < 0; d = addLocalDays(d, 1)) days.add(formatLocalDate(d));
  });
  return days.size;
}

function hoursDeadlineOf(input: DeadlineInput, hours: number, receivedLine: string, receivedDate: string): Deadline {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`period.hours must be a positive number, got ${hours}`);
  // GDPR Art. 33(1) has no stop of the clock; refuse rather than silently ignore.
  if (input.suspensions && input.suspensions.length > 0) throw new RangeError('suspensions do not apply to periods in hours');
  // Counted to the millisecond from the moment of the event. Regulation 1182/71
  // Art. 3(1) would start at the next full hour; the exact count is never later.
  const dueAt = new Date(input.received.getTime() + hours * 3_600_000);
  const local = zonedDateTime(dueAt, input.timeZone);
  const dueDate = formatLocalDate(local);
  const clock = [local.hour, local.minute, local.second].map((n) => String(n).padStart(2, '0')).join(':');
  return {
    receivedDate,
    nominalDate: dueDate,
    dueDate,
    dueAt,
    suspendedDays: 0,
    shifted: [],
    explanation: [
      receivedLine,
      `Period of ${hours} hours counted exactly from the moment of receipt (GDPR Art. 33(1)); periods in hours are not moved for Saturdays, Sundays or public holidays (Regulation 1182/71 Art. 3(4)).`,
      `Due ${dueAt.toISOString()}, ${describe(local)} ${clock} in ${input.timeZone}.`,
    ],
  };
}

/** Computes a legal deadline. Throws RangeError for invalid input. */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { country, timeZone, received, period } = input;
  assertTimeZone(timeZone);
  assertDate(received, 'received');
  const receipt = localDateOf(received, timeZone);
  const receivedDate = formatLocalDate(receipt);
  const receivedLine = `Received ${received.toISOString()}: local date ${describe(receipt)} in ${timeZone}.`;

  if (period.kind === 'hours') return hoursDeadlineOf(input, period.hours, receivedLine, receivedDate);

  const explanation = [receivedLine];
  let end: LocalDate;
  if (period.kind === 'months') {
    assertPositiveInteger(period.months, 'period.months', 1200);
    end = addLocalMonths(receipt, period.months);
    const rule =
      period.months === 1
        ? 'One month from receipt (GDPR Art. 12(3))'
        : period.months === 3
          ? 'Extended period: three months from receipt, i.e. one month plus two further months (GDPR Art. 12(3)), counted from the day of receipt, not from the one-month due date'
          : `${period.months} months from receipt`;
    const where =
      end.day === receipt.day
        ? `the day of the last month with the same date as the day of receipt`
        : `that month has no day ${receipt.day}, so its last day`;
    explanation.push(
      `${rule}; the day of receipt is not counted (Regulation 1182/71 Art. 3(1)). The period ends on ${describe(end)}: ${where} (Regulation 1182/71 Art. 3(2)(c)).`,
    );
  } else if (period.kind === 'working-days') {
    assertPositiveInteger(period.days, 'period.days', MAX_WORKING_DAYS);
    const skipped: string[] = [];
    end = receipt;
    for (let counted = 0; counted < period.days; ) {
      end = addLocalDays(end, 1);
      const why = nonWorkingReason(country, end);
      if (why === undefined) counted++;
      else skipped.push(`${formatLocalDate(end)} (${why})`);
    }
    explanation.push(
      `${period.days} working day${period.days === 1 ? '' : 's'} after the day of receipt, which is not counted (Regulation 1182/71 Art. 3(1)); Saturdays, Sundays and public holidays of ${country} are not working days (Regulation 1182/71 Art. 2(2), 3(3)). The last working day counted is ${describe(end)}.`,
    );
    if (skipped.length > 0) {
      explanation.push(
        skipped.length <= 20 ? `Not counted: ${skipped.join('; ')}.` : `Not counted: ${skipped.length} Saturdays, Sundays and public holidays.`,
      );
    }
  } else {
    throw new RangeError(`unknown period kind: ${(period as { kind: unknown }).kind}`);
  }

  const suspendedDays = suspendedDayCount(input.suspensions ?? [], timeZone, receipt);
  const nominal = addLocalDays(end, suspendedDays);
  if (suspendedDays > 0) {
    explanation.push(
      `The clock stood still on ${suspendedDays} whole day${suspendedDays === 1 ? '' : 's'} (from start to end, local time) while the controller waited for information it asked for to confirm the requester's identity (GDPR Art. 12(6), EDPB Guidelines 01/2022 §159): ${formatLocalDate(end)} + ${suspendedDays} = ${describe(nominal)}, the new last day, to which Regulation 1182/71 Art. 3(4) applies.`,
    );
  }

  // Regulation 1182/71 Art. 3(4): a last day that is a public holiday, Saturday
  // or Sunday moves to the end of the following working day.
  const shifted: DeadlineShift[] = [];
  let due = nominal;
  for (let why = nonWorkingReason(country, due); why !== undefined; why = nonWorkingReason(country, due)) {
    shifted.push({ date: formatLocalDate(due), reason: why });
    due = addLocalDays(due, 1);
  }
  if (shifted.length > 0) {
    explanation.push(
      `Not a working day in ${country}: ${shifted.map((s) => `${s.date} (${s.reason})`).join('; ')}. The period ends at the end of the following working day, ${describe(due)} (Regulation 1182/71 Art. 3(4)).`,
    );
  } else {
    explanation.push(`${describe(nominal)} is a working day in ${country}: no shift (Regulation 1182/71 Art. 3(4)).`);
  }

  const dueAt = endOfLocalDay(due, timeZone);
  explanation.push(`Due by the end of ${describe(due)}: 23:59:59.999 in ${timeZone} (${dueAt.toISOString()}).`);
  return {
    receivedDate,
    nominalDate: formatLocalDate(nominal),
    dueDate: formatLocalDate(due),
    dueAt,
    suspendedDays,
    shifted,
    explanation,
  };
}

/** Answer to a rights request: one month from receipt (GDPR Art. 12(3)). */
export function oneMonthDeadline(ctx: DeadlineContext): Deadline {
  return computeDeadline({ ...ctx, period: { kind: 'months', months: 1 } });
}

/**
 * The extended answer deadline: three months from receipt (GDPR Art. 12(3):
 * "extended by two further months"), computed from the receipt like the
 * one-month period, not by adding two months to the shifted one-month date.
 */
export function extendedDeadline(ctx: DeadlineContext): Deadline {
  return computeDeadline({ ...ctx, period: { kind: 'months', months: 3 } });
}

/** `days` working days after receipt (Regulation 1182/71 Art. 2(2), 3(1), 3(3)). */
export function workingDaysDeadline(ctx: DeadlineContext, days: number): Deadline {
  return computeDeadline({ ...ctx, period: { kind: 'working-days', days } });
}

/** `hours` after the event, exactly; 72 = breach notification (GDPR Art. 33(1)). */
export function hoursDeadline(ctx: DeadlineContext, hours = 72): Deadline {
  return computeDeadline({ ...ctx, period: { kind: 'hours', hours } });
}
