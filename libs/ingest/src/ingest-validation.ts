import { AnchorEvent, Register, RetentionAnchors, parseLocalDate, retentionDueAt, startOfLocalDay } from '@regula/engine';
import {
  ConsentInput, DisclosureInput, INGEST_ANCHORS, IdentifierInput, IngestBatch, ItemError, MAX_BATCH_ITEMS, RecordInput, SubjectInput,
} from './ingest-batch';
import { IdentifierError, IdentifierKind, identifierKey, isIdentifierKind, normaliseIdentifier } from '@regula/subjects';

/**
 * Checks a batch against the tenant's CURRENT registers, without a database:
 * every register, data category, purpose and recipient must be declared, the
 * sending system must be one the register names in `systems`, and retention
 * due dates are computed with the engine. Returns the normalised items and
 * every error (the service refuses the whole batch when there is any).
 */

export interface ValidationContext {
  /** The sending source system's name (registers list names in `systems`). */
  systemName: string;
  /** The tenant's current registers by key. */
  registers: Map<string, Register>;
  /** The tenant's country: national phone numbers get its calling code. */
  country?: string;
  timeZone: string;
  financialYearEnd?: string;
  now: Date;
}

export interface NormalisedIdentifier {
  kind: IdentifierKind;
  value: string;
  key: string;
}

export interface ValidSubject {
  index: number;
  externalRef?: string;
  identifiers: NormalisedIdentifier[];
  displayName?: string;
  locale?: string;
}

export interface ValidRecord {
  index: number;
  externalId: string;
  subject: NormalisedIdentifier;
  registerKey: string;
  categoryId: string;
  value: unknown;
  collectedAt: Date;
  anchors: Partial<Record<AnchorEvent, string>>;
  retentionDueAt: Date | null;
}

export interface ValidConsent {
  index: number;
  externalId: string;
  subject: NormalisedIdentifier;
  registerKey: string;
  purposeId: string;
  givenAt: Date;
  channel: string;
  policyVersion: string | null;
  withdrawnAt: Date | null;
}

export interface ValidDisclosure {
  index: number;
  externalId: string;
  subject: NormalisedIdentifier;
  registerKey: string;
  recipientId: string;
  recipientName: string;
  categories: string[];
  disclosedAt: Date;
}

export interface ValidatedBatch {
  errors: ItemError[];
  subjects: ValidSubject[];
  records: ValidRecord[];
  consents: ValidConsent[];
  disclosures: ValidDisclosure[];
}

/** Clock skew tolerated for "not in the future" checks. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const MAX_VALUE_BYTES = 64 * 1024;

class ItemInvalid extends Error {}

const fail = (message: string): never => {
  throw new ItemInvalid(message);
};

const list = (xs: string[]): string => (xs.length ? xs.join(', ') : 'none');

/**
 * An instant from an ISO string: a timestamp needs an offset or 'Z'; a bare
 * date is midnight in the tenant's time zone.
 */
