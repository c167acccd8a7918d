import type { Register, RetentionAction } from '@regula/engine';
import { contentHash } from '@regula/platform';

/**
 * What a sweep does to a due record of `categoryId`: the action of the
 * register's retention rules governing that category. Erasure wins when
 * rules disagree (the stricter one); a category no rule governs (or an
 * unknown register) is erased.
 */
export function retentionActionFor(register: Register | undefined, categoryId: string): RetentionAction {
  const rules = register?.retention.filter((r) => r.categories.includes(categoryId)) ?? [];
  return rules.length > 0 && rules.every((r) => r.action === 'anonymise') ? 'anonymise' : 'erase';
}

/** The register/category pairs whose rule says anonymise (every other due record is erased): two arrays of one length, for SQL. */
export interface AnonymisedGroups {
  registers: string[];
  categories: string[];
}

/** Every category of these registers that a sweep anonymises rather than erases. */
export function anonymisedGroups(registers: Register[]): AnonymisedGroups {
  const out: AnonymisedGroups = { registers: [], categories: [] };
  for (const reg of registers) {
    for (const c of reg.dataCategories) {
      if (retentionActionFor(reg, c.id) !== 'anonymise') continue;
      out.registers.push(reg.id);
      out.categories.push(c.id);
    }
  }
  return out;
}

/**
 * The hash of everything a register's due dates depend on: its retention
 * rules, the controller's time zone and financial year end. When it differs
 * from the hash stored for the register, its due dates must be recomputed.
 */
export function retentionRulesHash(register: Pick<Register, 'retention'>, tenant: { timeZone: string; financialYearEnd?: string }): string {
  return contentHash({ retention: register.retention, timeZone: tenant.timeZone, financialYearEnd: tenant.financialYearEnd ?? null });
}

/** SQL conditions on `personal_data_records r` ($1 tenant id, $2 cutoff). */
export const DUE_SQL = `r.tenant_id = $1 AND r.erased_at IS NULL AND r.retention_due_at IS NOT NULL AND r.retention_due_at <= $2`;
/** The subject has a rights request that is not in a final state. */
export const OPEN_REQUEST_SQL = `EXISTS (SELECT 1 FROM rights_requests q WHERE q.tenant_id = r.tenant_id AND q.subject_id = r.subject_id
  AND q.state NOT IN ('completed', 'refused', 'withdrawn'))`;
/** An Art. 18 restriction of the subject, for the record's register or for every register, not lifted. */
export const RESTRICTION_SQL = `EXISTS (SELECT 1 FROM processing_objections o WHERE o.tenant_id = r.tenant_id AND o.subject_id = r.subject_id
  AND o.kind = 'restriction' AND o.lifted_at IS NULL AND (o.register_key IS NULL OR o.register_key = r.register_key))`;
/** Due and not protected by a legal hold, an open rights request or a restriction. */
export const ERASABLE_SQL = `${DUE_SQL} AND NOT r.legal_hold AND NOT ${OPEN_REQUEST_SQL} AND NOT ${RESTRICTION_SQL}`;
