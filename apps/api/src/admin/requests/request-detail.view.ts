import { Lang } from '@regula/engine';
import { displayNamesOf } from '@regula/platform';
import { ACTIVE_STATES, ANSWERED_STATES, REFUSAL_GROUNDS, MAX_REPLY_BYTES, MAX_REPLY_NOTE, type ReplyMeta } from '@regula/requests';
import type { RequestsService, TeamMember } from '@regula/requests';
import { formatDate, formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import { ACTION_FORMS } from './request-action.forms';
import { deadlineWords } from './deadline-words';
import { urgencyOf } from './request-urgency';
import { ReplyDeliveryOption, replyDeliveries } from './reply-delivery';
import { deskActions, deskAssignment } from './request-desk.view';
import { withdrawalLimitView } from './withdrawal-limit.view';

type Detail = Awaited<ReturnType<RequestsService['detail']>>;
type T = (key: string, vars?: Record<string, unknown>) => string;

/** A form that came back with an error: which one, the message, and the values typed. */
export interface FormState {
  action: string;
  error: string;
  values: Record<string, unknown>;
}

function detailValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Everything the request page shows: the request, its deadline and the
 * engine's explanation, timeline, identity documents, messages, e-mails,
 * and the forms the state allows to this user (the same table the API uses).
 */
export function requestDetailView(
  d: Detail, tenant: AdminTenant, lang: Lang, today: string, t: T, failed?: FormState, replies: ReplyMeta[] = [],
  desk: { team: TeamMember[]; userId: string } = { team: [], userId: '' },
) {
  const r = d.request;
  const base = `/admin/t/${tenant.slug}/requests/${r.reference}`;
  const when = (at: Date | string | null | undefined) => (at ? formatInstant(at, lang, tenant.timeZone) : '');
  const can = (p: string) => (tenant.permissions as string[]).includes(p);
  const allowed = new Set<string>(d.allowedActions);
  const pending = d.evidence.filter((e) => !e.decision);
  const suspended = d.deadline.suspended;
  const { urgency, daysLeft } = urgencyOf({ dueDate: d.deadline.dueDate, overdue: d.deadline.overdue, closedAt: r.closedAt, suspended: suspended?.kind ?? null }, today);

  const show: Record<string, boolean> = {
    'identity-confirm': allowed.has('verify-identity'),
    'identity-reject': allowed.has('reject-evidence') && pending.length > 0,
    extend: allowed.has('extend') && d.deadline.canExtend,
    fee: allowed.has('request-fee'),
    message: allowed.has('message'),
    fulfil: allowed.has('complete'),
    refuse: allowed.has('refuse'),
    // Handling an open request: a closed one has nothing left to hand over or note (its page shows no form).
    assign: !r.closedAt,
    note: !r.closedAt,
    // Into the earlier request while that one is open (its page says so and links the merge page).
    merge: allowed.has('merge') && !!d.duplicates.duplicateOf && (ACTIVE_STATES as readonly string[]).includes(d.duplicates.duplicateOf.state),
  };
  const forms: Record<string, { show: boolean; action: string; values: Record<string, unknown>; error?: string; deliveries?: ReplyDeliveryOption[]; arrivedAtError?: boolean }> = {};
  for (const [name, form] of Object.entries(ACTION_FORMS)) {
    const mine = failed?.action === name;
    forms[name] = { show: show[name] && can(form.permission), action: `${base}/${name}`, values: mine ? failed!.values : {}, error: mine ? failed!.error : undefined };
  }
  // The confirm form's error marks the field it names: the arrival time, else the note.
  forms['identity-confirm'].arrivedAtError = /arrivedAt/.test(forms['identity-confirm'].error ?? '');
  // The reply upload is multipart: its own route (and guard), not one of ACTION_FORMS.
  const replyFailed = failed?.action === 'reply';
  forms.reply = {
    show: allowed.has('reply') && can('requests:write'), action: `${base}/replies/upload`,
    values: replyFailed ? failed!.values : {}, error: replyFailed ? failed!.error : undefined,
    deliveries: replyDeliveries(t, r.requesterEmail, replyFailed ? failed!.values.delivery : undefined),
  };
  const actions = deskActions(forms, pending.length, t);
  const outcome = r.outcome as { summary?: string; downloads?: { id: string; label?: string }[] } | null;
  const isAdmin = tenant.role === 'compliance-admin' && can('evidence:read');

  return {
    base,
    /** The controller's zone: the dashboard's local dates and times are read in it. */
    timeZone: tenant.timeZone,
    request: {
      reference: r.reference,
      type: r.type,
      typeLabel: t(`types.${r.type}`),
      state: r.state,
      stateLabel: t(`states.${r.state}`),
      requesterName: r.requesterName,
      requesterEmail: r.requesterEmail,
      locale: r.locale,
      /** The requester's language in the admin's words: what the admin writes reasons in (they are e-mailed to the requester as typed). */
      localeName: languageWords(r.locale, lang),
      channel: r.channel,
      received: when(r.receivedAt),
      // A request an admin recorded from e-mail, post, phone or in person: how, who received it, late or not, the offline contact.
      recorded: r.receivedBy
        ? { channel: t(`record.channels.${r.channel}`), receivedBy: r.receivedBy, late: r.recordedLate, lateReason: r.lateReason, address: r.requesterAddress, phone: r.requesterPhone }
        : null,
      identityMethod: t(`identity.${r.identityMethod}`),
      identityVerified: r.identityVerifiedAt ? when(r.identityVerifiedAt) : null,
      emailVerified: r.emailVerifiedAt ? when(r.emailVerifiedAt) : null,
      details: Object.entries(r.details ?? {}).map(([key, value]) => ({ key, value: detailValue(value) })).filter((x) => x.value !== ''),
      refusal: r.refusalGround ? { ground: t(`grounds.${r.refusalGround}`), reason: r.refusalReason ?? '' } : null,
      extension: r.extendedAt ? { at: when(r.extendedAt), reason: r.extensionReason ?? '' } : null,
      fee: r.feeRequestedAt ? { amount: r.feeEur, reason: r.feeReason ?? '', at: when(r.feeRequestedAt) } : null,
      outcome: outcome ? { summary: outcome.summary ?? '', downloads: (can('requests:fulfil') ? outcome.downloads ?? [] : []).map((x) => ({ href: `${base}/artifacts/${x.id}`, label: x.label ?? x.id })) } : null,
      closed: r.closedAt ? when(r.closedAt) : null,
    },
    deadline: {
      due: formatDate(d.deadline.dueDate, lang, 'full'),
      dueDate: d.deadline.dueDate,
      firstDue: d.deadline.extended ? formatDate(d.deadline.firstDueDate, lang, 'full') : null,
      urgency,
      daysLeft: deadlineWords(urgency, daysLeft, suspended?.kind, t),
      suspended: suspended ? { since: when(suspended.since), reason: suspended.reason ?? '', kind: t(`suspension.${suspended.kind}`) } : null,
      suspendedDays: d.deadline.suspendedDays,
      identityRequestedLate: r.identityRequestLate && r.identityRequestedAt ? when(r.identityRequestedAt) : null,
      explanation: d.deadline.explanation,
    },
    // A consent withdrawal's promised outer limit (Inomedis clause 15), beside the deadline; in effect since receipt.
    withdrawalLimit: withdrawalLimitView(r, tenant, lang, today, t, 'full'),
    authority: d.authority,
    timeline: d.timeline.map((e) => ({
      at: when(e.at),
      atIso: new Date(e.at).toISOString(),
      kind: t(`events.${e.kind}`) === `events.${e.kind}` ? e.kind : t(`events.${e.kind}`),
      /** The member's name where the entry is a staff member's (the timeline records their e-mail). */
      actor: e.actorName ?? e.actor,
      note: e.note ?? '',
      change: e.fromState && e.toState && e.fromState !== e.toState ? `${t(`states.${e.fromState}`)} → ${t(`states.${e.toState}`)}` : '',
    })),
    evidence: d.evidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      contentType: e.contentType,
      sizeKb: Math.max(1, Math.round(e.sizeBytes / 1024)),
      uploaded: when(e.uploadedAt),
      decision: e.decision ? t(`evidence.${e.decision}`) : t('evidence.pending'),
      note: e.reviewNote ?? '',
      href: isAdmin ? `${base}/evidence/${e.id}` : undefined,
    })),
    evidenceHidden: d.evidence.length > 0 && !isAdmin,
    pendingEvidence: pending.map((e) => ({ id: e.id, fileName: e.fileName })),
    replies: replies.map((r) => ({
      fileName: r.fileName, contentType: r.contentType, sizeKb: Math.max(1, Math.round(r.sizeBytes / 1024)), uploaded: when(r.createdAt), note: r.note ?? '', sha256: r.sha256,
      // The same download as the other files that answer the request (requests:fulfil: the compliance admins).
      href: can('requests:fulfil') ? `${base}/artifacts/${r.id}` : undefined,
    })),
    replyLimits: { maxMb: MAX_REPLY_BYTES / 1024 / 1024, maxNote: MAX_REPLY_NOTE },
    messages: d.messages.map((m) => ({ at: when(m.at), from: m.from, text: m.text ?? '' })),
    emails: d.emails.map((e) => ({ at: when(e.createdAt), template: e.template, status: e.status })),
    forms,
    primaryAction: actions.primary,
    otherActions: actions.others,
    assignment: deskAssignment(d.assignee, desk.team, desk.userId, forms.assign, t),
    notes: d.notes.map((n) => ({ at: when(n.at), atIso: new Date(n.at).toISOString(), author: n.authorName ?? n.author, text: n.text })),
    /** The error summary at the top (the form it belongs to may no longer be shown). */
    failure: failed ? { message: failed.error, anchor: forms[failed.action]?.show ? `#a-${failed.action}-error` : undefined } : undefined,
    anyForm: Object.values(forms).some((f) => f.show),
    grounds: REFUSAL_GROUNDS.map((g) => ({ value: g, label: t(`grounds.${g}`) })),
    fulfilKind: r.type,
    // These types show what they will do before they do it (issue 14 §3).
    fulfilHint: t(`fulfil.${r.type}`),
    fulfilWithheld: r.type === 'access' || r.type === 'recipients-in-period',
    queueHref: `/admin/t/${tenant.slug}/requests`,
    duplicates: duplicatesView(d.duplicates, tenant, lang, t, base, {
      canMerge: forms.merge.show,
      // Refusing as repeated: the earlier one answered, this one still open (the refusal form offers the ground).
      canRefuseRepeated: forms.refuse.show && !!d.duplicates.duplicateOf && (ANSWERED_STATES as readonly string[]).includes(d.duplicates.duplicateOf.state),
    }),
  };
}

