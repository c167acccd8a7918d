import { Country, Deadline, hoursDeadline } from '@regula/engine';
import type { BreachEntity, BreachStatus } from './breach.entity';

/** GDPR Art. 33(1): notify the authority where feasible within 72 hours of becoming aware. */
export const BREACH_NOTIFICATION_HOURS = 72;
/** Reminders to the compliance admins, in hours before the deadline. */
export const REMINDER_HOURS_BEFORE = [48, 24, 6] as const;

export const BREACH_CLOCK_KINDS = ['reminder-48h', 'reminder-24h', 'reminder-6h', 'deadline-passed'] as const;
export type BreachClockKind = (typeof BREACH_CLOCK_KINDS)[number];

export interface ClockStep {
  kind: BreachClockKind;
  /** When the step is due. */
  at: Date;
}

/** The 72-hour deadline: counted in hours from awareness, never moved for weekends or holidays (engine hoursDeadline). */
export function breachDeadline(awareAt: Date, ctx: { country: string; timeZone: string }): Deadline {
  return hoursDeadline({ country: ctx.country as Country, timeZone: ctx.timeZone, received: awareAt }, BREACH_NOTIFICATION_HOURS);
}

/** Every step of the clock of a breach whose deadline is `deadlineAt`, in time order. */
export function clockPlan(deadlineAt: Date): ClockStep[] {
  const reminders = REMINDER_HOURS_BEFORE.map((h) => ({ kind: `reminder-${h}h` as BreachClockKind, at: new Date(deadlineAt.getTime() - h * 3_600_000) }));
  return [...reminders, { kind: 'deadline-passed', at: deadlineAt }];
}

/** The marker a sent step leaves on the breach row: tied to the deadline, so a corrected awareness time re-arms the clock. */
export function stepMarker(kind: BreachClockKind, deadlineAt: Date): string {
  return `${kind}@${deadlineAt.toISOString()}`;
}

/** Deterministic job id of one step (BullMQ ids may not contain ':'). */
export function clockJobId(breachId: string, kind: BreachClockKind, deadlineAt: Date): string {
  return `breach-clock.${breachId}.${kind}.${deadlineAt.getTime()}`;
}

type ClockView = Pick<BreachEntity, 'risk' | 'authorityNotifiedAt' | 'closedAt'>;

/** Whether the 72-hour clock still matters: the authority is not yet told and the breach is not assessed as no risk (Art. 33(1)). */
export function clockRunning(b: ClockView): boolean {
  return b.risk !== 'no-risk' && !b.authorityNotifiedAt && !b.closedAt;
}

/**
 * What a step should do now: 'send', or why not. A reminder whose time has
 * passed the deadline is superseded by the deadline-passed flag; a step not
 * yet due (the deadline moved later) waits for its own job.
 */
export function stepDecision(
  b: ClockView & Pick<BreachEntity, 'deadlineAt' | 'remindersSent'>,
  kind: BreachClockKind,
  now: Date,
): 'send' | 'stopped' | 'already-sent' | 'not-due' | 'superseded' {
  if (!clockRunning(b)) return 'stopped';
  const step = clockPlan(b.deadlineAt).find((s) => s.kind === kind);
  if (!step) throw new Error(`unknown clock step ${kind}`);
  if (b.remindersSent.includes(stepMarker(kind, b.deadlineAt))) return 'already-sent';
  if (step.at.getTime() > now.getTime()) return 'not-due';
  if (kind !== 'deadline-passed') {
    if (b.deadlineAt.getTime() <= now.getTime()) return 'superseded';
    const later = clockPlan(b.deadlineAt).filter((s) => s.kind !== 'deadline-passed' && s.at.getTime() > step.at.getTime() && s.at.getTime() <= now.getTime());
    if (later.length) return 'superseded';
  }
  return 'send';
}

/** The one step a sweep should run now, if any: the latest one due and not yet sent. */
export function dueStep(b: ClockView & Pick<BreachEntity, 'deadlineAt' | 'remindersSent'>, now: Date): BreachClockKind | null {
  const due = clockPlan(b.deadlineAt).filter((s) => stepDecision(b, s.kind, now) === 'send');
  return due.length ? due[due.length - 1].kind : null;
}

/**
 * When the sweep must next look at a breach (`breaches.clock_next_at`): the
 * step after the latest one sent for the current deadline (sending a step
 * supersedes the earlier ones), null once the deadline-passed step is sent or
 * the clock stopped. Nothing is due before it: `dueStep` is null until then,
 * and the step it names is due from then on.
 */
export function nextClockAt(b: ClockView & Pick<BreachEntity, 'deadlineAt' | 'remindersSent'>): Date | null {
  if (!clockRunning(b)) return null;
  const steps = clockPlan(b.deadlineAt);
  const lastSent = steps.reduce((last, s, i) => (b.remindersSent.includes(stepMarker(s.kind, b.deadlineAt)) ? i : last), -1);
  return lastSent + 1 < steps.length ? steps[lastSent + 1].at : null;
}

/** Hours left before the deadline (negative once passed), rounded down. */
export function hoursLeft(deadlineAt: Date, now: Date): number {
  return Math.floor((deadlineAt.getTime() - now.getTime()) / 3_600_000);
}

type StatusView = Pick<BreachEntity, 'risk' | 'authorityNotifiedAt' | 'subjectsNotifiedAt' | 'subjectsExemption' | 'closedAt'>;

/**
 * open: the authority is still to be told (or the risk is not assessed);
 * subjects-pending: high risk, the authority told, the subjects neither told nor exempt (Art. 34);
 * notified: done; documented: no risk, kept on the register only (Art. 33(1), 33(5)); closed.
 */
export function statusOf(b: StatusView): BreachStatus {
  if (b.closedAt) return 'closed';
  if (b.risk === 'no-risk') return 'documented';
  if (!b.authorityNotifiedAt) return 'open';
  if (b.risk === 'high-risk' && !b.subjectsNotifiedAt && !b.subjectsExemption) return 'subjects-pending';
  return 'notified';
}

/** Why a breach cannot be closed yet, or null. */
export function closeBlocker(b: StatusView): string | null {
  if (b.risk === null) return 'assess the risk first (no-risk, risk or high-risk, with the reasoning)';
  if (b.risk !== 'no-risk' && !b.authorityNotifiedAt) return 'the supervisory authority has not been notified (GDPR Art. 33(1))';
  if (b.risk === 'high-risk' && !b.subjectsNotifiedAt && !b.subjectsExemption) {
    return 'high risk: tell the data subjects (GDPR Art. 34(1)) or record an exemption under Art. 34(3)';
  }
  return null;
}
