import type { AuditEntryEntity, ChainVerdict } from '@regula/audit';
import type { Lang } from '@regula/engine';
import { formatInstant } from '../../web/format';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** The chain's verdict in words for the top of the page: intact (green) or broken (red, naming the entry). */
export function verdictView(v: ChainVerdict, base: string, lang: Lang, timeZone: string, now: Date, t: T) {
  const time = formatInstant(now, lang, timeZone);
  if (v.ok) {
    return {
      ok: true,
      text: v.entries ? t('audit.intact', { count: v.entries, seq: v.entries, time }) : t('audit.empty', { time }),
      checkpoint: v.from ? t('audit.checkpoint', { seq: v.from }) : undefined,
    };
  }
  return {
    ok: false,
    text: t('audit.broken', { seq: v.brokenAt, reason: t(`audit.reasons.${v.reason}`) }),
    checked: t('audit.checkedAt', { count: v.entries, time }),
    href: v.reason === 'sequence-gap' || v.reason === 'truncated' ? undefined : `${base}/${v.brokenAt}`,
    seq: v.brokenAt,
  };
}

export function auditRow(e: AuditEntryEntity, base: string, lang: Lang, timeZone: string) {
  return {
    seq: e.seq,
    href: `${base}/${e.seq}`,
    at: formatInstant(e.at, lang, timeZone),
    atIso: new Date(e.at).toISOString(),
    actor: e.actor,
    action: e.action,
    target: e.targetType ? `${e.targetType}${e.targetId ? `: ${e.targetId}` : ''}` : '',
  };
}

/** One entry: its fields, details as indented JSON (escaped by the template), hashes and their checks. */
export function entryView(e: AuditEntryEntity, checks: { hashMatches: boolean; linksToPrevious: boolean }, lang: Lang, timeZone: string, t: T) {
  return {
    ...auditRow(e, '', lang, timeZone),
    actorId: e.actorId ?? '',
    targetType: e.targetType ?? '',
    targetId: e.targetId ?? '',
    ip: e.ip ?? '',
    details: JSON.stringify(e.details ?? {}, null, 2),
    hash: e.hash,
    prevHash: e.prevHash,
    hashMatches: checks.hashMatches,
    hashCheck: checks.hashMatches ? t('audit.hashMatches') : t('audit.hashDiffers'),
    linksToPrevious: checks.linksToPrevious,
    linkCheck: checks.linksToPrevious ? t('audit.linkMatches') : t('audit.linkDiffers'),
  };
}
