import type { Duration, Lang, LegalBasis, Register, RetentionRule, Text } from '@regula/engine';
import { formatExpiry, resolveText } from '@regula/engine';
import { codeWords } from './code-words';

/** A text in the page language; `fallback` when it is the English text (the page marks it). */
export interface TextView {
  text: string;
  fallback: boolean;
}

type T = (key: string, vars?: Record<string, unknown>) => string;

const listOf = <X>(v: X[] | 'none' | undefined | null): X[] => (Array.isArray(v) ? v : []);
/**
 * The words for a list the register states as 'none': i18n key of "none (as the
 * register states)", or, when that 'none' rests on an assumption or on nothing
 * (its `fieldRefs` mark it), "none, assumed by Regula" / "not stated".
 */
function noneOf(reg: Register, key: 'recipients' | 'transfers' | 'cookies'): string | undefined {
  if (reg[key] !== 'none') return undefined;
  const marks = (reg.fieldRefs?.[key] ?? []).map((r) => r.provenance);
  return marks.includes('unknown') ? 'registers.notStated' : marks.includes('assumed') ? 'registers.noneAssumed' : 'registers.noneStated';
}

function tx(text: Text | undefined | null, lang: Lang): TextView | undefined {
  if (!text || typeof text !== 'object' || typeof text.en !== 'string') return undefined;
  return resolveText(text, lang);
}

function duration(d: Duration | undefined, lang: Lang): string {
  return d && typeof d === 'object' ? formatExpiry(d, lang) || '0' : '';
}

function basisView(b: LegalBasis, lang: Lang, t: T) {
  const letter = /^6\(1\)\(([a-f])\)$/.exec(String(b.article))?.[1];
  return {
    article: b.article,
    name: letter ? t(`registers.basis.${letter}`) : '',
    description: tx(b.description, lang),
    legitimateInterest: tx(b.legitimateInterest, lang),
    law: tx(b.legalObligation?.law, lang),
    art9: b.art9 ? { condition: b.art9.condition, description: tx(b.art9.description, lang) } : undefined,
    citedInNotice: b.citedInNotice,
  };
}

/** A code of the schema in words (`registers.<group>.<code>`), or the code itself when the catalogue has no words for it. */
function word(t: T, group: string, code: string): string {
  const key = `registers.${group}.${code}`;
  const w = t(key);
  return w === key ? code : w;
}

function retentionView(r: RetentionRule, lang: Lang, t: T, categoryName: (id: string) => string) {
  let rule: string;
  let conditions: { label?: TextView; endsAt: string; plus: string }[] = [];
  if (r.kind === 'period') rule = t('registers.rulePeriod', { period: duration(r.period, lang), anchor: word(t, 'anchor', r.anchor) });
  else if (r.kind === 'conditions') {
    rule = t('registers.ruleConditions', { period: duration(r.then, lang) });
    conditions = listOf(r.conditions).map((c) => ({ label: tx(c.label, lang), endsAt: word(t, 'anchor', c.endsAt), plus: duration(c.plus, lang) }));
  } else rule = t('registers.ruleUnenforceable');
  return {
    id: r.id,
    description: tx(r.description, lang),
    categories: listOf(r.categories).map(categoryName).join(', '),
    rule,
    conditions,
    action: word(t, 'actions', r.action),
  };
}

/**
 * A register's whole content for the register's page, every text in the page
 * language (English where the register has none, marked), codes of the
 * schema's enumerations in words with the code beside them (`codeWords`: the
 * code alone when the catalogue has no words for it).
 */
export function registerContentView(reg: Register, lang: Lang, t: T) {
  const categories = listOf(reg.dataCategories);
  const sources = listOf(reg.sources);
  const recipients = listOf(reg.recipients);
  const nameOf = (list: { id: string; name?: Text }[]) => (id: string) => {
    const found = list.find((x) => x.id === id);
    return (found?.name && tx(found.name, lang)?.text) || id;
  };
  const categoryName = nameOf(categories);
  const ad = reg.automatedDecisions;
  return {
    id: reg.id,
    name: tx(reg.name, lang),
    businessFunction: tx(reg.businessFunction, lang),
    description: tx(reg.description, lang),
    location: tx(reg.location, lang),
    systems: listOf(reg.systems).join(', '),
    dpia: reg.dpia ? { required: !!reg.dpia.required, status: codeWords(lang, 'dpiaStatus', reg.dpia.status), reason: tx(reg.dpia.reason, lang), link: reg.dpia.link } : undefined,
    automated: ad ? { profiling: !!ad.profiling, decisions: !!ad.automatedDecisions, significant: !!ad.significantEffects, logic: tx(ad.logic, lang) } : undefined,
    purposes: listOf(reg.purposes).map((p) => ({
      id: p.id,
      name: tx(p.name, lang),
      description: tx(p.description, lang),
      directMarketing: !!p.directMarketing,
      bases: listOf(p.legalBases).map((b) => basisView(b, lang, t)),
      categories: listOf(p.categories).map(categoryName).join(', '),
    })),
    subjects: listOf(reg.subjects).map((s) => ({ id: s.id, kind: codeWords(lang, 'subjectKind', s.kind), name: tx(s.name, lang), description: tx(s.description, lang), children: !!s.mayIncludeChildren })),
    categories: categories.map((c) => ({
      id: c.id,
      name: tx(c.name, lang),
      fields: tx(c.fields, lang),
      required: !!c.required,
      special: !!c.special,
      provided: !!c.providedBySubject,
      sources: listOf(c.sources).join(', '),
    })),
    sources: sources.map((s) => ({ id: s.id, kind: codeWords(lang, 'sourceKind', s.kind), description: tx(s.description, lang) })),
    recipientsNone: noneOf(reg, 'recipients'),
    recipients: recipients.map((r) => ({
      id: r.id, kind: codeWords(lang, 'recipientKind', r.kind), name: tx(r.name, lang), description: tx(r.description, lang), dpa: r.dpa,
      country: r.country ? codeWords(lang, 'country', r.country) : undefined,
      categories: r.categories ? r.categories.map(categoryName).join(', ') : t('registers.allCategories'),
    })),
    transfersNone: noneOf(reg, 'transfers'),
    transfers: listOf(reg.transfers).map((x) => ({
      id: x.id,
      destination: tx(x.destination, lang),
      recipients: listOf(x.recipients).map(nameOf(recipients)).join(', '),
      safeguard: x.safeguard ? codeWords(lang, 'safeguard', x.safeguard) : { code: '', words: t('registers.noSafeguard'), known: true },
      detail: tx(x.safeguardDetail, lang),
    })),
    retention: listOf(reg.retention).map((r) => retentionView(r, lang, t, categoryName)),
    security: listOf(reg.security).map((s) => ({ id: s.id, type: codeWords(lang, 'securityType', s.type), control: codeWords(lang, 'securityControl', s.control), description: tx(s.description, lang) })),
    cookiesNone: noneOf(reg, 'cookies'),
    cookies: listOf(reg.cookies).map((c) => ({
      name: c.label ? tx(c.label, lang)?.text : c.name,
      provider: c.providerLabel ? tx(c.providerLabel, lang)?.text : c.provider,
      firstParty: !!c.firstParty,
      category: codeWords(lang, 'cookieCategory', c.category),
      purpose: tx(c.purpose, lang),
      expiry: c.expiry ? formatExpiry(c.expiry, lang) : '',
      basis: codeWords(lang, 'cookieBasis', c.basis),
      storage: codeWords(lang, 'cookieStorage', c.storage ?? 'cookie'),
      browserStorage: (c.storage ?? 'cookie') !== 'cookie',
    })),
  };
}
