/**
 * How close a request is to its legal deadline, for the row colours of the
 * dashboard: overdue (dark red, and the word "overdue"), ≤ 2 days (red),
 * ≤ 7 days (amber). Colour is never the only signal: the days-left column
 * says it in words.
 */
export type Urgency = 'overdue' | 'critical' | 'soon' | 'normal' | 'paused' | 'closed';

/** Today's date 'YYYY-MM-DD' in the controller's time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function urgencyOf(r: { dueDate: string; overdue: boolean; closedAt: Date | null; suspended: string | null }, today: string): { urgency: Urgency; daysLeft: number } {
  const daysLeft = daysBetween(today, r.dueDate);
  if (r.closedAt) return { urgency: 'closed', daysLeft };
  if (r.overdue) return { urgency: 'overdue', daysLeft };
  if (r.suspended) return { urgency: 'paused', daysLeft };
  return { urgency: daysLeft <= 2 ? 'critical' : daysLeft <= 7 ? 'soon' : 'normal', daysLeft };
}
