import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { listOf, purposesOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const { item: purpose, path, register } of purposesOf(def)) {
    const special = listOf(register.dataCategories).filter((c) => c.special && listOf(purpose.categories).includes(c.id));
    if (special.length === 0 || listOf(purpose.legalBases).some((b) => b.art9)) continue;
    const ids = special.map((c) => `'${c.id}'`).join(', ');
    out.push(finding('special-category-without-art9', `${path}.legalBases`, `Purpose '${purpose.id}' processes special categories (${ids}) but none of its bases states an Art. 9(2) condition: add art9 to the basis (e.g. 9(2)(a) explicit consent, 9(2)(h) health care), or stop processing them (Art. 9(1)).`, purpose.ref));
  }
  return out;
}

/** Special categories need an Art. 9(2) condition besides the Art. 6 basis. */
export const specialCategoriesRule: LintRule = { name: 'special-categories', codes: ['special-category-without-art9'], check };
