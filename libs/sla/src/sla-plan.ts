/**
 * What the SLA of one rights request expects to send, and when: pure, from
 * the request's due instants, the configured offsets and `now`.
 *
 * - `reminder-<n>`: at the start of the day n days before the due day
 *   (n = 0: the morning of the due day itself), to the compliance admins;
 * - `overdue`: just after `due_at`, the request is marked overdue and escalated;
 * - `extension-alarm`: `EXTENSION_ALARM_DAYS` before `first_due_at` while the
 *   request is not extended: the extension must be notified within the first
 *   month (Art. 12(3)), so the admins are warned before that chance is gone;
 * - `withdrawal-limit` / `withdrawal-limit-passed`: for a consent withdrawal
 *   at a controller that promises to carry it out within some working days
 *   (Inomedis notice clause 15: three; libs/requests `withdrawalLimitOf`), at
 *   the start of the limit's last day and just after it, while the request is
 *   open. The withdrawal itself is in effect from receipt (GDPR Art. 7(3)):
 *   the limit is the controller's own promise, and a pause of the Art. 12(3)
 *   clock does not stop it.
 *
 * Every item names the due instant it is about: a pause or an extension
 * moves `due_at`, the new plan has other keys, and jobs of the old plan find
 * nothing to do.
 */
export type SlaKind = `reminder-${number}` | 'overdue' | 'extension-alarm' | 'withdrawal-limit' | 'withdrawal-limit-passed';

export interface SlaItem {
  kind: SlaKind;
  /** The due instant the item is about (due_at; first_due_at for the extension alarm; the limit's end for a withdrawal). */
  dueAt: Date;
  /** When it should be sent. */
  at: Date;
}

export interface SlaRequestView {
  state: string;
  dueAt: Date;
  firstDueAt: Date;
  extendedAt: Date | null;
  /** The clock stands still (a pause, or identity awaited): due_at is not final, nothing is sent about it. */
  paused?: boolean;
  /** The end of the controller's promise to carry out a consent withdrawal (libs/requests `withdrawalLimitOf`), if it made one. */
  withdrawalLimit?: Date | null;
}

export const DAY_MS = 24 * 3600 * 1000;
/** Days before the end of the first month when an unextended request raises the alarm. */
export const EXTENSION_ALARM_DAYS = 3;
const ACTIVE = ['received', 'awaiting-identity', 'in-progress', 'extended'];

/** Parses `SLA_REMINDER_DAYS` ("14,7,2,0"): distinct whole days 0-90, largest first. */
export function parseReminderDays(raw: string): number[] {
  const parts = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const days = parts.map((p) => {
    if (!/^\d{1,2}$/.test(p) || Number(p) > 90) throw new Error(`SLA_REMINDER_DAYS: '${p}' is not a whole number of days from 0 to 90`);
    return Number(p);
  });
  return [...new Set(days)].sort((a, b) => b - a);
}

/** Everything the SLA plans for a request (sent or not): empty once the request is closed. */
export function planSla(req: SlaRequestView, reminderDays: number[]): SlaItem[] {
  if (!ACTIVE.includes(req.state)) return [];
  const limit = withdrawalLimitItems(req.withdrawalLimit);
  if (req.paused) return limit;
  const due = req.dueAt.getTime();
  const items: SlaItem[] = reminderDays.map((d) => ({
    kind: `reminder-${d}` as SlaKind,
    dueAt: req.dueAt,
    // The start of the day n days before the due day (due_at is the end of the due day, 23:59:59.999 local).
    at: new Date(due + 1 - (d + 1) * DAY_MS),
  }));
  items.push({ kind: 'overdue', dueAt: req.dueAt, at: new Date(due + 1) });
  items.push(...limit);
  if (!req.extendedAt && req.state !== 'extended') {
      items.push({ kind: 'extension-alarm', dueAt: req.firstDueAt, at: new Date(req.firstDueAt.getTime() + 1 - (EXTENSION_ALARM_DAYS + 1) * DAY_MS) });
  }
  return items;
}

/**
 * What should have been sent by `now`: only the latest reminder that is due
 * (a request found late does not get all its reminders at once), none once
 * it is overdue, and the extension alarm only while an extension is still
 * possible (before first_due_at).
 */
export function dueItems(plan: SlaItem[], now: Date): SlaItem[] {
  const t = now.getTime();
  const due = plan.filter((i) => i.at.getTime() <= t);
  const overdue = due.some((i) => i.kind === 'overdue');
  const reminders = due.filter((i) => i.kind.startsWith('reminder-'));
  const latest = reminders.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return due.filter((i) => {
    if (i.kind === 'overdue') return true;
    if (i.kind === 'extension-alarm' || i.kind === 'withdrawal-limit') return t <= i.dueAt.getTime();
    if (i.kind === 'withdrawal-limit-passed') return true;
    return !overdue && i === latest;
  });
}

/** The key of a notice in `sla_notices` (request aside): its kind and due instant. */
export function noticeKey(kind: string, dueAt: Date): string {
  return `${kind}|${dueAt.getTime()}`;
}

/**
 * When the request must next be looked at (`rights_requests.next_notice_at`),
 * given the notices already sent (`noticeKey`s): the earliest notice due by
 * `now` and not sent (it is late: a failed send), else the earliest planned
 * after `now` and not sent, else null (nothing more to send). Each item
 * becomes due at its own `at` (the latest reminder then, the alarms before
 * their due instant), so nothing is due before the instant returned; an item
 * superseded by `now` (an earlier reminder, the alarm once the extension is
 * no longer possible) never makes the sweep read the request again.
 */
export function nextNoticeAt(plan: SlaItem[], sent: ReadonlySet<string>, now: Date): Date | null {
  const unsent = (i: SlaItem) => !sent.has(noticeKey(i.kind, i.dueAt));
  const late = dueItems(plan, now).filter(unsent);
  const later = plan.filter((i) => i.at.getTime() > now.getTime() && unsent(i));
  const times = [...late, ...later].map((i) => i.at.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/** The withdrawal limit's alarms: the morning of its last day (like `reminder-0`), and just after its end. */
function withdrawalLimitItems(limit: Date | null | undefined): SlaItem[] {
  if (!limit) return [];
  const end = limit.getTime();
  return [
    { kind: 'withdrawal-limit', dueAt: limit, at: new Date(end + 1 - DAY_MS) },
    { kind: 'withdrawal-limit-passed', dueAt: limit, at: new Date(end + 1) },
  ];
}

/** Whether a planned item still holds for the request as it is now (a job of an older plan does nothing). */
export function stillPlanned(req: SlaRequestView, reminderDays: number[], kind: string, dueAt: Date): boolean {
  return planSla(req, reminderDays).some((i) => i.kind === kind && i.dueAt.getTime() === dueAt.getTime());
}

/** Deterministic BullMQ job id: request + kind + due instant (no ':' in custom ids). */
export function slaJobId(requestId: string, kind: string, dueAt: Date): string {
  return `sla-${requestId}-${kind}-${dueAt.getTime()}`;
}
