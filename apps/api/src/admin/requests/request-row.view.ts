import { Lang } from '@regula/engine';
import type { RequestListItem } from '@regula/requests';
import { formatDate, formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import { deadlineWords } from './deadline-words';
import { urgencyOf } from './request-urgency';
import { identityStateOf } from './identity-state';
import { withdrawalLimitView } from './withdrawal-limit.view';

export interface RequestRowView {
  reference: string;
  href: string;
  type: string;
  state: string;
  received: string;
  receivedIso: string;
  due: string;
  dueDate: string;
  daysLeft: string;
  urgency: string;
  /** Shown next to the reference for the urgent ones (never colour alone). */
  flag?: string;
  /** Identity information was asked for late (more than REQUESTS_IDENTITY_LATE_DAYS after receipt). */
  identityLate?: string;
  /** Flagged as a duplicate of an earlier request of the same subject and type ("repeats R-…"). */
  duplicate?: string;
  /** Imported from a file of past requests. */
  imported?: string;
  requester: string;
  /** Where the identity check stands, in words. */
  identity: string;
  /** Who handles it, or "nobody yet". */
  handler: string;
  unassigned: boolean;
  /** A consent withdrawal's promised outer limit (Inomedis clause 15), under the due date, with its own flag. */
  withdrawalLimit?: { text: string; dueDate: string; flag?: string };
}

/** Most urgent first: a row takes the colour of the nearer of its deadline and its withdrawal limit. */
const SEVERITY = ['overdue', 'critical', 'soon', 'normal', 'paused', 'closed'];

/** One row of a request table (queue, home page): labels in the page language, the deadline in words. */
export function requestRow(r: RequestListItem, tenant: AdminTenant, lang: Lang, today: string, t: (key: string, vars?: Record<string, unknown>) => string): RequestRowView {
  const { urgency, daysLeft } = urgencyOf(r, today);
  const daysText = deadlineWords(urgency, daysLeft, r.suspended, t);
  const limit = withdrawalLimitView(r, tenant, lang, today, t);
  const rowUrgency = limit && SEVERITY.indexOf(limit.urgency) < SEVERITY.indexOf(urgency) ? limit.urgency : urgency;
  return {
    reference: r.reference,
    href: `/admin/t/${tenant.slug}/requests/${r.reference}`,
    type: t(`types.${r.type}`),
    state: t(`states.${r.state}`),
    received: formatInstant(r.receivedAt, lang, tenant.timeZone),
    receivedIso: new Date(r.receivedAt).toISOString(),
    due: formatDate(r.dueDate, lang),
    dueDate: r.dueDate,
    daysLeft: daysText,
    urgency: rowUrgency,
    requester: r.requesterName,
    identity: t(`identityState.${identityStateOf(r)}`),
    handler: r.assignee ? r.assignee.name : t('desk.nobody'),
    unassigned: !r.assignee,
    flag: urgency === 'overdue' ? t('queue.flagOverdue') : urgency === 'critical' || urgency === 'soon' ? t('queue.flagSoon') : undefined,
    identityLate: r.identityRequestLate ? t('queue.flagIdentityLate') : undefined,
    duplicate: r.duplicateOf ? t('queue.flagDuplicate', { reference: r.duplicateOf }) : undefined,
    imported: r.imported ? t('requestHistory.importedTag') : undefined,
    ...(limit ? { withdrawalLimit: { text: limit.text, dueDate: limit.dueDate, flag: limit.flag } } : {}),
  };
}
