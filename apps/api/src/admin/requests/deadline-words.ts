import type { Urgency } from './request-urgency';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** The deadline in words (the row colour never says it alone): "3 days left", "Overdue by 1 day", "Clock paused"... */
export function deadlineWords(urgency: Urgency, daysLeft: number, suspended: string | null | undefined, t: T): string {
  if (urgency === 'closed') return t('queue.closed');
  if (urgency === 'overdue') {
    return t('queue.overdueBy', { days: Math.max(0, -daysLeft) });
  }
  if (urgency === 'paused') return t(suspended === 'identity' ? 'queue.pausedIdentity' : 'queue.paused');
  if (daysLeft === 0) return t('queue.dueToday');
  // The catalogue's plural rules say "1 day", "21 dienas"...
  return t('queue.daysLeft', { days: daysLeft });
}
