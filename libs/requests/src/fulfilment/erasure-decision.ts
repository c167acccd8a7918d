import {
  formatLocalDate, isLaw, localDateOf, retentionDueAt,
  type Lang, type Ref, type Register, type RetentionDueOptions, type RetentionRule, type Text,
} from '@regula/engine';
import { anchorsOf, legalObligationFor, retentionRuleFor } from './register-facts';
import type { RecordView } from './subject-data';

/**
 * What an erasure request does to one record (GDPR Art. 17), decided from the
 * register alone. Pure, so the decision table is tested without a database:
 *
 * | record                                                           | decision |
 * |------------------------------------------------------------------|----------|
 * | already erased                                                   | skip     |
 * | under a legal hold (legal claims, authority order: 17(3)(e))     | keep     |
 * | its category is processed for a purpose relying on a legal       |          |
 * |   obligation (6(1)(c), the law named), the category's retention  |          |
 * |   rule is that obligation's (it cites the same law), and the     |          |
 * |   statutory period has not ended (17(3)(b))                      | restrict |
 * | the same, but the statutory period has ended                     | erase    |
 * | a legal obligation, but the register ties no retention period to |          |
 * |   its law (a duty to answer authorities is no duty to keep)      | erase    |
 * | anything else (no legal reason to keep it)                       | erase    |
 *
 * The statutory period is the category's retention rule; for a rule of
 * conditions, only the conditions that cite the obligation's law count
 * (Medical Management keeps contracts while the contract runs plus three
 * years *and* seven years under the Accounting Act: an erasure request ends
 * the first reason, not the second). "Cite" means a reference to the same
 * law of the engine's catalogue (`LAWS`), not to the controller's notice.
 */
export interface ErasureContext extends RetentionDueOptions {
  now: Date;
}

export interface Restriction {
  action: 'restrict';
  why: 'legal-obligation';
  registerKey: string;
  categoryId: string;
  purposeId: string;
  ruleId: string;
  /** The retention rule in words (or the statutory conditions of it). */
  rule: Text;
  /** The law that imposes the obligation. */
  law: Text;
  lawRefs: Ref[];
  /** When the obligation ends (end of the local day), or null when its period has not started yet. */
  keepUntil: Date | null;
  /** The same as a local date, 'YYYY-MM-DD'. */
  keepUntilDate: string | null;
}

export type ErasureDecision =
  | { action: 'skip'; why: 'already-erased' }
  | { action: 'keep'; why: 'legal-hold' }
  | Restriction
  | { action: 'erase'; why: 'no-legal-obligation' | 'no-retention-duty' | 'retention-ended' | 'unknown-register' };

function joinTexts(texts: Text[], sep: string): Text {
  const langs = new Set<Lang>(['en']);
  for (const t of texts) for (const k of Object.keys(t)) langs.add(k as Lang);
  const out: Partial<Record<Lang, string>> = {};
  for (const lang of langs) out[lang] = texts.map((t) => (t as Partial<Record<Lang, string>>)[lang] ?? t.en).join(sep);
  return out as Text;
}

/** Law-catalogue sources of a legal obligation (Regula's own legal notes are not law). */
function lawSourcesOf(refs: Ref[]): Set<string> {
  return new Set(refs.map((r) => r.source).filter((s) => isLaw(s) && s !== 'LEGAL-NOTES'));
}

/** The part of `rule` the obligation's law imposes, or null when the rule cites none of it. */
function statutoryPeriod(rule: RetentionRule, lawSources: Set<string>): { rule: RetentionRule; text: Text } | null {
  const cites = (refs: Ref[]) => refs.some((r) => lawSources.has(r.source));
  if (rule.kind === 'conditions') {
    const statutory = rule.conditions.filter((c) => cites(c.ref));
    if (statutory.length) return { rule: { ...rule, conditions: statutory }, text: joinTexts(statutory.map((c) => c.label), '; ') };
  }
  return cites(rule.ref) ? { rule, text: rule.description } : null;
}

export function decideErasure(record: RecordView, register: Register | undefined, ctx: ErasureContext): ErasureDecision {
  if (record.erasedAt) return { action: 'skip', why: 'already-erased' };
  if (record.legalHold) return { action: 'keep', why: 'legal-hold' };
  if (!register) return { action: 'erase', why: 'unknown-register' };
  const obligation = legalObligationFor(register, record.categoryId);
  if (!obligation) return { action: 'erase', why: 'no-legal-obligation' };

  const lawRefs = obligation.basis.legalObligation.ref;
  const rule = retentionRuleFor(register, record.categoryId);
  const period = rule ? statutoryPeriod(rule, lawSourcesOf(lawRefs)) : null;
  if (!rule || !period) return { action: 'erase', why: 'no-retention-duty' };
  const keepUntil = retentionDueAt(period.rule, anchorsOf(record), ctx);
  if (keepUntil && keepUntil.getTime() <= ctx.now.getTime()) return { action: 'erase', why: 'retention-ended' };
  const ruleText = period.text;
  return {
    action: 'restrict',
    why: 'legal-obligation',
    registerKey: register.id,
    categoryId: record.categoryId,
    purposeId: obligation.purpose.id,
    ruleId: rule.id,
    rule: ruleText,
    law: obligation.basis.legalObligation.law,
    lawRefs,
    keepUntil,
    keepUntilDate: keepUntil ? formatLocalDate(localDateOf(keepUntil, ctx.timeZone)) : null,
  };
}

const UNTIL: Record<Lang, (d: string | null) => string> = {
  en: (d) => (d ? `kept until ${d}` : 'kept until the period ends (it has not started yet)'),
  et: (d) => (d ? `säilitatakse kuni ${d}` : 'säilitatakse tähtaja lõpuni (tähtaeg pole veel alanud)'),
  lt: (d) => (d ? `saugoma iki ${d}` : 'saugoma iki termino pabaigos (terminas dar neprasidėjo)'),
  lv: (d) => (d ? `glabā līdz ${d}` : 'glabā līdz termiņa beigām (termiņš vēl nav sācies)'),
  sv: (d) => (d ? `sparas till och med ${d}` : 'sparas tills perioden löper ut (den har inte börjat ännu)'),
};

const trimEnd = (s: string) => s.trim().replace(/[.;:]+$/, '');

/** "<law>: <rule>; kept until <date>" in `lang` (English fallback). */
export function restrictionText(r: Pick<Restriction, 'law' | 'rule' | 'keepUntilDate'>, lang: Lang): string {
  const pick = (t: Text) => (t as Partial<Record<Lang, string>>)[lang] ?? t.en;
  return `${trimEnd(pick(r.law))}: ${trimEnd(pick(r.rule))}; ${(UNTIL[lang] ?? UNTIL.en)(r.keepUntilDate)}`;
}
