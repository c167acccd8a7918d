import { isLaw } from '../../catalog/laws';
import { CONFIRMATION_SOURCE } from '../../provenance/provenance';
import { ControllerDefinition } from '../../schema/controller';
import { Ref } from '../../schema/text';
import { finding } from '../codes';
import { At, basesOf, itemsAt, listOf, purposesOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { eachRef } from '../walk';

function unknownReferences(def: ControllerDefinition): Finding[] {
  const documents = new Set(listOf(def.documents).map((d) => d.id));
  const out: Finding[] = [];
  eachRef(def, (ref, path) => {
    if (typeof ref.source === 'string' && (documents.has(ref.source) || isLaw(ref.source) || ref.source === CONFIRMATION_SOURCE)) return;
    out.push(finding('unknown-reference', `${path}.source`, `Reference source "${ref.source}" is neither one of the controller's documents (${[...documents].join(', ') || 'none listed'}) nor a law of the catalogue: fix the id, add the document, or catalogue the law.`, [ref]));
  });
  return out;
}

/** The facts an auditor must be able to trace to a seed or the law. */
function facts(def: ControllerDefinition): (At<{ id?: string; ref: Ref[] }> & { what: string })[] {
  const inRegisters = registersOf(def).flatMap(({ item: r, path }) => [
    ...itemsAt(path, 'dataCategories', r.dataCategories).map((x) => ({ ...x, what: `Data category '${x.item.id}'` })),
    ...itemsAt(path, 'recipients', r.recipients).map((x) => ({ ...x, what: `Recipient '${x.item.id}'` })),
    ...itemsAt(path, 'transfers', r.transfers).map((x) => ({ ...x, what: `Transfer '${x.item.id}'` })),
    ...itemsAt(path, 'retention', r.retention).map((x) => ({ ...x, what: `Retention rule '${x.item.id}'` })),
  ]);
  return [
    ...purposesOf(def).map((x) => ({ ...x, what: `Purpose '${x.item.id}'` })),
    ...basesOf(def).map((x) => ({ ...x, what: `The ${x.item.article} basis of purpose '${x.purpose.id}'` })),
    ...inRegisters,
  ];
}

function unreferencedFacts(def: ControllerDefinition): Finding[] {
  return facts(def)
    .filter(({ item }) => listOf(item.ref).length === 0)
    .map(({ path, what }) => finding('unreferenced-fact', `${path}.ref`, `${what} has no reference: cite the seed clause or the law it comes from, with a note if it was inferred or chosen by default.`));
}

/** Every fact traces to one of the controller's documents or to the law. */
export const referencesRule: LintRule = {
  name: 'references',
  codes: ['unknown-reference', 'unreferenced-fact'],
  check: (def) => [...unknownReferences(def), ...unreferencedFacts(def)],
};
