import { ControllerDefinition } from '../schema/controller';
import { Ref } from '../schema/text';
import { locateFacts } from './facts';
import { CONFIRMATION_SOURCE } from './provenance';

/** A person's confirmation of one fact, as stored (one row per fact and value). */
export interface FactConfirmation {
  path: string;
  /** `Fact.valueHash` of the value the person saw: the confirmation holds only while the value is unchanged. */
  valueHash: string;
  /** The value the person put in its place, if they replaced it (same shape as `Fact.value`). */
  replacement?: unknown;
  /** Who, when (ISO instant) and why. */
  confirmedBy: string;
  confirmedAt: string;
  note: string;
}

/** The ref a confirmation leaves on the fact: it makes the fact stated. */
export function confirmationRef(c: FactConfirmation): Ref {
  return { source: CONFIRMATION_SOURCE, at: `${c.confirmedAt.slice(0, 10)}, ${c.confirmedBy}`, note: c.note };
}

/**
 * The definition as people confirmed it: every fact whose path and value match a
 * confirmation becomes stated (its assumed and unknown markers dropped, a
 * correction kept, so the fact stays corrected; the confirmation's
 * ref added) and takes the replacement value when there is one. A confirmation
 * whose value changed since (a sync wrote another value) no longer applies: the
 * fact is back to what its refs say. Pure: `def` is not changed.
 */
export function applyConfirmations(def: ControllerDefinition, confirmations: readonly FactConfirmation[]): ControllerDefinition {
  if (confirmations.length === 0) return def;
  const copy = structuredClone(def);
  const byKey = new Map(confirmations.map((c) => [`${c.path}\u0000${c.valueHash}`, c])); // the last one for a value wins
  for (const located of locateFacts(copy)) {
    const c = byKey.get(`${located.fact.path}\u0000${located.fact.valueHash}`);
    if (!c) continue;
    if (c.replacement !== undefined) located.setValue(c.replacement);
    // Assumed and unknown markers go; a correction stays one (the rules read it: the notice's flaw is a warning).
    located.setRefs([confirmationRef(c), ...located.fact.refs.map(({ provenance, ...rest }) => (provenance === 'corrected' ? { ...rest, provenance } : rest))]);
  }
  return copy;
}
