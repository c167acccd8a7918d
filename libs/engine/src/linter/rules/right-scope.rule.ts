import { ControllerDefinition, RightCase, RightCode, RightStatement } from '../../schema/controller';
import { finding } from '../codes';
import { articlesOf, itemsAt, listOf, purposesOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

/** The cases of Art. 17(1) and 18(1), each with what it covers. */
const GROUNDS: Partial<Record<RightCode, [RightCase, string][]>> = {
  A17: [
    ['17(1)(a)', 'no longer necessary'], ['17(1)(b)', 'consent withdrawn'], ['17(1)(c)', 'objection'],
    ['17(1)(d)', 'unlawful processing'], ['17(1)(e)', 'a legal obligation to erase'], ['17(1)(f)', 'data of a child collected for an online service'],
  ],
  A18: [
    ['18(1)(a)', 'accuracy contested'], ['18(1)(b)', 'unlawful processing'],
    ['18(1)(c)', 'needed by the subject for legal claims'], ['18(1)(d)', 'objection pending'],
  ],
};

/** The finding for a narrowed right: an error, or a warning about the notice when the published statement was corrected to the law. */
function narrowed(right: RightStatement, path: string, message: string, article: string): Finding {
  const own = listOf(right.limitedTo?.ref ?? right.ref);
  const ref = [...own, { source: 'GDPR', at: `Art. ${article}` }];
  if (own.some((r) => r.provenance === 'corrected')) {
    return finding('notice-right-narrowed', path, `In the controller's notice: ${message} The published statement was corrected to the law; have the controller correct its notice too.`, ref);
  }
  return finding('right-narrowed', path, message, ref);
}

const NAMES: Partial<Record<RightCode, string>> = { A17: 'erasure', A18: 'restriction of processing', A21: 'to object' };

function narrowedGrounds(right: RightStatement, path: string): Finding | null {
  const grounds = GROUNDS[right.right];
  if (!grounds || !right.limitedTo) return null;
  const offered = new Set(listOf(right.limitedTo.cases));
  const missing = grounds.filter(([c]) => !offered.has(c));
  if (missing.length === 0) return null;
  const article = right.right === 'A17' ? '17(1)' : '18(1)';
  return narrowed(
    right, `${path}.limitedTo`,
    `The right to ${NAMES[right.right]} is offered only in ${offered.size ? [...offered].join(', ') : 'no case'}, while Art. ${article} grants it in every case it lists; also missing: ${missing.map(([c, what]) => `${c} (${what})`).join(', ')}. State the right in all cases of Art. ${article} (the exceptions of Art. ${right.right === 'A17' ? '17(3)' : '18(2)'} apply by law).`,
    article,
  );
}

/** Objection on grounds of one's situation (Art. 21(1)) must be offered where a purpose rests on Art. 6(1)(e) or (f). */
function narrowedObjection(def: ControllerDefinition, right: RightStatement, path: string): Finding | null {
  if (right.right !== 'A21' || !right.limitedTo) return null;
  if (listOf(right.limitedTo.cases).includes('21(1)')) return null;
  const relying = purposesOf(def).filter(({ item }) => {
    const bases = articlesOf([item]);
    return bases.has('6(1)(e)') || bases.has('6(1)(f)');
  });
  if (relying.length === 0) return null;
  const ids = relying.slice(0, 5).map(({ item }) => `'${item.id}'`).join(', ') + (relying.length > 5 ? ` and ${relying.length - 5} more` : '');
  return narrowed(
    right, `${path}.limitedTo`,
    `The right to object is offered only against direct marketing or profiling, but purposes ${ids} rest on Art. 6(1)(e) or (f): Art. 21(1) lets the data subject object to those on grounds relating to their particular situation. State that right too.`,
    '21(1)',
  );
}

function check(def: ControllerDefinition): Finding[] {
  return itemsAt('', 'rights', def.rights).flatMap(({ item, path }) =>
    [narrowedGrounds(item, path), narrowedObjection(def, item, path)].filter((f): f is Finding => f !== null),
  );
}

/** A right may not be offered in fewer cases than the law grants (Art. 17(1), 18(1), 21(1)). */
export const rightScopeRule: LintRule = { name: 'right-scope', codes: ['right-narrowed', 'notice-right-narrowed'], check };
