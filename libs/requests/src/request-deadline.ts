import { Country, Deadline, extendedDeadline, oneMonthDeadline, Suspension } from '@regula/engine';

/** A stretch the clock stood still; `toAt` null while it lasts. */
export interface SuspensionSpan {
  fromAt: Date;
  toAt: Date | null;
}

export interface RequestDeadlineInput {
  receivedAt: Date;
  suspensions: SuspensionSpan[];
  extended: boolean;
  /** The controller's country (public holidays) and time zone. */
  country: Country;
  timeZone: string;
  /** An open suspension counts until now: the date shown is the one that holds if the clock runs again now. */
  now: Date;
}

export interface RequestDeadlines {
  /** One month from receipt plus the suspensions (GDPR Art. 12(3)): the limit for an extension or a refusal. */
  first: Deadline;
  /** The deadline in force: `first`, or three months from receipt plus suspensions once extended. */
  current: Deadline;
  dueAt: Date;
  dueDate: string;
  firstDueAt: Date;
}

/**
 * The one place the due dates of a rights request are computed: from the
 * receipt, the suspensions (EDPB Guidelines 01/2022 §159) and the extension,
 * through the engine (Regulation 1182/71, the controller's calendar and time
 * zone). The extended deadline is three months from receipt, not two months
 * added to the one-month date (Art. 12(3) GDPR, Regulation 1182/71).
 */
export function requestDeadlines(input: RequestDeadlineInput): RequestDeadlines {
  const suspensions: Suspension[] = input.suspensions.map((s) => {
    const to = s.toAt ?? input.now;
    return { from: s.fromAt, to: to.getTime() < s.fromAt.getTime() ? s.fromAt : to };
  });
  const ctx = { country: input.country, timeZone: input.timeZone, received: input.receivedAt, suspensions };
  const first = oneMonthDeadline(ctx);
  const current = input.extended ? extendedDeadline(ctx) : first;
  return { first, current, dueAt: current.dueAt, dueDate: current.dueDate, firstDueAt: first.dueAt };
}