export function parseInstant(value: unknown, field: string, timeZone: string): Date {
  if (typeof value !== 'string') return fail(`${field} must be an ISO 8601 date or timestamp`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return startOfLocalDay(parseLocalDate(value), timeZone);
    } catch {
      return fail(`${field} is not a calendar date: ${value}`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    return fail(`${field} must be an ISO 8601 timestamp with a time-zone offset (e.g. 2026-03-05T10:00:00Z) or a date (YYYY-MM-DD): ${value}`);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return fail(`${field} is not a valid timestamp: ${value}`);
  return d;
}

function notInFuture(d: Date, field: string, now: Date): Date {
  if (d.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) fail(`${field} is in the future`);
  return d;
}

function identifier(input: IdentifierInput | undefined, field: string, country: string | undefined): NormalisedIdentifier {
  if (!input || typeof input !== 'object') return fail(`${field} must be an identifier { kind, value }`);
  if (!isIdentifierKind(input.kind)) return fail(`${field}.kind must be one of email, phone, customer-number, username`);
  try {
    const value = normaliseIdentifier(input.kind, input.value, country);
    return { kind: input.kind, value, key: identifierKey(input.kind, value) };
  } catch (e) {
    if (e instanceof IdentifierError) return fail(`${field} (${input.kind}) ${e.message}`);
    throw e;
  }
}

function registerOf(key: string, ctx: ValidationContext): Register {
  const reg = ctx.registers.get(key);
  if (!reg) return fail(`unknown register "${key}" (registers of this tenant: ${list([...ctx.registers.keys()])})`);
  if (!reg.systems.includes(ctx.systemName)) {
    fail(`register "${key}" does not receive data from system "${ctx.systemName}" (its systems: ${list(reg.systems)})`);
  }
  return reg;
}

function categoryOf(reg: Register, id: string): void {
  if (!reg.dataCategories.some((c) => c.id === id)) {
    fail(`register "${reg.id}" declares no data category "${id}" (its categories: ${list(reg.dataCategories.map((c) => c.id))})`);
  }
}

/**
 * When a record must be erased: every retention rule of the register that
 * governs the category is computed by the engine; null (not yet known, or
 * kept while needed) when no rule governs it or any rule still keeps it,
 * else the latest due date. A recording's 'recorded' anchor defaults to its
 * collectedAt.
 */
export function retentionDueFor(
  reg: Register,
  categoryId: string,
  collectedAt: Date,
  anchors: Partial<Record<AnchorEvent, string>>,
  opts: { timeZone: string; financialYearEnd?: string },
): Date | null {
  const rules = reg.retention.filter((r) => r.categories.includes(categoryId));
  if (rules.length === 0) return null;
  const input: RetentionAnchors = { recorded: collectedAt };
  for (const [k, v] of Object.entries(anchors)) if (v) input[k as AnchorEvent] = new Date(v);
  input.collected = collectedAt;
  let latest: Date | null = null;
  for (const rule of rules) {
    const due = retentionDueAt(rule, input, opts);
    if (due === null) return null;
    if (latest === null || due.getTime() > latest.getTime()) latest = due;
  }
  return latest;
}

function externalIdOf(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 200) return fail('externalId must be a non-empty string of at most 200 characters');
  return raw;
}

function subjectItem(s: SubjectInput, index: number, ctx: ValidationContext): ValidSubject {
  if (!Array.isArray(s.identifiers) || s.identifiers.length === 0) fail('a subject needs at least one identifier');
  const identifiers = s.identifiers.map((i, n) => identifier(i, `identifiers[${n}]`, ctx.country));
  const unique = new Map(identifiers.map((i) => [i.key, i]));
  if (s.locale !== undefined && !/^[a-z]{2}(-[A-Z]{2})?$/.test(s.locale)) fail(`locale must be a language code like "lv" or "en": ${s.locale}`);
  return { index, externalRef: s.externalRef, identifiers: [...unique.values()], displayName: s.displayName, locale: s.locale };
}

function recordItem(r: RecordInput, index: number, ctx: ValidationContext): ValidRecord {
  const externalId = externalIdOf(r.externalId);
  const subject = identifier(r.subject, 'subject', ctx.country);
  const reg = registerOf(r.register, ctx);
  categoryOf(reg, r.category);
  if (r.value === undefined || r.value === null) fail('value is required (any JSON value but null)');
  if (Buffer.byteLength(JSON.stringify(r.value)) > MAX_VALUE_BYTES) fail(`value is larger than ${MAX_VALUE_BYTES / 1024} KiB`);
  const collectedAt = notInFuture(parseInstant(r.collectedAt, 'collectedAt', ctx.timeZone), 'collectedAt', ctx.now);
  const anchors: Partial<Record<AnchorEvent, string>> = {};
  for (const [k, v] of Object.entries(r.anchors ?? {})) {
    if (!(INGEST_ANCHORS as string[]).includes(k)) fail(`anchors.${k} is not an anchor event (one of ${INGEST_ANCHORS.join(', ')})`);
    if (v === undefined || v === null) continue;
    anchors[k as AnchorEvent] = notInFuture(parseInstant(v, `anchors.${k}`, ctx.timeZone), `anchors.${k}`, ctx.now).toISOString();
  }
  let due: Date | null;
  try {
    due = retentionDueFor(reg, r.category, collectedAt, anchors, ctx);
  } catch (e) {
    return fail(`the retention rule of "${r.register}"/"${r.category}" could not be applied: ${(e as Error).message}`);
  }
  return { index, externalId, subject, registerKey: reg.id, categoryId: r.category, value: r.value, collectedAt, anchors, retentionDueAt: due };
}

function consentItem(c: ConsentInput, index: number, ctx: ValidationContext): ValidConsent {
  const externalId = externalIdOf(c.externalId);
  const subject = identifier(c.subject, 'subject', ctx.country);
  const reg = registerOf(c.register, ctx);
  const purpose = reg.purposes.find((p) => p.id === c.purpose);
  if (!purpose) return fail(`register "${reg.id}" has no purpose "${c.purpose}" (its purposes: ${list(reg.purposes.map((p) => p.id))})`);
  if (!purpose.legalBases.some((b) => b.article === '6(1)(a)')) {
    const consentPurposes = reg.purposes.filter((p) => p.legalBases.some((b) => b.article === '6(1)(a)')).map((p) => p.id);
    fail(
      `purpose "${purpose.id}" of register "${reg.id}" does not rely on consent (Art. 6(1)(a)) but on ${purpose.legalBases.map((b) => `Art. ${b.article}`).join(', ')}` +
        ` (consent-based purposes of the register: ${list(consentPurposes)})`,
    );
  }
  if (typeof c.channel !== 'string' || !c.channel.trim() || c.channel.length > 50) fail('channel must be a short text such as "web-form", "paper" or "e-mail"');
  const givenAt = notInFuture(parseInstant(c.givenAt, 'givenAt', ctx.timeZone), 'givenAt', ctx.now);
  const withdrawnAt = c.withdrawnAt == null ? null : notInFuture(parseInstant(c.withdrawnAt, 'withdrawnAt', ctx.timeZone), 'withdrawnAt', ctx.now);
  if (withdrawnAt && withdrawnAt.getTime() < givenAt.getTime()) fail('withdrawnAt is before givenAt');
  if (c.policyVersion !== undefined && (typeof c.policyVersion !== 'string' || c.policyVersion.length > 100)) fail('policyVersion must be a text of at most 100 characters');
  return { index, externalId, subject, registerKey: reg.id, purposeId: purpose.id, givenAt, channel: c.channel.trim(), policyVersion: c.policyVersion ?? null, withdrawnAt };
}

function disclosureItem(d: DisclosureInput, index: number, ctx: ValidationContext): ValidDisclosure {
  const externalId = externalIdOf(d.externalId);
  const subject = identifier(d.subject, 'subject', ctx.country);
  const reg = registerOf(d.register, ctx);
  const recipients = reg.recipients === 'none' ? [] : reg.recipients;
  const recipient = recipients.find((r) => r.id === d.recipient);
  if (!recipient) return fail(`register "${reg.id}" has no recipient "${d.recipient}" (its recipients: ${list(recipients.map((r) => r.id))})`);
  if (!Array.isArray(d.categories) || d.categories.length === 0) fail('categories must list at least one data category');
  for (const c of d.categories) categoryOf(reg, c);
  const outside = recipient.categories ? d.categories.filter((c) => !recipient.categories!.includes(c)) : [];
  if (outside.length) fail(`recipient "${recipient.id}" of register "${reg.id}" receives only ${list(recipient.categories!)}, not ${list(outside)}`);
  const disclosedAt = notInFuture(parseInstant(d.disclosedAt, 'disclosedAt', ctx.timeZone), 'disclosedAt', ctx.now);
  return {
    index, externalId, subject, registerKey: reg.id, recipientId: recipient.id, recipientName: recipient.name.en,
    categories: [...new Set(d.categories)].sort(), disclosedAt,
  };
}

function each<I, O>(items: I[] | undefined, kind: string, errors: ItemError[], fn: (item: I, index: number) => O): O[] {
  const out: O[] = [];
  const seen = new Map<string, number>();
  (items ?? []).forEach((item, index) => {
    const externalId = (item as { externalId?: unknown }).externalId;
    const where = { item: `${kind}[${index}]`, ...(typeof externalId === 'string' ? { externalId } : {}) };
    try {
      // PostgreSQL text and jsonb cannot hold NUL characters.
      if (JSON.stringify(item).includes('\\u0000')) fail('contains a NUL character (\\u0000), which cannot be stored');
      if (typeof externalId === 'string') {
        const first = seen.get(externalId);
        if (first !== undefined) fail(`externalId "${externalId}" is also used by ${kind}[${first}] of this batch`);
        seen.set(externalId, index);
      }
      out.push(fn(item, index));
    } catch (e) {
      if (!(e instanceof ItemInvalid)) throw e;
      errors.push({ ...where, message: e.message });
    }
  });
  return out;
}

/** Validates and normalises a whole batch (pure). */
export function validateBatch(batch: IngestBatch, ctx: ValidationContext): ValidatedBatch {
  const errors: ItemError[] = [];
  const total = (batch.subjects?.length ?? 0) + (batch.records?.length ?? 0) + (batch.consents?.length ?? 0) + (batch.disclosures?.length ?? 0);
  if (total === 0) errors.push({ item: 'batch', message: 'the batch is empty: send subjects, records, consents or disclosures' });
  if (total > MAX_BATCH_ITEMS) errors.push({ item: 'batch', message: `the batch has ${total} items; at most ${MAX_BATCH_ITEMS} are accepted per request` });
  if (errors.length) return { errors, subjects: [], records: [], consents: [], disclosures: [] };

  const subjects = each(batch.subjects, 'subjects', errors, (s, i) => subjectItem(s, i, ctx));
  // One identifier, one subject item: two items naming the same person would be merged silently.
  const owner = new Map<string, number>();
  for (const s of subjects) {
    for (const id of s.identifiers) {
      const other = owner.get(id.key);
      if (other !== undefined && other !== s.index) {
        errors.push({ item: `subjects[${s.index}]`, message: `identifier ${id.kind} is also given by subjects[${other}] of this batch: send one item per person` });
      } else owner.set(id.key, s.index);
    }
  }
  return {
    errors,
    subjects,
    records: each(batch.records, 'records', errors, (r, i) => recordItem(r, i, ctx)),
    consents: each(batch.consents, 'consents', errors, (c, i) => consentItem(c, i, ctx)),
    disclosures: each(batch.disclosures, 'disclosures', errors, (d, i) => disclosureItem(d, i, ctx)),
  };
}