/** The duplicate flag: the earlier request this one repeats (with what can be done), and the later ones repeating it. */
function duplicatesView(dup: Detail['duplicates'], tenant: AdminTenant, lang: Lang, t: T, base: string, can: { canMerge: boolean; canRefuseRepeated: boolean }) {
  const href = (ref: string) => `/admin/t/${tenant.slug}/requests/${ref}`;
  const day = (at: Date | string) => formatInstant(at, lang, tenant.timeZone);
  if (!dup.duplicateOf && !dup.duplicates.length) return null;
  const e = dup.duplicateOf;
  return {
    earlier: e
      ? {
        reference: e.reference, href: href(e.reference), state: t(`states.${e.state}`), received: day(e.receivedAt),
        mergeHref: can.canMerge ? `${base}/merge` : undefined,
        canMerge: can.canMerge, canRefuseRepeated: can.canRefuseRepeated,
        open: (ACTIVE_STATES as readonly string[]).includes(e.state),
      }
      : null,
    later: dup.duplicates.map((l) => ({ reference: l.reference, href: href(l.reference), state: t(`states.${l.state}`), received: day(l.receivedAt) })),
  };
}

/** A language code in the admin's words ("Latvian"), or the code itself when it is not one. */
export function languageWords(code: string, lang: Lang): string {
  try {
    return displayNamesOf(lang, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}
