import type { Lang, Register } from '@regula/engine';
import type { WebhookEvent } from '@regula/ingest';
import { tr } from './fulfilment-text';
import type { RecordView } from './subject-data';
import type { FulfilmentResult } from './fulfilment.types';

/**
 * What fulfilling a request will do (the preview) or did (the result), computed
 * from the stored data without writing anything. Each fulfilment service that
 * changes data (erasure, restriction, rectification) or hands it over (access,
 * portability) returns a `PlannedFulfilment`: its outcome, the records it acts
 * on, the webhooks it sends, and `apply()`, the writes that carry it out. The
 * preview shows the plan and never calls `apply`; the act computes the plan
 * again on the data as it is then and applies that one, so the preview and the
 * act cannot disagree about what a given state of the data leads to.
 */

/** What happens to one record. */
export type RecordAction =
  | 'erase' | 'keep-by-law' | 'keep-legal-hold' | 'restrict' | 'already-restricted' | 'rectify' | 'hand-over'
  /** consent withdrawal, objection: a consent withdrawn (`category` is the purpose, `until` the local day it takes effect). */
  | 'withdraw-consent'
  /** objection: a flag processing honours (`kind`; `register`/`category` empty for the whole tenant, `category` the purpose). */
  | 'object'
  /** recipients in a period: a disclosure the report lists (`recipient`, `at`). */
  | 'report-disclosure';

export interface PlannedRecord {
  recordId: string;
  register: string;
  registerName: string;
  category: string;
  categoryName: string;
  /** The source system's name (where the record came from). */
  system: string;
  action: RecordAction;
  /** keep-by-law: the law, the retention rule's id, the last day kept (YYYY-MM-DD, null: the period has not started). */
  law?: string | null;
  rule?: string | null;
  until?: string | null;
  /** rectify: the value before and after, masked for special categories (Art. 9). */
  from?: string;
  to?: string;
  /** object: the flag's kind (direct-marketing, objection, automated-decisions). */
  kind?: string;
  /** report-disclosure: who received the data, and when (ISO). */
  recipient?: string;
  at?: string;
}

/** One webhook to one source system: the event and how many items it carries (no payload, no secret). */
export interface PlannedWebhook {
  system: string;
  event: WebhookEvent;
  items: number;
}

/** What the subject receives: the message (its channel and summary) and the files, by name. */
export interface SubjectDelivery {
  channel: 'email' | 'post';
  /** The address, masked ("j•••@example.com"); null when answered by post. */
  to: string | null;
  /** The mail's template name. */
  message: 'request-completed';
  summary: string;
  files: string[];
}

export interface FulfilmentPlan {
  type: string;
  language: Lang;
  /** When the plan was computed (ISO). */
  computedAt: string;
  summary: string;
  records: PlannedRecord[];
  webhooks: PlannedWebhook[];
  subject: SubjectDelivery;
  counts: Record<string, unknown>;
}

/** A webhook ready for the outbox (the plan shows only its system, event and size). */
export interface WebhookBatch {
  sourceSystemId: string;
  system: string;
  event: WebhookEvent;
  items: number;
  payload: Record<string, unknown>;
}

export interface PlannedFulfilment {
  result: FulfilmentResult;
  records: PlannedRecord[];
  webhooks: WebhookBatch[];
  /** The writes that carry the plan out, in the fulfilment's transaction. */
  apply(): Promise<void>;
}

/** The difference between the preview and the result, by record id and by webhook (system + event). */
export interface PlanDifference {
  same: boolean;
  added: PlannedRecord[];
  removed: PlannedRecord[];
  changed: { before: PlannedRecord; after: PlannedRecord }[];
  webhooksAdded: PlannedWebhook[];
  webhooksRemoved: PlannedWebhook[];
  webhooksChanged: { before: PlannedWebhook; after: PlannedWebhook }[];
}

const MASK = '•••';

/** Masks a value for display: special categories show nothing but the mask; others show at most 80 characters. */
export function displayValue(value: unknown, special: boolean): string {
  if (special) return MASK;
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

/** "j•••@example.com": enough for the admin to recognise the address. */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  return at <= 0 ? MASK : `${address[0]}${MASK}${address.slice(at)}`;
}

