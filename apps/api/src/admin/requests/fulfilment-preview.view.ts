import { resolveText, type Lang, type Register } from '@regula/engine';
import { packageBuildFailure, previewExpiresAt, type FulfilmentPlan, type PackageBuildView, type PlanDifference, type PlannedRecord, type RequestFulfilmentPlanEntity } from '@regula/requests';
import { formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** Register and category names in the admin's language (the plan holds them in the requester's). */
export type Names = (r: PlannedRecord) => Pick<PlannedRecord, 'registerName' | 'categoryName'>;

export function namesFrom(registers: Register[], lang: Lang): Names {
  const byId = new Map(registers.map((r) => [r.id, r]));
  return (r) => {
    const def = byId.get(r.register);
    // A consent's or an objection flag's "category" is a purpose of the register.
    const named = r.action === 'withdraw-consent' || r.action === 'object'
      ? def?.purposes.find((p) => p.id === r.category)
      : def?.dataCategories.find((c) => c.id === r.category);
    return {
      registerName: def?.name ? resolveText(def.name, lang).text : r.registerName,
      categoryName: named?.name ? resolveText(named.name, lang).text : r.categoryName,
    };
  };
}

/** The request page's list of previews and results: when, by whom, whether confirmed and whether the act differed. */
export function planRows(rows: RequestFulfilmentPlanEntity[], tenant: AdminTenant, reference: string, lang: Lang, t: T, build: PackageBuildView | null = null) {
  const when = (at: Date | null) => (at ? formatInstant(at, lang, tenant.timeZone) : '');
  return rows.map((r) => ({
    // The access package built from this preview, while it is built or when it failed (once done the result says it).
    build: build?.status === 'done' ? null : packageBuildSection(build, r.id, t),
    href: `/admin/t/${tenant.slug}/requests/${reference}/previews/${r.id}`,
    previewedAt: when(r.previewedAt),
    previewedBy: r.previewedBy,
    confirmedAt: when(r.confirmedAt),
    confirmedBy: r.confirmedBy,
    previewed: !!r.preview,
    confirmed: !!r.result,
    differs: r.difference ? !r.difference.same : false,
  }));
}

/** The words under a row's action: the law and the last day, the old and new value, when a withdrawal takes effect, which objection, to whom. */
function detailOf(r: PlannedRecord, t: T, lang: Lang, timeZone: string): string {
  switch (r.action) {
    case 'keep-by-law': return t('preview.keptUntil', { law: r.law ?? '', until: r.until ?? t('preview.notStarted') });
    case 'rectify': return t('preview.fromTo', { from: r.from ?? '', to: r.to ?? '' });
    case 'withdraw-consent': return r.until ? t('preview.effectiveOn', { date: r.until }) : '';
    case 'object': return r.kind ? t(`preview.objectionKind.${r.kind}`) : '';
    case 'report-disclosure': return t('preview.disclosedTo', { recipient: r.recipient ?? '', date: r.at ? formatInstant(r.at, lang, timeZone) : '' });
    default: return '';
  }
}

function recordRow(r: PlannedRecord, t: T, names: Names, lang: Lang, timeZone: string) {
  // An objection to everything the controller does names no register.
  const named = r.register ? names(r) : { registerName: t('preview.wholeTenant'), categoryName: '' };
  // An objection flag's id is Regula's own key, not a record anyone would look up.
  return { ...r, ...named, recordId: r.action === 'object' ? '' : r.recordId, actionLabel: t(`preview.action.${r.action}`), detail: detailOf(r, t, lang, timeZone) };
}

function planSection(plan: FulfilmentPlan, t: T, lang: Lang, timeZone: string, names: Names) {
  return {
    computedAt: formatInstant(plan.computedAt, lang, timeZone),
    summary: plan.summary,
    summaryLang: plan.language,
    records: plan.records.map((r) => recordRow(r, t, names, lang, timeZone)),
    webhooks: plan.webhooks,
    subject: {
      ...plan.subject,
      channelLabel: t(`preview.channel.${plan.subject.channel}`),
    },
  };
}

function differenceSection(d: PlanDifference, t: T, names: Names, lang: Lang, timeZone: string) {
  const row = (r: PlannedRecord) => recordRow(r, t, names, lang, timeZone);
  return {
    same: d.same,
    added: d.added.map(row),
    removed: d.removed.map(row),
    changed: d.changed.map((c) => ({ before: row(c.before), after: row(c.after) })),
    webhooks: [
      ...d.webhooksAdded.map((w) => ({ ...w, change: t('preview.webhookAdded') })),
      ...d.webhooksRemoved.map((w) => ({ ...w, change: t('preview.webhookRemoved') })),
      ...d.webhooksChanged.map((c) => ({ ...c.after, change: t('preview.webhookChanged', { before: c.before.items, after: c.after.items }) })),
    ],
  };
}

/** An access package the worker builds from this preview: its progress, or why it failed, or that it is complete (null for another preview's build). */
export function packageBuildSection(build: PackageBuildView | null, previewId: string, t: T) {
  if (!build || build.previewId !== previewId) return null;
  const vars = { written: String(build.recordsWritten), total: String(build.recordsTotal) };
  // A failure is said in the page's language by its kind; the worker's English error text stays in the log and the API.
  const key = packageBuildFailure(build) === 'request-closed' ? 'failedClosed' : build.status;
  return { status: build.status, building: build.status === 'building', text: t(`preview.build.${key}`, vars) };
}

/**
 * The preview page: the plan, then (once confirmed) the result and what differs; the confirm form while it can be
 * confirmed (not after it expired, not while its access package is being built); the package's progress.
 */
export function previewView(
  row: RequestFulfilmentPlanEntity, tenant: AdminTenant, reference: string, lang: Lang, t: T, canConfirm: boolean, names: Names, now: Date, packageBuild: PackageBuildView | null = null,
) {
  const build = packageBuildSection(packageBuild, row.id, t);
  const when = (at: Date | null) => (at ? formatInstant(at, lang, tenant.timeZone) : '');
  const base = `/admin/t/${tenant.slug}/requests/${reference}`;
  const expiresAt = previewExpiresAt(row);
  const expired = !!expiresAt && expiresAt.getTime() <= now.getTime();
  return {
    reference,
    requestHref: base,
    typeLabel: t(`types.${row.type}`),
    previewedAt: when(row.previewedAt),
    previewedBy: row.previewedBy,
    confirmedAt: when(row.confirmedAt),
    confirmedBy: row.confirmedBy,
    preview: row.preview ? planSection(row.preview, t, lang, tenant.timeZone, names) : null,
    result: row.result ? planSection(row.result, t, lang, tenant.timeZone, names) : null,
    difference: row.difference ? differenceSection(row.difference, t, names, lang, tenant.timeZone) : null,
    confirmAction: canConfirm && !row.result && !expired && !build?.building ? `${base}/previews/${row.id}/confirm` : null,
    build,
    expired: !row.result && expired,
  };
}
