import { Lang, Text } from '@regula/engine';
import { FINAL_STATES, REQUEST_TYPES } from '@regula/requests';
import type { PublicRequestStatus, ReplyMeta } from '@regula/requests';
import { LocalText, localText } from '../web/i18n';
import { formatDate, formatInstant } from '../web/format';
import { PublicTenant } from '../web/public-tenant';
import { pageUrl } from './public-site.service';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** Base path of one request's public pages. */
export function requestPath(tenant: PublicTenant, reference: string): string {
  return `/t/${tenant.slug}/requests/${encodeURIComponent(reference)}`;
}

function text(v: unknown, lang: Lang): LocalText | undefined {
  if (typeof v === 'string' && v.trim()) return { value: v };
  if (v && typeof v === 'object' && typeof (v as Text).en === 'string') return localText(v as Text, lang);
  return undefined;
}

function pick(o: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

/** Only links into this site (relative URLs): an outcome never links elsewhere. */
function localHref(v: unknown): string | undefined {
  return typeof v === 'string' && /^\/(?!\/)[^\s"'<>\\]*$/.test(v) ? v : undefined;
}

/**
 * The outcome of a closed request as the core and fulfilment store it (a
 * free-form object): `summary`, downloads (`artifacts` / `downloads`: relative
 * paths, to which the status link's token is added), `erased` and `kept`
 * groups (`categoryName`, `registerName`, `records`; kept ones with their
 * `explanation` and `until` date).
 */
export function outcomeView(outcome: Record<string, unknown> | null, lang: Lang, token: string) {
  if (!outcome) return null;
  const list = (keys: string[]) => {
    const v = pick(outcome, keys);
    return Array.isArray(v) ? v : [];
  };
  const downloads = list(['downloads', 'artifacts', 'files', 'packages'])
    .map((d) => (d && typeof d === 'object' ? (d as Record<string, unknown>) : { path: d }))
    .map((d) => ({ href: localHref(pick(d, ['path', 'url', 'href'])), label: text(pick(d, ['label', 'fileName', 'name', 'title']), lang) }))
    .filter((d) => d.href)
    .map((d) => ({ href: `${d.href}${d.href!.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`, label: d.label ?? { value: d.href! } }));
  const group = (k: unknown) => {
    if (typeof k === 'string') return { what: { value: k } as LocalText, count: undefined, why: undefined as LocalText | undefined, until: undefined as string | undefined };
    const o = (k ?? {}) as Record<string, unknown>;
    const category = text(pick(o, ['categoryName', 'what', 'description', 'category', 'label', 'name']), lang);
    const register = text(pick(o, ['registerName', 'register']), lang);
    const until = typeof o.until === 'string' && /^\d{4}-\d{2}-\d{2}/.test(o.until) ? formatDate(o.until.slice(0, 10), lang) : undefined;
    return {
      what: category ? { value: register ? `${category.value} (${register.value})` : category.value, lang: category.lang } : register,
      count: typeof o.records === 'number' ? o.records : undefined,
      why: text(pick(o, ['explanation', 'why', 'reason', 'law']), lang),
      until,
    };
  };
  const items = (keys: string[]) => list(keys).map(group).filter((g) => g.what);
  return {
    summary: text(pick(outcome, ['summary', 'message', 'text', 'answer']), lang),
    // the controller's own grounds (e.g. compelling grounds overriding an objection, Art. 12(4), 21(1))
    reasons: text(pick(outcome, ['grounds', 'reasons']), lang),
    downloads,
    erased: items(['erased', 'deleted']),
    kept: items(['kept', 'retained']),
  };
}

/** Events whose note is the staff's own words (a message, a reason): shown; other notes are system text the label already says. */
const NOTE_KEYS = new Set(['message', 'paused', 'extended', 'refused', 'fee-warning', 'evidence-rejected', 'reply']);

/** The reply documents the controller's staff uploaded: a download each (the status link's token added), with its note. */
export function repliesView(replies: ReplyMeta[], lang: Lang, timeZone: string, token: string) {
  return replies
    .filter((r) => localHref(r.path))
    .map((r) => ({ href: `${r.path}?token=${encodeURIComponent(token)}`, fileName: r.fileName, sizeKb: Math.max(1, Math.round(r.sizeBytes / 1024)), note: r.note ?? undefined, at: formatInstant(r.createdAt, lang, timeZone) }));
}

export function statusView(tenant: PublicTenant, lang: Lang, t: T, s: PublicRequestStatus, token: string) {
  const base = requestPath(tenant, s.reference);
  const final = FINAL_STATES.includes(s.state);
  const known = (key: string) => t(key) !== key;
  const tz = tenant.def.jurisdiction.timeZone;
  return {
    reference: s.reference,
    typeTitle: t(`rights.${REQUEST_TYPES[s.type]}`),
    typeArticle: t(`articles.${REQUEST_TYPES[s.type]}`),
    state: s.state,
    // A document uploaded: "received, being checked", never still "waiting for your confirmation".
    stateText: s.waitingFor === 'document-check' ? t('states.document-check') : known(`states.${s.state}`) ? t(`states.${s.state}`) : s.state,
    receivedText: formatInstant(s.receivedAt, lang, tz),
    dueText: formatDate(s.dueDate, lang, 'full'),
    extended: s.extended,
    identityText: t(s.identityVerified ? 'status.identityVerified' : s.waitingFor === 'document-check' ? 'status.identityInCheck' : s.emailConfirmed ? 'status.emailConfirmed' : 'status.identityPending'),
    showCodeForm: !final && s.waitingFor === 'email-code',
    verifyAction: pageUrl(`${base}/verify`, lang),
    resendAction: pageUrl(`${base}/resend`, lang),
    showUpload: !final && s.waitingFor === 'identity-document',
    uploadAction: pageUrl(`${base}/evidence`, lang),
    token,
    fee: s.fee ? { text: t('status.fee', { amount: s.fee.amountEur }), reason: s.fee.reason } : null,
    timeline: s.timeline.map((e) => {
      const key = e.key ?? e.kind;
      // an event without words of its own reads as an update in the page's language, never as its code
      const label = known(`events.${key}`) ? t(`events.${key}`) : known(`events.${e.kind}`) ? t(`events.${e.kind}`) : t('events.other');
      return { at: formatInstant(e.at, lang, tz), what: label, note: e.note && (NOTE_KEYS.has(key) || !e.key) ? e.note : undefined };
    }),
    outcome: outcomeView(s.outcome, lang, token),
    refusal: s.refusal
      ? { ground: known(`refusalGrounds.${s.refusal.ground}`) ? t(`refusalGrounds.${s.refusal.ground}`) : s.refusal.ground, reason: s.refusal.reason }
      : null,
    withdrawn: s.state === 'withdrawn',
    canWithdraw: !final,
    withdrawAction: pageUrl(`${base}/withdraw`, lang),
  };
}
