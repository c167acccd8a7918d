import { ControllerDefinition, RightCode } from '../../schema/controller';
import { finding } from '../codes';
import { articlesOf, listOf, purposesOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

const RIGHT_NAMES: Partial<Record<RightCode, string>> = {
  A15: 'access (Art. 15)',
  A16: 'rectification (Art. 16)',
  A17: 'erasure (Art. 17)',
  A18: 'restriction of processing (Art. 18)',
  A20: 'data portability (Art. 20)',
  A21: 'to object (Art. 21)',
  'A7-3': 'to withdraw consent at any time (Art. 7(3))',
  A77: 'to lodge a complaint with a supervisory authority (Art. 77)',
};

/** The rights the controller must state, each with the reason it applies (Art. 13(2)(b)-(d)). */
function requiredRights(def: ControllerDefinition): [RightCode, string][] {
  const purposes = purposesOf(def).map(({ item }) => item);
  const bases = articlesOf(purposes);
  listOf(def.groupCompanies).forEach((g) => g.sharing && bases.add(g.sharing.basis));
  const required: [RightCode, string][] = [
    ['A15', 'always'], ['A16', 'always'], ['A17', 'always'], ['A18', 'always'], ['A77', 'always'],
  ];
  if (bases.has('6(1)(e)') || bases.has('6(1)(f)')) required.push(['A21', 'processing relies on Art. 6(1)(e) or (f)']);
  else if (purposes.some((p) => p.directMarketing)) required.push(['A21', 'a purpose is direct marketing (Art. 21(2))']);
  if (bases.has('6(1)(a)') || bases.has('6(1)(b)')) required.push(['A20', 'processing relies on Art. 6(1)(a) or (b)']);
  if (bases.has('6(1)(a)')) required.push(['A7-3', 'processing relies on consent']);
  return required;
}

function check(def: ControllerDefinition): Finding[] {
  // An empty list is reported once, as an empty section.
  if (!Array.isArray(def.rights) || def.rights.length === 0) return [];
  const stated = new Set(def.rights.map((r) => r.right));
  if (stated.has('A21-2')) stated.add('A21');
  return requiredRights(def)
    .filter(([right]) => !stated.has(right))
    .map(([right, why]) =>
      finding('right-missing', 'rights', `The rights do not state ${right}, the right ${RIGHT_NAMES[right] ?? right}, which applies ${why === 'always' ? 'to every controller' : `because ${why}`}: add a RightStatement for it (Art. 13(2)).`),
    );
}

/** The data-subject rights the notice must state. */
export const rightsRule: LintRule = { name: 'rights', codes: ['right-missing'], check };
