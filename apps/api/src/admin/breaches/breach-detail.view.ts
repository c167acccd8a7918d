import type { BreachView } from '@regula/breaches';
import { BREACH_RISKS, SUBJECTS_EXEMPTIONS } from '@regula/breaches';
import { Lang } from '@regula/engine';
import { formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import { breachClockWords } from './breach-clock.view';
import { isoToLocal } from './local-time';

type T = (key: string, vars?: Record<string, unknown>) => string;

export interface BreachFormState {
  action: string;
  error: string;
  values: Record<string, unknown>;
}

/** The values of the update form: the breach as it is, in the form's shape. */
export function breachFormValues(b: BreachView, tz: string): Record<string, unknown> {
  return {
    title: b.title,
    awareAt: isoToLocal(b.awareAt, tz),
    occurredAt: isoToLocal(b.occurredAt, tz),
    nature: b.nature,
    dataCategories: b.dataCategories.join('\n'),
    subjectCategories: b.subjectCategories.join('\n'),
    approxSubjects: b.approxSubjects ?? '',
    approxRecords: b.approxRecords ?? '',
    likelyConsequences: b.likelyConsequences ?? '',
    measures: b.measures ?? '',
    dpoContact: b.dpoContact,
    risk: b.risk ?? '',
    riskReasoning: b.riskReasoning ?? '',
    authorityReference: b.authorityReference ?? '',
    delayReasons: b.delayReasons ?? '',
  };
}

export function riskOptions(t: T, selected: unknown) {
  return [{ value: '', label: t('breaches.risk.none'), selected: !selected }, ...BREACH_RISKS.map((r) => ({ value: r, label: t(`breaches.risk.${r}`), selected: r === selected }))];
}

/** A breach's page: the facts, the clock (computed now), reminders, and the forms its state allows. */
export function breachDetailView(b: BreachView, tenant: AdminTenant, lang: Lang, now: Date, t: T, failed?: BreachFormState) {
  const when = (d: Date | null | undefined) => (d ? formatInstant(d, lang, tenant.timeZone) : '');
  const base = `/admin/t/${tenant.slug}/breaches/${b.id}`;
  const clock = breachClockWords(b, now, t);
  const canWrite = tenant.permissions.includes('breaches:write');
  const show: Record<string, boolean> = {
    'authority-notified': !b.authorityNotifiedAt && !b.closedAt,
    'subjects-notified': !b.subjectsNotifiedAt && !b.subjectsExemption && !b.closedAt,
    update: !b.closedAt,
    close: !b.closedAt,
    reopen: !!b.closedAt,
  };
  const current = breachFormValues(b, tenant.timeZone);
  const forms: Record<string, { show: boolean; action: string; values: Record<string, unknown>; error?: string }> = {};
  for (const name of Object.keys(show)) {
    const mine = failed?.action === name;
    forms[name] = {
      show: canWrite && show[name],
      action: `${base}/${name}`,
      values: mine ? failed!.values : name === 'update' ? current : {},
      error: mine ? failed!.error : undefined,
    };
  }
  const late = !b.authorityNotifiedAt && clock.passed;
  return {
    base,
    listHref: `/admin/t/${tenant.slug}/breaches`,
    breach: {
      reference: b.reference,
      title: b.title,
      status: b.status,
      statusLabel: t(`breaches.status.${b.status}`),
      risk: b.risk ? t(`breaches.risk.${b.risk}`) : t('breaches.risk.none'),
      riskReasoning: b.riskReasoning ?? '',
      aware: when(b.awareAt),
      occurred: when(b.occurredAt),
      nature: b.nature,
      dataCategories: b.dataCategories,
      subjectCategories: b.subjectCategories,
      approxSubjects: b.approxSubjects,
      approxRecords: b.approxRecords,
      likelyConsequences: b.likelyConsequences ?? '',
      measures: b.measures ?? '',
      dpoContact: b.dpoContact,
      authorityNotified: b.authorityNotifiedAt ? { at: when(b.authorityNotifiedAt), reference: b.authorityReference ?? '' } : null,
      subjectsNotified: b.subjectsNotifiedAt ? { at: when(b.subjectsNotifiedAt), method: b.subjectsNotificationMethod ?? '' } : null,
      exemption: b.subjectsExemption ? { label: t(`breaches.exemption.${b.subjectsExemption}`), reasoning: b.subjectsExemptionReasoning ?? '' } : null,
      delayReasons: b.delayReasons ?? '',
      closed: when(b.closedAt),
      createdBy: b.createdBy,
    },
    clock: {
      ...clock,
      deadline: when(b.clock.deadlineAt),
      deadlineIso: new Date(b.clock.deadlineAt).toISOString(),
      computedAt: when(now),
      flaggedAt: when(b.clock.deadlinePassedAt),
      explanation: b.clock.explanation,
      reminders: b.clock.remindersSent.map((k) => t(`breaches.reminder.${k}`)),
    },
    lateHint: late,
    forms,
    anyForm: Object.values(forms).some((f) => f.show),
    risks: riskOptions(t, forms.update.values.risk),
    exemptions: SUBJECTS_EXEMPTIONS.map((e) => ({ value: e, label: t(`breaches.exemption.${e}`), selected: e === forms['subjects-notified'].values.exemption })),
    failure: failed ? { message: failed.error, anchor: forms[failed.action]?.show ? `#b-${failed.action}-error` : undefined } : undefined,
  };
}