/** A record as the plan names it (register, category and system by name, in the answer's language). */
export function plannedRecord(
  r: RecordView, defs: Map<string, Register>, systems: Record<string, string>, lang: Lang, action: RecordAction, extra: Partial<PlannedRecord> = {},
): PlannedRecord {
  const def = defs.get(r.registerKey);
  return {
    recordId: r.id,
    register: r.registerKey,
    registerName: tr(def?.name, lang) || r.registerKey,
    category: r.categoryId,
    categoryName: tr(def?.dataCategories.find((c) => c.id === r.categoryId)?.name, lang) || r.categoryId,
    system: systems[r.sourceSystemId] ?? r.sourceSystemId,
    action,
    ...extra,
  };
}

/** Whether a record's category is a special category (Art. 9): its values are never shown in a plan. */
export function isSpecial(r: RecordView, defs: Map<string, Register>): boolean {
  return defs.get(r.registerKey)?.dataCategories.find((c) => c.id === r.categoryId)?.special === true;
}

/** The plan as shown and stored: the outcome's words, the records, the webhooks and what the subject receives. */
export function planView(
  type: string, p: Pick<PlannedFulfilment, 'result' | 'records' | 'webhooks'>, delivery: Omit<SubjectDelivery, 'summary' | 'files' | 'message'>, computedAt: Date,
): FulfilmentPlan {
  const outcome = p.result.outcome;
  const summary = typeof outcome.summary === 'string' ? outcome.summary : '';
  return {
    type,
    language: outcome.language as Lang,
    computedAt: computedAt.toISOString(),
    summary,
    records: [...p.records].sort(byRecord),
    webhooks: p.webhooks.map((w) => ({ system: w.system, event: w.event, items: w.items })).sort(byWebhook),
    subject: { ...delivery, message: 'request-completed', summary, files: p.result.fileNames ?? (p.result.artifacts ?? []).map((a) => a.fileName) },
    counts: (outcome.counts as Record<string, unknown>) ?? {},
  };
}

const byRecord = (a: PlannedRecord, b: PlannedRecord) =>
  a.register.localeCompare(b.register) || a.category.localeCompare(b.category) || a.recordId.localeCompare(b.recordId);
const webhookKey = (w: PlannedWebhook) => `${w.system}\u0000${w.event}`;
const byWebhook = (a: PlannedWebhook, b: PlannedWebhook) => webhookKey(a).localeCompare(webhookKey(b));

/** What a record's plan says, for comparison (the names are the same for the same record). */
const fate = (r: PlannedRecord) =>
  JSON.stringify([r.action, r.law ?? null, r.rule ?? null, r.until ?? null, r.from ?? null, r.to ?? null, r.kind ?? null, r.recipient ?? null, r.at ?? null]);

/** What differs between the preview and the result (records added, removed or acted on differently; webhooks likewise). */
export function diffPlans(preview: FulfilmentPlan, result: FulfilmentPlan): PlanDifference {
  const before = new Map(preview.records.map((r) => [r.recordId, r]));
  const after = new Map(result.records.map((r) => [r.recordId, r]));
  const added = result.records.filter((r) => !before.has(r.recordId));
  const removed = preview.records.filter((r) => !after.has(r.recordId));
  const changed = result.records
    .filter((r) => before.has(r.recordId) && fate(before.get(r.recordId)!) !== fate(r))
    .map((r) => ({ before: before.get(r.recordId)!, after: r }));
  const hooksBefore = new Map(preview.webhooks.map((w) => [webhookKey(w), w]));
  const hooksAfter = new Map(result.webhooks.map((w) => [webhookKey(w), w]));
  const webhooksAdded = result.webhooks.filter((w) => !hooksBefore.has(webhookKey(w)));
  const webhooksRemoved = preview.webhooks.filter((w) => !hooksAfter.has(webhookKey(w)));
  const webhooksChanged = result.webhooks
    .filter((w) => hooksBefore.has(webhookKey(w)) && hooksBefore.get(webhookKey(w))!.items !== w.items)
    .map((w) => ({ before: hooksBefore.get(webhookKey(w))!, after: w }));
  const same = !added.length && !removed.length && !changed.length && !webhooksAdded.length && !webhooksRemoved.length && !webhooksChanged.length;
  return { same, added, removed, changed, webhooksAdded, webhooksRemoved, webhooksChanged };
}
