import type { EntityManager } from 'typeorm';
import { AuditEntryEntity, ChainVerdict, isAuditAction } from '@regula/audit';
import type { Permission } from '@regula/auth';
import type { Lang } from '@regula/engine';
import { formatInstant } from '../../web/format';
import { actorKindOf, peopleById, Person, personText } from './audit-people';
import { TargetRef, targetsOf } from './audit-targets';

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

/** An entry in words: who (a name, or the kind of actor), what (the action's label), on what (the object's reference, linked). */
export interface ReadableEntry {
  seq: string;
  href: string;
  at: string;
  atIso: string;
  actor: string;
  action: string;
  /** The action's code when no catalogue labels it (an entry of a code no longer written). */
  unlisted?: string;
  target?: TargetRef;
}

/** The action's label in the page's language (`audit.actions.<code>`); an unlisted code is shown as the code, marked. */
export function actionLabel(code: string, t: T): { label: string; unlisted?: string } {
  return isAuditAction(code) ? { label: t(`audit.actions.${code}`) } : { label: t('audit.unlistedAction'), unlisted: code };
}

/** The actor in words: a member by name and e-mail address, else the kind of actor. */
export function actorText(e: AuditEntryEntity, people: Map<string, Person>, t: T): string {
  const kind = actorKindOf(e);
  if (kind === 'member') {
    const p = people.get(e.actorId!);
    return p ? personText(p) : t('audit.actorKind.memberGone');
  }
  return kind === 'typed' ? e.actor : t(`audit.actorKind.${kind}`);
}

/**
 * Entries in words, read in the tenant's transaction `em`: the actors' names
 * (users by id) and the objects' references (audit-targets.ts). `tenantBase` is
 * /admin/t/:slug (the objects' pages), `auditBase` the log's own.
 */
export async function readableEntries(
  em: EntityManager,
  tenantId: string,
  entries: AuditEntryEntity[],
  ctx: { lang: Lang; timeZone: string; tenantBase: string; auditBase: string; permissions: readonly Permission[]; t: T },
): Promise<ReadableEntry[]> {
  const [people, targets] = await Promise.all([
    peopleById(em, entries.map((e) => e.actorId)),
    targetsOf(em, tenantId, entries, ctx.lang, ctx.tenantBase, ctx.permissions, ctx.t),
  ]);
  return entries.map((e) => {
    const a = actionLabel(e.action, ctx.t);
    return {
      seq: String(e.seq),
      href: `${ctx.auditBase}/${e.seq}`,
      at: formatInstant(e.at, ctx.lang, ctx.timeZone),
      atIso: new Date(e.at).toISOString(),
      actor: actorText(e, people, ctx.t),
      action: a.label,
      unlisted: a.unlisted,
      target: targets.get(String(e.seq)),
    };
  });
}

/** One entry: in words, then as recorded (the technical part: ids, details as indented JSON escaped by the template), hashes and their checks. */
export function entryView(e: AuditEntryEntity, readable: ReadableEntry, checks: { hashMatches: boolean; linksToPrevious: boolean }, t: T) {
  return {
    ...readable,
    actorLabel: e.actor,
    actionCode: e.action,
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
