import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { walk } from '../walk';

/**
 * Lists that may be empty: references (`unreferenced-fact` reports those),
 * a controller without group companies, a register no system feeds, catalogue
 * lists. `conditions` is reported by the retention rule.
 */
const MAY_BE_EMPTY = new Set(['ref', 'groupCompanies', 'systems', 'formerNames', 'otherEmails', 'conditions']);

/** What an empty list means, for the lists a notice renders as sections. */
const SECTIONS: Record<string, { what: string; law: string; noneAllowed?: boolean }> = {
  registers: { what: 'no registers: there is no Art. 30 record at all', law: 'Art. 30(1)' },
  purposes: { what: 'no purposes', law: 'Art. 30(1)(b), 13(1)(c)' },
  subjects: { what: 'no categories of data subjects', law: 'Art. 30(1)(c)' },
  dataCategories: { what: 'no categories of personal data', law: 'Art. 30(1)(c), 14(1)(d)' },
  sources: { what: 'no sources of the data', law: 'Art. 14(2)(f)' },
  recipients: { what: 'no recipients', law: 'Art. 30(1)(d), 13(1)(e)', noneAllowed: true },
  transfers: { what: 'no transfers', law: 'Art. 30(1)(e), 13(1)(f)', noneAllowed: true },
  retention: { what: 'no retention rules', law: 'Art. 30(1)(f), 13(2)(a)' },
  security: { what: 'no security measures', law: 'Art. 30(1)(g), 32' },
  cookies: { what: 'no cookies', law: 'Directive 2002/58/EC Art. 5(3)', noneAllowed: true },
  legalBases: { what: 'no legal basis', law: 'Art. 6(1), 13(1)(c)' },
  rights: { what: 'no data-subject rights', law: 'Art. 13(2)(b)-(d)' },
  categories: { what: 'no data categories', law: 'Art. 30(1)(c)' },
  recipientsOfTransfer: { what: 'no recipients', law: 'Art. 30(1)(e)' },
};

function message(path: string, key: string): string {
  const section = SECTIONS[key];
  const fix = section?.noneAllowed ? `list them, or write 'none' if there really are none` : 'fill it in';
  const what = section ? `${section.what} (${section.law})` : `an empty '${key}' list`;
  return `${path} is an empty list: ${what}. A notice rendered from it shows a heading with nothing under it (seed 000): ${fix}.`;
}

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  walk(def, (node, path, key) => {
    if (key === 'notice') return false; // claims about the published notice, reported below
    if (key === undefined || MAY_BE_EMPTY.has(key) || !Array.isArray(node) || node.length > 0) return;
    const section = key === 'recipients' && /\.transfers\[[^\]]*\]\.recipients$/.test(path) ? 'recipientsOfTransfer' : key;
    out.push(finding('empty-section', path, message(path, section)));
  });
  const documents = new Map((def.documents ?? []).map((d) => [d.id, d.title]));
  for (const { item, path } of itemsAt('notice', 'emptySections', def.notice?.emptySections)) {
    const from = item.filledFrom ? `the register fills it from ${documents.get(item.filledFrom) ?? item.filledFrom}` : 'the register does not say where its content comes from: set filledFrom';
    out.push(finding('notice-empty-section', path, `The published notice's section "${item.section}" is a heading with no content; ${from}. Publish the rendered policy in place of that notice.`, item.ref));
  }
  return out;
}

/** Empty lists (seed 000's headings with nothing under them) and the empty sections of the published notice. */
export const emptySectionRule: LintRule = { name: 'empty-section', codes: ['empty-section', 'notice-empty-section'], check };
