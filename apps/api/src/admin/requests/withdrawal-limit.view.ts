import { Lang } from '@regula/engine';
import { withdrawalLimitOf, type WithdrawalLimitRef } from '@regula/requests';
import { formatDate, formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import { deadlineWords } from './deadline-words';
import { daysBetween, urgencyOf, type Urgency } from './request-urgency';

type T = (key: string, vars?: Record<string, unknown>) => string;

export interface WithdrawalLimitView {
  /** "Withdrawal to be carried out by Friday, 26 June 2026 (Inomedis privacy notice, clause 15)". */
  text: string;
  /** When the withdrawal reached the controller: it is in effect since then. */
  received: string;
  dueDate: string;
  urgency: Urgency;
  /** The limit in words, as the deadline column says it ("2 days left", "Overdue by 1 day", "Closed"). */
  daysLeft: string;
  /** Next to the reference in the queue while the limit is near or passed (never colour alone). */
  flag?: string;
  explanation: string[];
}

/**
 * The outer limit a controller promised for carrying out a consent
 * withdrawal (libs/requests `withdrawalLimitOf`; Inomedis notice clause 15),
 * for the request page and the queue: its date and source, how near it is
 * in the words and colours of the request deadline (`urgencyOf`,
 * `deadlineWords`: the same thresholds), and a flag while it is near or
 * passed on an open request. Null where the controller promised no period.
 * Passed means the limit's last day is over in the controller's time zone
 * (`today` is computed from the injected clock by the caller).
 */
export function withdrawalLimitView(
  r: { type: string; receivedAt: Date | string; closedAt: Date | string | null },
  tenant: AdminTenant, lang: Lang, today: string, t: T, dateStyle: 'full' | 'long' = 'long',
): WithdrawalLimitView | null {
  const limit = withdrawalLimitOf({ type: r.type, receivedAt: new Date(r.receivedAt) }, tenant.def);
  if (!limit) return null;
  const closedAt = r.closedAt ? new Date(r.closedAt) : null;
  const { urgency, daysLeft } = urgencyOf({ dueDate: limit.dueDate, overdue: daysBetween(today, limit.dueDate) < 0, closedAt, suspended: null }, today);
  const date = formatDate(limit.dueDate, lang, dateStyle);
  const source = sourceWords(limit.ref, tenant.name, t);
  return {
    text: source ? t('withdrawalLimit.bySource', { date, source }) : t('withdrawalLimit.by', { date }),
    received: formatInstant(r.receivedAt, lang, tenant.timeZone),
    dueDate: limit.dueDate,
    urgency,
    daysLeft: deadlineWords(urgency, daysLeft, null, t),
    flag: urgency === 'overdue' ? t('withdrawalLimit.flagPassed') : urgency === 'critical' || urgency === 'soon' ? t('withdrawalLimit.flagSoon') : undefined,
    explanation: limit.explanation,
  };
}

/** "Inomedis privacy notice, clause 15" in the page language; a source that is not the notice keeps its own title. */
function sourceWords(ref: WithdrawalLimitRef | null, controller: string, t: T): string | null {
  if (!ref) return null;
  if (ref.notice) {
    if (ref.clause) return t('withdrawalLimit.noticeClause', { controller, clause: ref.clause });
    return ref.at ? `${t('withdrawalLimit.notice', { controller })}, ${ref.at}` : t('withdrawalLimit.notice', { controller });
  }
  if (ref.clause) return `${ref.title}, ${t('withdrawalLimit.clause', { clause: ref.clause })}`;
  return ref.at ? `${ref.title}, ${ref.at}` : ref.title;
}
