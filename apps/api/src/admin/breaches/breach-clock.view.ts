import type { BreachView } from '@regula/breaches';

type T = (key: string, vars?: Record<string, unknown>) => string;
type ClockInput = Pick<BreachView, 'risk' | 'closedAt' | 'authorityNotifiedAt' | 'clock'>;

export type ClockUrgency = 'normal' | 'soon' | 'critical' | 'overdue' | 'closed';

export interface ClockWords {
  urgency: ClockUrgency;
  /** "61 h 5 min left", "Deadline passed 3 h 20 min ago", "Authority notified"... */
  words: string;
  /** The 72 hours ended without a notification to the authority (or the worker flagged it). */
  passed: boolean;
  running: boolean;
}

function hm(ms: number): { hours: number; minutes: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/**
 * The 72-hour clock of a breach in words, computed when the page is rendered
 * (no JavaScript): time left in hours and minutes, amber within 48 hours, red
 * within 24, dark red once passed; colour is never the only signal.
 */
export function breachClockWords(b: ClockInput, now: Date, t: T): ClockWords {
  const flagged = !!b.clock.deadlinePassedAt;
  if (b.closedAt) return { urgency: 'closed', words: t('breaches.clock.closed'), passed: flagged, running: false };
  if (b.authorityNotifiedAt) {
    return { urgency: 'closed', words: t(b.clock.notifiedLate ? 'breaches.clock.notifiedLate' : 'breaches.clock.notifiedInTime'), passed: b.clock.notifiedLate, running: false };
  }
  if (b.risk === 'no-risk') return { urgency: 'closed', words: t('breaches.clock.noRisk'), passed: false, running: false };
  const ms = new Date(b.clock.deadlineAt).getTime() - now.getTime();
  if (ms <= 0) return { urgency: 'overdue', words: t('breaches.clock.passed', hm(ms)), passed: true, running: true };
  const urgency: ClockUrgency = ms <= 24 * 3_600_000 ? 'critical' : ms <= 48 * 3_600_000 ? 'soon' : 'normal';
  return { urgency, words: t('breaches.clock.left', hm(ms)), passed: flagged, running: true };
}
