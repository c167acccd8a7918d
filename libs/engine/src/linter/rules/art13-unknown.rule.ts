import { listFacts, Fact } from '../../provenance/facts';
import { ControllerDefinition } from '../../schema/controller';
import { LegalBasis } from '../../schema/legal-basis';
import { DataCategory, Register } from '../../schema/register';
import { finding } from '../codes';
import { basesOf, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

/** An item the data subject must be told, and whether it applies here ('unknown' when that cannot be said). */
interface Item {
  article: string;
  what: string;
  applies: boolean | 'unknown';
}

const ALWAYS = true;

interface Context {
  def: ControllerDefinition;
  bases: Map<string, LegalBasis>;
  /** Some legal basis is itself unknown: whether consent (or (f)) is relied on cannot be said. */
  basesUnknown: boolean;
  consent: boolean;
  categories: Map<string, { category: DataCategory; register: Register }>;
}

const registerOf = (path: string, ctx: Context) => {
  const m = /^registers\[([^\]]+)\]/.exec(path);
  return m ? listOf(ctx.def.registers).find((r) => r.id === m[1]) : undefined;
};

/** Is data of this category (possibly) not obtained from the data subject (Art. 14)? */
function notFromSubject(category: DataCategory | undefined, register: Register | undefined): boolean | 'unknown' {
  if (!category || !register) return 'unknown';
  const kinds = listOf(category.sources).map((id) => listOf(register.sources).find((s) => s.id === id)?.kind);
  if (kinds.length === 0 || kinds.some((k) => k === undefined)) return 'unknown';
  return kinds.some((k) => k !== 'data-subject');
}

/** The Art. 13/14 item a fact states, or null when it is none (security, cookies, children...). */
function itemOf(fact: Fact, ctx: Context): Item | null {
  const { kind, path } = fact;
  if (path === 'legalName' || path === 'legalAddress' || path === 'contact' || path.startsWith('contact.')) {
    return { article: '13(1)(a)', what: 'the controller\'s identity and contact details', applies: ALWAYS };
  }
  if (path === 'dpo' || path.startsWith('dpo.')) {
    // Applies where a DPO is designated: a DPO stated as an object is; 'none' nobody stated leaves it open.
    return { article: '13(1)(b)', what: 'the contact details of the data protection officer', applies: fact.value === 'none' ? 'unknown' : ALWAYS };
  }
  if (kind === 'legitimateInterest') {
    const basis = ctx.bases.get(path.replace(/\.legitimateInterest$/, ''));
    return { article: '13(1)(d)', what: 'the legitimate interests pursued', applies: basis ? basis.article === '6(1)(f)' : 'unknown' };
  }
  if (kind === 'purposes' || kind === 'legalBases' || kind === 'legalObligation') {
    return { article: '13(1)(c)', what: 'the purposes and their legal basis', applies: ALWAYS };
  }
  if (kind === 'recipients' || kind === 'groupCompanies') return { article: '13(1)(e)', what: 'the recipients or categories of recipients', applies: ALWAYS };
  if (kind === 'transfers') return { article: '13(1)(f)', what: 'whether and how data is transferred to third countries', applies: ALWAYS };
  if (kind === 'retention' || kind === 'conditions') return { article: '13(2)(a)', what: 'how long the data is kept', applies: ALWAYS };
  if (kind === 'authority') return { article: '13(2)(d)', what: 'the right to complain to the supervisory authority', applies: ALWAYS };
  if (kind === 'automatedDecisions') return { article: '13(2)(f)', what: 'automated decision-making and profiling', applies: ALWAYS };
  if (kind === 'rights') {
    const right = (fact.value as { right?: string } | null)?.right;
    if (right === 'A7-3') {
      return { article: '13(2)(c)', what: 'the right to withdraw consent', applies: ctx.consent ? ALWAYS : ctx.basesUnknown ? 'unknown' : false };
    }
    if (right === 'A77') return { article: '13(2)(d)', what: 'the right to complain to the supervisory authority', applies: ALWAYS };
    if (right === 'A22') return { article: '13(2)(f)', what: 'the rights concerning automated decisions', applies: ALWAYS };
    return { article: '13(2)(b)', what: 'the data subject\'s rights', applies: ALWAYS };
  }
  if (kind === 'dataCategories') {
    const at = ctx.categories.get(path);
    const other = notFromSubject(at?.category, at?.register ?? registerOf(path, ctx));
    return other === false
      ? { article: '13(2)(e)', what: 'whether providing the data is required and the consequences of not providing it', applies: ALWAYS }
      : { article: '14(1)(d)', what: 'the categories of personal data concerned', applies: other };
  }
  if (kind === 'sources') {
    const source = fact.value as { kind?: string } | null;
    return { article: '14(2)(f)', what: 'the source of the data', applies: source?.kind ? source.kind !== 'data-subject' : 'unknown' };
  }
  return null;
}

function contextOf(def: ControllerDefinition, facts: Fact[]): Context {
  const bases = new Map(basesOf(def).map(({ item, path }) => [path, item]));
  const categories = new Map<string, { category: DataCategory; register: Register }>();
  for (const { item: register, path } of registersOf(def)) {
    listOf(register.dataCategories).forEach((category, i) => {
      categories.set(`${path}.dataCategories[${typeof category.id === 'string' && category.id ? category.id : i}]`, { category, register });
    });
  }
  return {
    def, bases, categories,
    consent: [...bases.values()].some((b) => b.article === '6(1)(a)'),
    basesUnknown: facts.some((f) => f.kind === 'legalBases' && f.provenance.class === 'unknown'),
  };
}

/**
 * An item the data subject must be told (Art. 13(1)-(2); for data not obtained
 * from the subject also Art. 14(1)(d) and 14(2)(f)) whose value, or whether it
 * applies, nobody stated: a publication error. Conditional items are errors
 * only where their condition holds or cannot be said.
 */
function check(def: ControllerDefinition): Finding[] {
  const facts = listFacts(def);
  const ctx = contextOf(def, facts);
  const out: Finding[] = [];
  for (const fact of facts) {
    if (fact.provenance.class !== 'unknown') continue;
    const item = itemOf(fact, ctx);
    if (!item || item.applies === false) continue;
    const reason = fact.provenance.decidedBy?.note ? ` (${fact.provenance.decidedBy.note})` : '';
    const condition = item.applies === 'unknown' ? ', and whether it applies here cannot be said either,' : '';
    out.push(finding(
      'art13-unknown', fact.path,
      `Art. ${item.article}: ${item.what} must be told to the data subject, but nobody stated it${reason}${condition}. Ask the controller and record the answer with the clause of its document; until then no policy can be published.`,
      [...fact.refs, { source: 'GDPR', at: `Art. ${item.article}` }],
    ));
  }
  return out;
}

/** Every Art. 13/14 item a policy must state is stated by someone. */
export const art13UnknownRule: LintRule = { name: 'art13-unknown', codes: ['art13-unknown'], check };
