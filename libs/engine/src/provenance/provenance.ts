import { isLaw } from '../catalog/laws';
import { Ref, SourceDocument } from '../schema/text';

/**
 * Who stands behind a fact a reader sees:
 * - stated: the controller's own document says it (`ref` names the clause);
 * - corrected: the controller's statement was replaced because the law requires it;
 * - assumed: a default Regula filled in (a statutory period, "no transfers"...);
 * - unknown: nobody stated it; the value is a placeholder;
 * - law: a fact of Regula's legal catalogue (authority contacts, national acts,
 *   Art. 8 ages), with its article.
 * Only stated, corrected and law facts may be published.
 */
export const PROVENANCE_CLASSES = ['stated', 'corrected', 'assumed', 'unknown', 'law'] as const;
export type ProvenanceClass = (typeof PROVENANCE_CLASSES)[number];

/** The source a confirmation by a person is recorded under (see `applyConfirmations`). */
export const CONFIRMATION_SOURCE = 'confirmation';

export function isPublishable(c: ProvenanceClass): boolean {
  return c === 'stated' || c === 'corrected' || c === 'law';
}

export interface Provenance {
  class: ProvenanceClass;
  /** The ref that decided the class (its `note` is the reason), when one did. */
  decidedBy?: Ref;
}

/**
 * The class of a fact from its refs. A marked ref wins (unknown over assumed over
 * corrected: the weakest claim decides); then a ref to one of the controller's
 * documents, or a person's confirmation, makes it stated; refs to laws only make
 * it a law fact; no ref at all leaves it unknown.
 */
export function provenanceOf(refs: readonly Ref[] | undefined, documents: readonly SourceDocument[]): Provenance {
  const list = Array.isArray(refs) ? refs.filter((r) => r && typeof r === 'object') : [];
  for (const c of ['unknown', 'assumed', 'corrected'] as const) {
    const marked = list.find((r) => r.provenance === c);
    if (marked) return { class: c, decidedBy: marked };
  }
  const docs = new Set(documents.map((d) => d.id));
  const stated = list.find((r) => docs.has(r.source) || r.source === CONFIRMATION_SOURCE);
  if (stated) return { class: 'stated', decidedBy: stated };
  const law = list.find((r) => isLaw(r.source));
  if (law) return { class: 'law', decidedBy: law };
  return { class: 'unknown' };
}
