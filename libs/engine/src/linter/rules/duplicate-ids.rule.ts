import { ControllerDefinition } from '../../schema/controller';
import { Register } from '../../schema/register';
import { finding } from '../codes';
import { idsOf, itemsAt, listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

/** Lists inside a register whose items carry ids unique within the register. */
const REGISTER_LISTS = ['purposes', 'subjects', 'dataCategories', 'sources', 'recipients', 'transfers', 'retention', 'security'] as const satisfies readonly (keyof Register)[];

/** One finding per key that occurs more than once; `path` is where the repeated item sits. */
function duplicates(listPath: string, keys: string[], what: string, pathOf: (key: string) => string): Finding[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n > 1)
    .map(([key, n]) => finding('duplicate-id', pathOf(key), `${what} '${key}' occurs ${n} times in ${listPath}: give each item its own id (paths and references use ids).`));
}

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  out.push(...duplicates('documents', idsOf(def.documents), 'Document id', (id) => `documents[${id}]`));
  out.push(...duplicates('registers', idsOf(def.registers), 'Register id', (id) => `registers[${id}]`));
  const rights: string[] = listOf(def.rights).map((r) => r.right);
  out.push(...duplicates('rights', rights, 'Right', (right) => `rights[${rights.lastIndexOf(right)}]`));
  for (const { item: register, path } of registersOf(def)) {
    for (const key of REGISTER_LISTS) {
      const listPath = `${path}.${key}`;
      out.push(...duplicates(listPath, idsOf(register[key]), 'Id', (id) => `${listPath}[${id}]`));
    }
    for (const { item: rule, path: rulePath } of itemsAt(path, 'retention', register.retention)) {
      if (rule.kind !== 'conditions') continue;
      const listPath = `${rulePath}.conditions`;
      out.push(...duplicates(listPath, idsOf(rule.conditions), 'Condition id', (id) => `${listPath}[${id}]`));
    }
  }
  return out;
}

/** Ids are unique within their list (registers within the controller, the rest within their register). */
export const duplicateIdsRule: LintRule = { name: 'duplicate-ids', codes: ['duplicate-id'], check };
