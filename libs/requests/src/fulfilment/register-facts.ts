import type { AnchorEvent, LegalBasis, Purpose, Recipient, Register, RetentionRule, Transfer } from '@regula/engine';
import type { RetentionAnchors } from '@regula/engine';
import type { RecordView } from './subject-data';

/** Pure look-ups in a register definition, shared by the fulfilment builders and services. */

export function recipientsOf(register: Register): Recipient[] {
  return register.recipients === 'none' ? [] : register.recipients;
}

export function transfersOf(register: Register): Transfer[] {
  return register.transfers === 'none' ? [] : register.transfers;
}

/** The purposes that process a data category. */
export function purposesFor(register: Register, categoryId: string): Purpose[] {
  return register.purposes.filter((p) => p.categories.includes(categoryId));
}

/** The retention rule that governs a category (the linter allows exactly one). */
export function retentionRuleFor(register: Register, categoryId: string): RetentionRule | undefined {
  return register.retention.find((r) => r.categories.includes(categoryId));
}

/** Recipients that receive any of `categoryIds` (a recipient without `categories` receives all). */
export function recipientsFor(register: Register, categoryIds: string[]): Recipient[] {
  return recipientsOf(register).filter((r) => !r.categories || r.categories.some((c) => categoryIds.includes(c)));
}

/**
 * The Art. 6(1)(c) basis under which a category is processed: a purpose of
 * the register that relies on a legal obligation (with the law named) and
 * processes that category. Undefined when no legal obligation covers it.
 */
export function legalObligationFor(register: Register, categoryId: string): { purpose: Purpose; basis: LegalBasis & { legalObligation: NonNullable<LegalBasis['legalObligation']> } } | undefined {
  for (const purpose of purposesFor(register, categoryId)) {
    const basis = purpose.legalBases.find((b) => b.article === '6(1)(c)' && b.legalObligation);
    if (basis) return { purpose, basis: basis as LegalBasis & { legalObligation: NonNullable<LegalBasis['legalObligation']> } };
  }
  return undefined;
}

/** A record's anchor events as dates, with `collected` defaulting to when it was collected. */
export function anchorsOf(record: Pick<RecordView, 'anchors' | 'collectedAt'>): RetentionAnchors {
  const out: RetentionAnchors = {};
  for (const [k, v] of Object.entries(record.anchors ?? {})) {
    const d = v ? new Date(v) : null;
    if (d && !Number.isNaN(d.getTime())) out[k as AnchorEvent] = d;
  }
  out.collected ??= new Date(record.collectedAt);
  return out;
}

/** Registers by id. */
export function registerIndex(registers: Register[]): Map<string, Register> {
  return new Map(registers.map((r) => [r.id, r]));
}
